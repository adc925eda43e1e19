/**
 * What the stand-in exporter serves for one target group: Prometheus' text exposition format with
 * every metric family of the group's catalog, each with the catalog's number of series and label
 * names, and the measured distinct values per label where the catalog has them. A group that gives
 * only `seriesPerTarget` (or no catalog) gets that many series of one generic family.
 */
import type { ExporterCatalog } from '../estimate/catalog.ts';

/** Family the stand-in serves when it has no catalog to follow. */
export const GENERIC_FAMILY = 'promtopo_standin_series';

/** The label sets of `series` series over `labels`: label j counts in the radix of its known values. */
export function labelSets(labels: readonly string[], series: number, values: Readonly<Record<string, number>> = {}): Record<string, string>[] {
  if (series <= 0) return [];
  const names = labels.length > 0 ? labels : series > 1 ? ['series'] : [];
  const out: Record<string, string>[] = [];
  for (let i = 0; i < series; i++) {
    const set: Record<string, string> = {};
    let rest = i;
    names.forEach((name, j) => {
      if (j === names.length - 1) {
        set[name] = `v${rest}`;
        return;
      }
      const radix = Math.max(1, values[name] ?? 1);
      set[name] = `v${rest % radix}`;
      rest = Math.floor(rest / radix);
    });
    out.push(set);
  }
  return out;
}

function line(name: string, labels: Record<string, string>, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return `${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${value}`;
}

/** The exposition text of one stand-in target (the same for every target of the group). */
export function standInExposition(catalog: ExporterCatalog | undefined, seriesPerTarget?: number): string {
  const lines: string[] = [];
  if (catalog && catalog.metrics.length > 0 && seriesPerTarget === undefined) {
    for (const metric of catalog.metrics) {
      lines.push(`# HELP ${metric.name} Stand-in for ${catalog.id}: ${metric.series} series.`, `# TYPE ${metric.name} untyped`);
      for (const set of labelSets(metric.labels, metric.series, metric.values)) lines.push(line(metric.name, set, 1));
    }
  } else {
    const n = seriesPerTarget ?? catalog?.seriesPerTarget ?? 0;
    lines.push(`# HELP ${GENERIC_FAMILY} Stand-in series.`, `# TYPE ${GENERIC_FAMILY} untyped`);
    for (const set of labelSets(['series'], n)) lines.push(line(GENERIC_FAMILY, set, 1));
  }
  return `${lines.join('\n')}\n`;
}
