/**
 * Reading measurements from the processes of a local run over HTTP on 127.0.0.1: Prometheus'
 * readiness, its own /metrics, PromQL instant queries (`/api/v1/query`), its targets
 * (`/api/v1/targets`), and Alertmanager's alerts (`/api/v2/alerts`). Every request has a timeout
 * and a response size limit.
 */

/** No single request may hang a run. */
const REQUEST_TIMEOUT_MS = 5_000;
/** Largest response read (the /metrics of a large server, a big query result). */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

async function get(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_RESPONSE_BYTES) throw new Error(`GET ${url}: response larger than ${MAX_RESPONSE_BYTES} bytes`);
  const text = await res.text();
  if (text.length > MAX_RESPONSE_BYTES) throw new Error(`GET ${url}: response larger than ${MAX_RESPONSE_BYTES} bytes`);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

/** True when `/-/ready` answers 200 (Alertmanager). */
export async function isReady(address: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${address}/-/ready`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * True when a Prometheus answers an instant query (its API answers 503 until the TSDB is ready).
 * The readiness of a server is read through the query API rather than `/-/ready`: every HTTP handler
 * used adds about 24 series to Prometheus' own /metrics, and the run keeps to the handlers its
 * catalog was measured with (/metrics, query, query_range, /federate).
 */
export async function isQueryable(address: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${address}/api/v1/query?query=up`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** Uses a server as Prometheus' own catalog measurement did: one range query and one /federate. */
export async function exerciseLikeCatalog(address: string): Promise<void> {
  for (const path of ['/api/v1/query_range?query=up&start=0&end=60&step=15', '/federate?match[]=up']) {
    await get(`http://${address}${path}`).catch(() => undefined);
  }
}

/** The sum of every sample of family `name` in an exposition text (undefined when absent). */
export function exposedValue(text: string, name: string): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    const value = Number(rest.replace(/^\{[^}]*\}/, '').trim().split(/\s+/)[0]);
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

/** A Prometheus process's own figures from its /metrics. */
export async function processFigures(address: string): Promise<{ headSeries?: number; samplesAppended?: number; residentMemoryBytes?: number }> {
  const text = await get(`http://${address}/metrics`);
  return {
    headSeries: exposedValue(text, 'prometheus_tsdb_head_series'),
    samplesAppended: exposedValue(text, 'prometheus_tsdb_head_samples_appended_total'),
    residentMemoryBytes: exposedValue(text, 'process_resident_memory_bytes'),
  };
}

export interface VectorSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

/** An instant PromQL query. */
export async function query(address: string, promql: string): Promise<VectorSample[]> {
  const text = await get(`http://${address}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = JSON.parse(text) as { status: string; error?: string; data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success' || !body.data) throw new Error(`query ${promql} on ${address}: ${body.error ?? 'failed'}`);
  if (body.data.resultType !== 'vector') return [];
  return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/** One number from a query that returns at most one sample (0 when it returns none). */
export async function queryScalar(address: string, promql: string): Promise<number> {
  const r = await query(address, promql);
  return r[0]?.value ?? 0;
}

/**
 * Health of the targets of a Prometheus: `up` through the query API, and only when some are down
 * their errors from `/api/v1/targets`.
 */
export async function targetHealth(address: string): Promise<{ up: number; down: number; errors: string[] }> {
  const up = await query(address, 'up');
  const down = up.filter((s) => s.value !== 1).length;
  if (down === 0) return { up: up.length, down: 0, errors: [] };
  return targetErrors(address);
}

async function targetErrors(address: string): Promise<{ up: number; down: number; errors: string[] }> {
  const body = JSON.parse(await get(`http://${address}/api/v1/targets?state=active`)) as { data?: { activeTargets?: { health: string; lastError?: string; scrapeUrl?: string }[] } };
  const targets = body.data?.activeTargets ?? [];
  const down = targets.filter((t) => t.health !== 'up');
  return { up: targets.length - down.length, down: down.length, errors: down.map((t) => `${t.scrapeUrl ?? '?'}: ${t.lastError || t.health}`) };
}

/** Alerts an Alertmanager holds (`/api/v2/alerts`), with their labels. */
export async function alertmanagerAlerts(address: string): Promise<{ labels: Record<string, string>; state: string }[]> {
  const body = JSON.parse(await get(`http://${address}/api/v2/alerts`)) as { labels: Record<string, string>; status: { state: string } }[];
  return body.map((a) => ({ labels: a.labels, state: a.status.state }));
}

/** GET a text (an exporter's /metrics). */
export async function getText(url: string): Promise<string> {
  return get(url);
}
