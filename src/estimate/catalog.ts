/**
 * Exporter catalogs: per exporter, the metric names one target exposes, with the series each has and
 * the label names they carry. The load model takes catalogs as data (it never reads files); the
 * built-in ones live in assets/catalogs/ (measured here with scripts/measure-catalogs.ts, or
 * published estimates with their source).
 */
import { z } from 'zod';
import type { SeriesCount } from '../model/types.ts';

/** One metric name exposed by every target of the exporter. */
export interface CatalogMetric {
  /** Metric name as stored (`node_cpu_seconds_total`, `http_request_duration_seconds_bucket`). */
  readonly name: string;
  /** Series of this name on one target. */
  readonly series: SeriesCount;
  /** Label names the series carry besides `job` and `instance` (values unknown to the model). */
  readonly labels: readonly string[];
  /** Metric family type from `# TYPE` (counter, gauge, histogram, summary, untyped). */
  readonly type?: string;
  /** Distinct values of each label on one target (`{"cpu": 2, "mode": 8}`), when measured. */
  readonly values?: Readonly<Record<string, number>>;
}

/** Where a catalog's numbers come from. */
export type CatalogProvenance = 'measured' | 'published estimate';

/** The metric inventory of one exporter. */
export interface ExporterCatalog {
  /** Id used by target groups' `exporter` field (`node_exporter`, `prometheus`, ...). */
  readonly id: string;
  readonly title: string;
  readonly provenance: CatalogProvenance;
  /** How it was measured, or the publication the figure comes from. */
  readonly source: string;
  /** Exporter version measured, when measured. */
  readonly version?: string;
  /** Date of the measurement (YYYY-MM-DD). */
  readonly measuredOn?: string;
  /** What the figure depends on (hardware, configuration). */
  readonly notes?: string;
  /** Series one target exposes (the sum of `metrics[].series`), excluding Prometheus' synthetic series. */
  readonly seriesPerTarget: SeriesCount;
  readonly metrics: readonly CatalogMetric[];
  /** Prometheus' own catalog: how its /metrics grows with the scraping server's configuration. */
  readonly configSeries?: ConfigSeries;
}

/**
 * Series of a Prometheus's own /metrics that depend on its configuration, each term counted beyond
 * the configuration the catalog was measured with (`measuredWith`).
 */
export interface ConfigSeries {
  /** Per scrape job: target pool, sync and dialer metrics, one discovered-targets series. */
  readonly perScrapeJob: SeriesCount;
  /** Per rule group: the `prometheus_rule_group_*` and rule evaluation metrics. */
  readonly perRuleGroup: SeriesCount;
  /** Per Alertmanager instance alerts are sent to: sent, errors and latency metrics. */
  readonly perAlertmanager: SeriesCount;
  /** Once when the server sends alerts at all: the notifier's dialer and discovery metrics. */
  readonly alerting: SeriesCount;
  /** Per distinct scrape interval: `prometheus_target_interval_length_seconds`. */
  readonly perScrapeInterval: SeriesCount;
  readonly measuredWith: { readonly scrapeJobs: number; readonly ruleGroups: number; readonly alertmanagers: number; readonly scrapeIntervals: number };
}

const CatalogMetricSchema = z.object({
  name: z.string().min(1),
  series: z.number().nonnegative(),
  labels: z.array(z.string()).default([]),
  type: z.string().optional(),
  values: z.record(z.string(), z.number().nonnegative()).optional(),
});

const ExporterCatalogSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  provenance: z.enum(['measured', 'published estimate']),
  source: z.string(),
  version: z.string().optional(),
  measuredOn: z.string().optional(),
  notes: z.string().optional(),
  seriesPerTarget: z.number().nonnegative(),
  metrics: z.array(CatalogMetricSchema),
  configSeries: z.object({
    perScrapeJob: z.number().nonnegative(),
    perRuleGroup: z.number().nonnegative(),
    perAlertmanager: z.number().nonnegative(),
    alerting: z.number().nonnegative(),
    perScrapeInterval: z.number().nonnegative(),
    measuredWith: z.object({ scrapeJobs: z.number().int().nonnegative(), ruleGroups: z.number().int().nonnegative(), alertmanagers: z.number().int().nonnegative(), scrapeIntervals: z.number().int().nonnegative() }),
  }).optional(),
});

/** Checks a catalog read from JSON; throws with the catalog id and the field when it is malformed. */
export function parseCatalog(value: unknown): ExporterCatalog {
  const parsed = ExporterCatalogSchema.safeParse(value);
  if (!parsed.success) {
    const id = typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id) : '?';
    const issue = parsed.error.issues[0];
    throw new Error(`exporter catalog "${id}": ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const catalog = parsed.data;
  const total = catalog.metrics.reduce((n, m) => n + m.series, 0);
  if (catalog.metrics.length > 0 && total !== catalog.seriesPerTarget) {
    throw new Error(`exporter catalog "${catalog.id}": seriesPerTarget is ${catalog.seriesPerTarget} but its metrics add up to ${total}`);
  }
  return catalog;
}

/** Catalogs by id. */
export type CatalogIndex = ReadonlyMap<string, ExporterCatalog>;

export function indexCatalogs(catalogs: readonly ExporterCatalog[]): CatalogIndex {
  return new Map(catalogs.map((c) => [c.id, c] as const));
}

/** The configuration of one server that its own /metrics depends on (see ConfigSeries). */
export interface SelfConfiguration {
  readonly scrapeJobs: number;
  readonly ruleGroups: number;
  readonly alertmanagers: number;
  readonly scrapeIntervals: number;
}

/** Series a server's own /metrics has beyond the catalog's figure, for its configuration (never below zero). */
export function configSeriesOf(catalog: ExporterCatalog | undefined, config: SelfConfiguration): SeriesCount {
  const c = catalog?.configSeries;
  if (!c) return 0;
  const m = c.measuredWith;
  const alerting = (config.alertmanagers > 0 ? 1 : 0) - (m.alertmanagers > 0 ? 1 : 0);
  const extra = c.perScrapeJob * (config.scrapeJobs - m.scrapeJobs)
    + c.perRuleGroup * (config.ruleGroups - m.ruleGroups)
    + c.perAlertmanager * (config.alertmanagers - m.alertmanagers)
    + c.alerting * alerting
    + c.perScrapeInterval * (config.scrapeIntervals - m.scrapeIntervals);
  return Math.max(-catalog.seriesPerTarget, extra);
}
