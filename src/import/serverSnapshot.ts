/**
 * What PromTopo reads from a running Prometheus (`/api/v1/status/config`, `/api/v1/status/tsdb`,
 * `/api/v1/targets`, `scrape_samples_*` and the server's own `/metrics`), parsed from the API's
 * answers into plain data: per scrape job the discovered targets and the series each stores. Pure;
 * the HTTP side is electron/services/prometheusApi.ts.
 */
import { z } from 'zod';
import { SYNTHETIC_SERIES_PER_TARGET } from '../estimate/constants.ts';

/** One active target of `/api/v1/targets` (the fields PromTopo uses). */
const ActiveTargetSchema = z.object({
  labels: z.record(z.string(), z.string()).default({}),
  scrapePool: z.string(),
  health: z.string(),
  /** Present since Prometheus 2.34 or so; else the job's interval comes from the config. */
  scrapeInterval: z.string().optional(),
});
export const TargetsDataSchema = z.object({ activeTargets: z.array(ActiveTargetSchema).default([]) });

export const TsdbDataSchema = z.object({ headStats: z.object({ numSeries: z.number() }) });
export const ConfigDataSchema = z.object({ yaml: z.string() });

/** An instant-vector query answer. */
export const VectorDataSchema = z.object({
  resultType: z.literal('vector'),
  result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })),
});
export type VectorData = z.output<typeof VectorDataSchema>;

/** One scrape job as the server runs it. */
export interface JobSnapshot {
  /** The scrape pool (job_name). */
  readonly job: string;
  /** Active targets (after relabelling), i.e. what service discovery found. */
  readonly targets: number;
  /** Of those, how many were up at the last scrape. */
  readonly up: number;
  /** Mean series stored per target that reported (`scrape_samples_post_metric_relabeling`, else `scrape_samples_scraped`), undefined when none did. */
  readonly seriesPerTarget: number | undefined;
  /** Scrape interval of the job's targets, seconds (undefined when the API does not say). */
  readonly intervalSeconds: number | undefined;
}

/** A running server's figures, as compared with the estimate. */
export interface ServerSnapshot {
  /** Head series (`/api/v1/status/tsdb` headStats.numSeries). */
  readonly series: number;
  /** Samples appended per second by scrapes: Σ over targets (stored samples + synthetic) / interval. */
  readonly samplesPerSecond: number;
  /** `process_resident_memory_bytes` (RSS), undefined when the server does not expose it. */
  readonly residentMemoryBytes: number | undefined;
  readonly jobs: readonly JobSnapshot[];
}

/** `30s`, `1m30s`, `500ms` -> seconds (Prometheus durations as the API prints them). */
export function durationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  let total = 0;
  let rest = text;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/.exec(rest);
    if (!m || !m[1] || !m[2]) return undefined;
    total += Number(m[1]) * (units[m[2]] ?? 0);
    rest = rest.slice(m[0].length);
  }
  return total > 0 ? total : undefined;
}

/** The value of a label-less metric in a text exposition (`process_resident_memory_bytes 5.2e+07`). */
export function expositionValue(exposition: string, name: string): number | undefined {
  for (const line of exposition.split('\n')) {
    if (line.startsWith(`${name} `)) {
      const v = Number(line.slice(name.length + 1).trim().split(' ')[0]);
      return Number.isFinite(v) ? v : undefined;
    }
  }
  return undefined;
}

const key = (job: string | undefined, instance: string | undefined) => `${job ?? ''}\u0000${instance ?? ''}`;

/**
 * Builds the snapshot from the parsed answers: `stored` is `scrape_samples_post_metric_relabeling`
 * (or `scrape_samples_scraped`) per job and instance; `defaultIntervalSeconds` is used for targets
 * whose interval the API does not give.
 */
export function serverSnapshot(input: {
  readonly tsdb: z.output<typeof TsdbDataSchema>;
  readonly targets: z.output<typeof TargetsDataSchema>;
  readonly stored: VectorData;
  readonly exposition: string | undefined;
  readonly defaultIntervalSeconds: number;
}): ServerSnapshot {
  const storedBy = new Map<string, number>();
  for (const r of input.stored.result) storedBy.set(key(r.metric.job, r.metric.instance), Number(r.value[1]));
  const jobs = new Map<string, { targets: number; up: number; sum: number; reported: number; interval: number | undefined }>();
  let samplesPerSecond = 0;
  for (const t of input.targets.activeTargets) {
    const j = jobs.get(t.scrapePool) ?? { targets: 0, up: 0, sum: 0, reported: 0, interval: undefined };
    j.targets++;
    if (t.health === 'up') j.up++;
    const interval = durationSeconds(t.scrapeInterval);
    j.interval ??= interval;
    const stored = storedBy.get(key(t.labels.job ?? t.scrapePool, t.labels.instance));
    if (stored !== undefined && Number.isFinite(stored)) {
      j.sum += stored;
      j.reported++;
    }
    // Every target adds its synthetic series each scrape, up or down.
    samplesPerSecond += ((stored ?? 0) + SYNTHETIC_SERIES_PER_TARGET) / (interval ?? input.defaultIntervalSeconds);
    jobs.set(t.scrapePool, j);
  }
  return {
    series: input.tsdb.headStats.numSeries,
    samplesPerSecond,
    residentMemoryBytes: input.exposition === undefined ? undefined : expositionValue(input.exposition, 'process_resident_memory_bytes'),
    jobs: [...jobs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([job, j]) => ({
      job,
      targets: j.targets,
      up: j.up,
      seriesPerTarget: j.reported > 0 ? j.sum / j.reported : undefined,
      intervalSeconds: j.interval,
    })),
  };
}
