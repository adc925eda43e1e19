/** Talking to the live servers over HTTP on 127.0.0.1: readiness, PromQL queries, polling. */

/** No single request may hang a test: each gives up after this many milliseconds. */
const REQUEST_TIMEOUT_MS = 5_000;

/** Polls `check` every `intervalMs` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 45_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves when `http://address/-/ready` answers 200. */
export async function waitReady(address: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(`${address}/-/ready`, async () => {
    const res = await fetch(`http://${address}/-/ready`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return res.ok ? true : undefined;
  }, timeoutMs);
}

/** One sample of an instant-vector query result. */
export interface VectorSample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

/** Runs an instant PromQL query against a Prometheus at `address`. */
export async function query(address: string, promql: string): Promise<VectorSample[]> {
  const res = await fetch(`http://${address}/api/v1/query?query=${encodeURIComponent(promql)}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success' || !body.data) throw new Error(`query ${promql} on ${address}: ${body.error ?? res.status}`);
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/** GET a JSON document. */
export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** GET text (for /federate). */
export async function getText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}
