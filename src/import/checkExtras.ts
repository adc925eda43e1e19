/**
 * Checks on the parts of prometheus.yml that PromTopo keeps verbatim rather than models (HTTP client
 * auth, limits, scrape protocols, remote write/read, storage, tracing). They are not edited in the
 * designer, but a config Prometheus would refuse must not be imported as if it were fine, so the
 * simple rules of config/config.go and prometheus/common are mirrored here, with their messages.
 * Service-discovery sections are not checked (see docs/import.md).
 */
import type { DecodeContext, NameValidation } from './decode.ts';
import { configError, isNull, readDuration, readMapEntries, readSeq, readString, readStringList } from './decode.ts';
import { goQuote } from './goString.ts';
import { readRelabelRules } from './relabel.ts';
import type { Pos, YamlMap, YamlNode } from './yamlTree.ts';

const SCRAPE_PROTOCOLS = ['OpenMetricsText0.0.1', 'OpenMetricsText1.0.0', 'PrometheusProto', 'PrometheusText0.0.4', 'PrometheusText1.0.0'];
const PROTOCOLS_TEXT = `[${SCRAPE_PROTOCOLS.join(' ')}]`;
const ESCAPING = ['allow-utf-8', 'underscores', 'dots', 'values'];

/** prometheus/common HTTPClientConfig.Validate: mutually exclusive auth settings. */
export function checkHttpClient(ctx: DecodeContext, fields: ReadonlyMap<string, YamlNode>, pos: Pos): void {
  const set = (k: string) => fields.has(k) && !isNull(fields.get(k));
  const bearer = set('bearer_token') || set('bearer_token_file');
  if (set('bearer_token') && set('bearer_token_file')) configError(ctx, pos, 'at most one of bearer_token & bearer_token_file must be configured');
  else if ((set('basic_auth') || set('oauth2')) && bearer) configError(ctx, pos, 'at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured');
  else if (set('authorization') && bearer) configError(ctx, pos, 'authorization is not compatible with bearer_token & bearer_token_file');
  else if ([set('basic_auth'), set('oauth2'), set('authorization')].filter(Boolean).length > 1) {
    configError(ctx, pos, 'at most one of basic_auth, oauth2 & authorization must be configured');
  }
}

/** Service discovery sections are kept verbatim; only their HTTP client settings are checked. */
export function checkServiceDiscovery(ctx: DecodeContext, fields: ReadonlyMap<string, YamlNode>): void {
  for (const [key, value] of fields) {
    if (!key.endsWith('_sd_configs') || value.kind !== 'seq') continue;
    for (const item of value.items) if (item.kind === 'map') checkHttpClient(ctx, fieldsOf(item), item.pos);
  }
}

/** Size with a unit (`15MB`, `1KiB`), as alecthomas/units Base2Bytes. */
function checkBytes(ctx: DecodeContext, node: YamlNode): void {
  const text = readString(ctx, node);
  if (text === undefined || text === '0') return;
  const m = /^(-?\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text);
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  if (!m) configError(ctx, node.pos, `units: invalid size ${goQuote(text)}`);
  else if (!units.includes(m[2] ?? '')) configError(ctx, node.pos, `units: unknown unit ${m[2] ?? ''} in ${text}`);
}

/** Scrape settings shared by `global` and scrape jobs: protocols, sizes, name validation/escaping. */
export function checkScrapeExtras(
  ctx: DecodeContext, fields: ReadonlyMap<string, YamlNode>, where: string, scheme?: NameValidation, globalScheme?: NameValidation,
): void {
  if (fields.get('body_size_limit')) checkBytes(ctx, fields.get('body_size_limit') as YamlNode);
  const protocols = fields.get('scrape_protocols');
  if (protocols) {
    const list = readStringList(ctx, protocols) ?? [];
    const lower = list.map((p) => p.toLowerCase());
    const unknown = list.find((p) => !SCRAPE_PROTOCOLS.includes(p));
    if (list.length === 0) configError(ctx, protocols.pos, `scrape_protocols cannot be empty for ${where}`);
    else if (lower.some((p, i) => lower.indexOf(p) !== i)) configError(ctx, protocols.pos, `duplicated protocol in scrape_protocols, got [${list.join(' ')}] for ${where}`);
    else if (unknown) configError(ctx, protocols.pos, `scrape_protocols: unknown scrape protocol ${unknown}, supported: ${PROTOCOLS_TEXT} for ${where}`);
  }
  const fallback = fields.get('fallback_scrape_protocol');
  if (fallback) {
    const p = readString(ctx, fallback);
    if (p !== undefined && p !== '' && !SCRAPE_PROTOCOLS.includes(p)) {
      configError(ctx, fallback.pos, `invalid fallback_scrape_protocol for ${where}: unknown scrape protocol ${p}, supported: ${PROTOCOLS_TEXT}`);
    }
  }
  const escapingNode = fields.get('metric_name_escaping_scheme');
  const escaping = escapingNode ? readString(ctx, escapingNode) : undefined;
  if (escapingNode && escaping && !ESCAPING.includes(escaping)) {
    configError(ctx, escapingNode.pos, `unknown name escaping method specified, must be one of ${ESCAPING.map((e) => `'${e}'`).join(', ')}, got ${goQuote(escaping)}`);
  }
  const localScheme = fields.get('metric_name_validation_scheme');
  const validation = localScheme ? readString(ctx, localScheme) : undefined;
  if (scheme && localScheme && validation && !['utf8', 'legacy'].includes(validation)) {
    configError(ctx, localScheme.pos, `unknown scrape config name validation method specified, must be either '', 'legacy' or 'utf8', got ${validation}`);
  }
  const effective = scheme ?? (validation === 'legacy' ? 'legacy' : 'utf8');
  if (escaping === 'allow-utf-8' && effective === 'legacy') {
    configError(ctx, (escapingNode ?? localScheme)?.pos ?? { line: 1, col: 1 }, 'utf8 metric names requested but validation scheme is not set to UTF8');
  }
  void globalScheme;
}

const reservedHeaders = new Set([
  'host', 'content-encoding', 'content-length', 'content-type', 'user-agent', 'connection', 'keep-alive', 'proxy-authenticate',
  'proxy-authorization', 'www-authenticate', 'accept-encoding', 'x-prometheus-remote-write-version',
  'x-prometheus-remote-read-version', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256',
]);

function checkHeaders(ctx: DecodeContext, node: YamlNode | undefined, authorizationMessage: string): void {
  if (!node) return;
  for (const { key } of readMapEntries(ctx, node, 'map[string]string') ?? []) {
    const name = key.text.toLowerCase();
    if (reservedHeaders.has(name)) configError(ctx, key.pos, `${name} is a reserved header. It must not be changed`);
    else if (name === 'authorization') configError(ctx, key.pos, authorizationMessage);
  }
}

function fieldsOf(node: YamlNode): Map<string, YamlNode> {
  return new Map(node.kind === 'map' ? (node as YamlMap).entries.map((e) => [e.key.text, e.value] as const) : []);
}

function numberOf(ctx: DecodeContext, node: YamlNode | undefined): number | undefined {
  if (!node) return undefined;
  const text = readString(ctx, node);
  const n = text === undefined || text === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** remote_write, remote_read, storage and tracing: the checks config.go makes on load. */
export function checkOtherSections(ctx: DecodeContext, top: ReadonlyMap<string, YamlNode>, scheme: NameValidation): void {
  for (const [section, kind] of [['remote_write', 'write'], ['remote_read', 'read']] as const) {
    const node = top.get(section);
    if (!node) continue;
    const names = new Set<string>();
    for (const item of readSeq(ctx, node, `[]*config.Remote${kind === 'write' ? 'Write' : 'Read'}Config`) ?? []) {
      if (isNull(item)) {
        configError(ctx, item.pos, `empty or null remote ${kind} config section`);
        continue;
      }
      const f = fieldsOf(item);
      const name = f.get('name') ? readString(ctx, f.get('name') as YamlNode) ?? '' : '';
      if (name !== '' && names.has(name)) configError(ctx, item.pos, `found multiple remote ${kind} configs with job name ${goQuote(name)}`);
      names.add(name);
      const url = f.get('url') ? readString(ctx, f.get('url') as YamlNode) ?? '' : '';
      if (url === '') configError(ctx, item.pos, `url for remote_${kind} is empty`);
      checkHeaders(ctx, f.get('headers'),
        'authorization header must be changed via the basic_auth, authorization, oauth2, sigv4, azuread or google_iam parameter');
      if (f.get('remote_timeout')) readDuration(ctx, f.get('remote_timeout') as YamlNode);
      if (kind === 'write') checkRemoteWrite(ctx, item, f, scheme);
    }
  }
  const storage = top.get('storage');
  if (storage && storage.kind === 'map') checkStorage(ctx, fieldsOf(storage));
  const tracing = top.get('tracing');
  if (tracing && tracing.kind === 'map') {
    const f = fieldsOf(tracing);
    checkHeaders(ctx, f.get('headers'), 'authorization header configuration is not yet supported');
    const endpoint = f.get('endpoint') ? readString(ctx, f.get('endpoint') as YamlNode) : '';
    if (!endpoint) configError(ctx, tracing.pos, 'tracing endpoint must be set');
    const compression = f.get('compression') ? readString(ctx, f.get('compression') as YamlNode) : '';
    if (compression && compression !== 'gzip') configError(ctx, tracing.pos, `invalid compression type ${compression} provided, valid options: gzip`);
  }
}

function checkRemoteWrite(ctx: DecodeContext, item: YamlNode, f: Map<string, YamlNode>, scheme: NameValidation): void {
  const relabel = f.get('write_relabel_configs');
  if (relabel) readRelabelRules(ctx, relabel, 'empty or null relabeling rule in remote write config', scheme);
  const message = f.get('protobuf_message') ? readString(ctx, f.get('protobuf_message') as YamlNode) : undefined;
  const supported = ['prometheus.WriteRequest', 'io.prometheus.write.v2.Request'];
  if (message && !supported.includes(message)) {
    configError(ctx, item.pos, `invalid protobuf_message value: unknown type for remote write protobuf message ${message}, supported: ${supported.join(', ')}`);
  }
  const queue = f.get('queue_config');
  if (!queue || queue.kind !== 'map') return;
  const q = fieldsOf(queue);
  const value = (k: string, fallback: number) => numberOf(ctx, q.get(k)) ?? fallback;
  for (const k of ['max_samples_per_send', 'max_shards', 'min_shards', 'capacity']) {
    if (q.has(k) && value(k, 1) <= 0) configError(ctx, queue.pos, `remote write queue ${k} must be positive`);
  }
  if (value('min_shards', 1) > value('max_shards', 50)) configError(ctx, queue.pos, 'remote write queue min_shards must not be greater than max_shards');
  const minBackoff = q.get('min_backoff') ? readDuration(ctx, q.get('min_backoff') as YamlNode)?.ms ?? 30 : 30;
  const maxBackoff = q.get('max_backoff') ? readDuration(ctx, q.get('max_backoff') as YamlNode)?.ms ?? 5000 : 5000;
  if (maxBackoff < minBackoff) configError(ctx, queue.pos, 'remote write queue max_backoff must not be less than min_backoff');
}

function checkStorage(ctx: DecodeContext, storage: Map<string, YamlNode>): void {
  const tsdb = storage.get('tsdb');
  if (!tsdb || tsdb.kind !== 'map') return;
  const t = fieldsOf(tsdb);
  if (t.get('out_of_order_time_window')) readDuration(ctx, t.get('out_of_order_time_window') as YamlNode);
  const encoding = t.get('chunk_encoding');
  const floatsNode = encoding && encoding.kind === 'map' ? fieldsOf(encoding).get('floats') : undefined;
  const floats = floatsNode ? readString(ctx, floatsNode) : undefined;
  if (floatsNode && floats && floats !== 'xor' && floats !== 'xor2') {
    configError(ctx, floatsNode.pos, `'storage.tsdb.chunk_encoding.floats' must be 'xor' or 'xor2', or the field must be omitted entirely, got ${goQuote(floats)}`);
  }
  const retention = t.get('retention');
  if (!retention || retention.kind !== 'map') return;
  const r = fieldsOf(retention);
  if (r.get('time')) readDuration(ctx, r.get('time') as YamlNode);
  const size = r.get('size') ? readString(ctx, r.get('size') as YamlNode) : undefined;
  if (size && size.startsWith('-')) configError(ctx, retention.pos, `'storage.tsdb.retention.size' must be greater than or equal to 0, got ${size}`);
  const pct = numberOf(ctx, r.get('percentage'));
  if (pct !== undefined && (pct < 0 || pct > 100)) configError(ctx, retention.pos, `'storage.tsdb.retention.percentage' must be in the range [0, 100], got ${pct}`);
}
