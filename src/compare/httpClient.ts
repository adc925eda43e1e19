/**
 * prometheus/common's HTTPClientConfig with its defaults (follow_redirects and enable_http2 on), the
 * legacy `bearer_token` / `bearer_token_file` read as the `authorization` they become, and TLS
 * settings (insecure_skip_verify off).
 */
import type { Canon, CanonRecord, PlainRecord } from './canon.ts';
import { bool, generic, labels, recordOf, stringOf } from './canon.ts';

/** The HTTP client keys (inlined in scrape, Alertmanager, remote write/read and most discovery configs). */
export const HTTP_CLIENT_FIELDS = new Set([
  'basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file', 'tls_config', 'follow_redirects',
  'enable_http2', 'proxy_url', 'no_proxy', 'proxy_from_environment', 'proxy_connect_header', 'http_headers',
]);

export function tlsConfig(p: PlainRecord): CanonRecord {
  const out: Record<string, Canon> = {};
  for (const [k, v] of Object.entries(generic(p) ?? {})) out[k] = v as Canon;
  out.insecure_skip_verify = bool(p.insecure_skip_verify, false);
  return out;
}

function authorization(rec: PlainRecord): CanonRecord | undefined {
  const auth = recordOf(rec.authorization);
  const credentials = stringOf(auth.credentials) || stringOf(rec.bearer_token);
  const credentialsFile = stringOf(auth.credentials_file) || stringOf(rec.bearer_token_file);
  const ref = stringOf(auth.credentials_ref);
  if (!credentials && !credentialsFile && !ref && rec.authorization === undefined) return undefined;
  return {
    type: stringOf(auth.type) || 'Bearer',
    ...(credentials ? { credentials } : {}),
    ...(credentialsFile ? { credentials_file: credentialsFile } : {}),
    ...(ref ? { credentials_ref: ref } : {}),
  };
}

function oauth2(p: PlainRecord): CanonRecord {
  const out: Record<string, Canon> = { ...(generic(p) as CanonRecord | undefined) };
  out.tls_config = tlsConfig(recordOf(p.tls_config));
  if (p.endpoint_params !== undefined) out.endpoint_params = labels(p.endpoint_params);
  return out;
}

/** The HTTP client fields of `rec`, defaults applied, as canonical entries. */
export function httpClient(rec: PlainRecord): Record<string, Canon> {
  const out: Record<string, Canon> = {
    follow_redirects: bool(rec.follow_redirects, true),
    enable_http2: bool(rec.enable_http2, true),
    proxy_from_environment: bool(rec.proxy_from_environment, false),
    tls_config: tlsConfig(recordOf(rec.tls_config)),
  };
  const auth = authorization(rec);
  if (auth) out.authorization = auth;
  const basic = generic(rec.basic_auth);
  if (basic) out.basic_auth = basic;
  if (rec.oauth2 !== undefined) out.oauth2 = oauth2(recordOf(rec.oauth2));
  for (const key of ['proxy_url', 'no_proxy'] as const) {
    const v = stringOf(rec[key]);
    if (v) out[key] = v;
  }
  for (const key of ['proxy_connect_header', 'http_headers'] as const) {
    const v = generic(rec[key]);
    if (v) out[key] = v;
  }
  return out;
}
