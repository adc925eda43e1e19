/**
 * Reads a running Prometheus through its HTTP API (prometheusApi.ts) into a ServerSnapshot: head
 * series from `/api/v1/status/tsdb`, targets per job from `/api/v1/targets`, stored samples per
 * target from `scrape_samples_post_metric_relabeling` (else `scrape_samples_scraped`), RSS from
 * `process_resident_memory_bytes` of its own `/metrics`, and, for import, its configuration.
 */
import { parse as parseYaml } from 'yaml';
import {
  ConfigDataSchema,
  durationSeconds,
  serverSnapshot,
  TargetsDataSchema,
  TsdbDataSchema,
  VectorDataSchema,
  type ServerSnapshot,
  type VectorData,
} from '../../src/import/serverSnapshot.ts';
import type { z } from 'zod';
import { parseServerUrl, PrometheusApi, type ApiOptions, type ApiResult } from './prometheusApi.ts';

async function parsed<S extends z.ZodType>(api: PrometheusApi, path: string, schema: S): Promise<ApiResult<z.output<S>>> {
  const data = await api.data<unknown>(path);
  if (!data.ok) return data;
  const r = schema.safeParse(data.value);
  if (!r.success) return { ok: false, error: `${api.baseUrl}${path}: unexpected answer (${r.error.issues[0]?.message ?? 'wrong shape'})` };
  return { ok: true, value: r.data };
}

async function vector(api: PrometheusApi, promql: string): Promise<ApiResult<VectorData>> {
  return parsed(api, `/api/v1/query?query=${encodeURIComponent(promql)}`, VectorDataSchema);
}

/** The server's configuration as it runs it (`/api/v1/status/config`, YAML text). */
export async function readServerConfig(api: PrometheusApi): Promise<ApiResult<string>> {
  const r = await parsed(api, '/api/v1/status/config', ConfigDataSchema);
  return r.ok ? { ok: true, value: r.value.yaml } : r;
}

/** The global scrape interval of a config YAML text (Prometheus' default 1m). */
function globalInterval(configYaml: string | undefined): number {
  if (configYaml === undefined) return 60;
  try {
    const doc = parseYaml(configYaml, { maxAliasCount: 100 }) as { global?: { scrape_interval?: unknown } } | null;
    const text = doc?.global?.scrape_interval;
    return (typeof text === 'string' ? durationSeconds(text) : undefined) ?? 60;
  } catch {
    return 60;
  }
}

/** Reads everything compare and import need from the server at `url` (already checked). */
export async function measureServer(url: string, options: ApiOptions = {}): Promise<ApiResult<ServerSnapshot & { configYaml: string }>> {
  const checked = parseServerUrl(url);
  if (!checked.ok) return checked;
  const api = new PrometheusApi(checked.url, options);
  const config = await readServerConfig(api);
  if (!config.ok) return config;
  const tsdb = await parsed(api, '/api/v1/status/tsdb', TsdbDataSchema);
  if (!tsdb.ok) return tsdb;
  const targets = await parsed(api, '/api/v1/targets?state=active', TargetsDataSchema);
  if (!targets.ok) return targets;
  let stored = await vector(api, 'scrape_samples_post_metric_relabeling');
  if (!stored.ok) return stored;
  if (stored.value.result.length === 0) {
    stored = await vector(api, 'scrape_samples_scraped');
    if (!stored.ok) return stored;
  }
  const metrics = await api.text('/metrics');
  const snapshot = serverSnapshot({
    tsdb: tsdb.value,
    targets: targets.value,
    stored: stored.value,
    exposition: metrics.ok ? metrics.value : undefined,
    defaultIntervalSeconds: globalInterval(config.value),
  });
  return { ok: true, value: { ...snapshot, configYaml: config.value } };
}
