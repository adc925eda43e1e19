/**
 * Human units for the panels: counts (k/M/G), rates, bytes (KiB/MiB/GiB) and percentages, each with
 * an exact form for tooltips. Pure: no DOM, no locale surprises (always `.` as the decimal point).
 */

/** Groups digits by thousands with a thin, unambiguous separator: `1234567` -> `1,234,567`. */
export function formatExact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  const [int, frac] = String(Math.abs(rounded)).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

const countUnits = [
  { factor: 1e12, suffix: 'T' },
  { factor: 1e9, suffix: 'G' },
  { factor: 1e6, suffix: 'M' },
  { factor: 1e3, suffix: 'k' },
] as const;

/** Three significant figures at most: `12.3`, `123`, `1.23`. */
function significant(value: number): string {
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return String(Math.round(value * 10) / 10);
  return String(Math.round(value * 100) / 100);
}

/** A count in SI units: `950`, `12.3k`, `4.5M`. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  for (const { factor, suffix } of countUnits) {
    // 999.95k would round to "1000k": promote it to the next unit instead.
    if (abs >= factor * 0.9995) return `${value < 0 ? '-' : ''}${significant(abs / factor)}${suffix}`;
  }
  return `${value < 0 ? '-' : ''}${significant(abs)}`;
}

/** A per-second rate: `12.3k/s`. */
export function formatRate(perSecond: number): string {
  return `${formatCount(perSecond)}/s`;
}

const byteUnits = [
  { factor: 1024 ** 4, suffix: 'TiB' },
  { factor: 1024 ** 3, suffix: 'GiB' },
  { factor: 1024 ** 2, suffix: 'MiB' },
  { factor: 1024, suffix: 'KiB' },
] as const;

/** Bytes in binary units: `512 B`, `1.5 KiB`, `3.2 GiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const abs = Math.abs(bytes);
  for (const { factor, suffix } of byteUnits) {
    if (abs >= factor * 0.9995) return `${bytes < 0 ? '-' : ''}${significant(abs / factor)} ${suffix}`;
  }
  return `${Math.round(bytes)} B`;
}

/** A utilisation ratio (1 = 100%) as a whole percentage; small non-zero values show as `<1%`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  const percent = ratio * 100;
  if (percent > 0 && percent < 1) return '<1%';
  return `${Math.round(percent)}%`;
}
