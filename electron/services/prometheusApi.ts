/**
 * The HTTP client for a running Prometheus: only GETs of fixed API paths below the base URL the user
 * entered (no redirects followed, no credentials), each with a timeout and a response size limit.
 * Failures are values with a message naming the URL, never exceptions.
 */

/** Per request: give up after this many milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Per response: refuse bodies larger than this (a big /api/v1/targets is a few MiB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export type ServerUrl = { ok: true; url: string } | { ok: false; error: string };

/**
 * Checks a server URL as typed by the user: http or https, a host, no user name or password (they
 * would end up in settings or logs), no query or fragment. Returns it normalised without a trailing
 * slash (`http://host:9090` or `http://host/prometheus`).
 */
export function parseServerUrl(text: string): ServerUrl {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: `"${trimmed}" is not a URL; give the server's address, e.g. http://127.0.0.1:9090` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `${trimmed}: only http:// and https:// URLs are read` };
  if (url.username || url.password) return { ok: false, error: `${url.protocol}//${url.host}: a URL with a user name or password is refused (credentials are never stored)` };
  if (url.search || url.hash) return { ok: false, error: `${trimmed}: give the server's base URL without ?query or #fragment` };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export interface ApiOptions {
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A client bound to one base URL (already checked with parseServerUrl). */
export class PrometheusApi {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(readonly baseUrl: string, options: ApiOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** GET `path` (with `/` first) below the base URL, as text. */
  async text(path: string): Promise<ApiResult<string>> {
    const url = `${this.baseUrl}${path}`;
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json, text/plain' } });
    } catch (e) {
      const reason = e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : describeFetchError(e);
      return { ok: false, error: `${url}: ${reason}` };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, error: `${url}: HTTP ${res.status}${res.status === 404 ? ' (is this a Prometheus server?)' : ''}` };
    }
    const body = await readLimited(res, this.maxBytes, this.timeoutMs);
    if (!body.ok) return { ok: false, error: `${url}: ${body.error}` };
    return { ok: true, value: body.value };
  }

  /** GET an `/api/v1/...` path and return its `data` (the API's `{"status":"success","data":...}` envelope). */
  async data<T>(path: string): Promise<ApiResult<T>> {
    const text = await this.text(path);
    if (!text.ok) return text;
    let body: unknown;
    try {
      body = JSON.parse(text.value);
    } catch {
      return { ok: false, error: `${this.baseUrl}${path}: the answer is not JSON (is this a Prometheus server?)` };
    }
    const envelope = body as { status?: unknown; data?: unknown; error?: unknown };
    if (envelope === null || typeof envelope !== 'object' || envelope.status !== 'success' || envelope.data === undefined) {
      const error = typeof envelope?.error === 'string' ? envelope.error : 'not a Prometheus API answer';
      return { ok: false, error: `${this.baseUrl}${path}: ${error}` };
    }
    return { ok: true, value: envelope.data as T };
  }

  /** An instant query's vector result (`[{metric, value:[t, "v"]}]`). */
  query(promql: string): Promise<ApiResult<{ resultType: string; result: readonly { metric: Record<string, string>; value: [number, string] }[] }>> {
    return this.data(`/api/v1/query?query=${encodeURIComponent(promql)}`);
  }
}

function describeFetchError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the server running?)';
  if (cause?.code === 'ENOTFOUND') return 'host not found';
  if (cause?.message) return cause.message;
  return e instanceof Error ? e.message : String(e);
}

/** Reads a response body up to `maxBytes`, cancelling the stream beyond it. */
async function readLimited(res: Response, maxBytes: number, timeoutMs: number): Promise<ApiResult<string>> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, error: `the answer is ${declared} bytes, more than the ${maxBytes}-byte limit` };
  }
  if (!res.body) return { ok: true, value: '' };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, error: `the answer is larger than the ${maxBytes}-byte limit` };
      }
      chunks.push(value);
    }
  } catch (e) {
    const reason = e instanceof Error && e.name === 'TimeoutError' ? `no complete answer within ${timeoutMs / 1000} s` : e instanceof Error ? e.message : String(e);
    return { ok: false, error: reason };
  }
  return { ok: true, value: new TextDecoder().decode(Buffer.concat(chunks)) };
}
