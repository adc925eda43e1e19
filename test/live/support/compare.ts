/** Estimate vs measurement, as the live load tests compare them (and docs/load-model.md shows them). */
import { getText } from './http.ts';

/** Allowed relative difference between estimate and measurement. */
export const TOLERANCE = 0.1;

export interface Row {
  readonly what: string;
  readonly estimated: number;
  readonly measured: number;
}

export function relativeError(row: Row): number {
  return Math.abs(row.estimated - row.measured) / Math.max(1, row.measured);
}

/** The side-by-side table (Markdown, as docs/load-model.md shows it). */
export function comparisonTable(rows: readonly Row[]): string {
  const lines = ['| quantity | estimated | measured | difference |', '| --- | ---: | ---: | ---: |'];
  for (const r of rows) {
    const diff = r.measured === 0 ? '-' : `${(((r.estimated - r.measured) / r.measured) * 100).toFixed(1)}%`;
    lines.push(`| ${r.what} | ${Math.round(r.estimated)} | ${Math.round(r.measured)} | ${diff} |`);
  }
  return lines.join('\n');
}

/** `prometheus_tsdb_head_series` read from the server's own /metrics. */
export async function headSeries(address: string): Promise<number> {
  const text = await getText(`http://${address}/metrics`);
  const m = /^prometheus_tsdb_head_series (\d+)/m.exec(text);
  if (!m) throw new Error(`no prometheus_tsdb_head_series in http://${address}/metrics`);
  return Number(m[1]);
}
