/**
 * `job:` recording rules for the series a global should pull, named by Prometheus' `level:metric:operations`
 * convention (https://prometheus.io/docs/practices/rules/): the level is `job` (aggregated by job), the
 * metric keeps its name without `_total`, the operations say what was done:
 * - counters (`_total`, and a histogram's or summary's `_sum` / `_count`): `job:<name>:rate5m` =
 *   `sum by (job) (rate(<name>[5m]))`;
 * - histogram buckets: `job:<name>_bucket:rate5m` = `sum by (job, le) (rate(<name>_bucket[5m]))`,
 *   so `histogram_quantile` still works at the global;
 * - summary quantiles: `job:<name>:avg` = `avg by (job, quantile) (<name>)`;
 * - gauges (and anything else): `job:<name>:sum` = `sum by (job) (<name>)`.
 */
import type { CatalogMetric, ExporterCatalog } from '../estimate/catalog.ts';
import { isValidMetricName } from '../model/names.ts';
import type { RecordingRule } from '../model/types.ts';

/** One series (metric name) the user picked, with its type when a catalog knows it. */
export interface SeriesPick {
  readonly metric: string;
  readonly type?: string;
}

/** The rate window of generated counter rules. */
export const RATE_WINDOW = '5m';

function isCounter(pick: SeriesPick): boolean {
  if (pick.metric.endsWith('_total')) return true;
  if (pick.type === 'counter') return true;
  return (pick.type === 'histogram' || pick.type === 'summary') && /_(sum|count)$/.test(pick.metric);
}

/** The recording rule for one picked metric; undefined when the name is no metric name. */
export function jobRuleFor(pick: SeriesPick): RecordingRule | undefined {
  const m = pick.metric;
  if (!isValidMetricName(m) || m.includes(':')) return undefined;
  if (pick.type === 'histogram' && m.endsWith('_bucket')) {
    return { record: `job:${m}:rate${RATE_WINDOW}`, expr: `sum by (job, le) (rate(${m}[${RATE_WINDOW}]))` };
  }
  if (isCounter(pick)) {
    return { record: `job:${m.replace(/_total$/, '')}:rate${RATE_WINDOW}`, expr: `sum by (job) (rate(${m}[${RATE_WINDOW}]))` };
  }
  if (pick.type === 'summary') return { record: `job:${m}:avg`, expr: `avg by (job, quantile) (${m})` };
  return { record: `job:${m}:sum`, expr: `sum by (job) (${m})` };
}

/** Metrics picked automatically per exporter: the families with the most series, where aggregating saves most. */
export const AUTO_METRICS_PER_EXPORTER = 3;

/**
 * The automatic pick for a server scraping `exporters`: `up` (targets up per job), then per exporter
 * catalog its AUTO_METRICS_PER_EXPORTER metrics with the most series (ties by name).
 */
export function autoPicks(exporters: readonly string[], catalogs: readonly ExporterCatalog[]): SeriesPick[] {
  const picks: SeriesPick[] = [{ metric: 'up', type: 'gauge' }];
  const seen = new Set(['up']);
  for (const id of [...new Set(exporters)].sort()) {
    const catalog = catalogs.find((c) => c.id === id);
    if (!catalog) continue;
    const biggest = [...catalog.metrics]
      .filter((metric) => jobRuleFor(pickOf(metric)) !== undefined)
      .sort((a, b) => b.series - a.series || (a.name < b.name ? -1 : 1))
      .slice(0, AUTO_METRICS_PER_EXPORTER);
    for (const metric of biggest) {
      if (seen.has(metric.name)) continue;
      seen.add(metric.name);
      picks.push(pickOf(metric));
    }
  }
  return picks;
}

function pickOf(metric: CatalogMetric): SeriesPick {
  return metric.type ? { metric: metric.name, type: metric.type } : { metric: metric.name };
}

/** The type a catalog gives a metric name, for picks typed by the user. */
export function typedPick(metric: string, catalogs: readonly ExporterCatalog[]): SeriesPick {
  for (const c of catalogs) {
    const found = c.metrics.find((m) => m.name === metric);
    if (found) return pickOf(found);
  }
  return { metric };
}
