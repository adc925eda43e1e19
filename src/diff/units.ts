/** Human units for diff and report text: counts (k/M/G), bytes (KiB/MiB/GiB), signed deltas, percentages. */

/** Three significant figures: `950`, `12.3k`, `4.5M`. */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  const units = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']] as const;
  for (const [factor, suffix] of units) if (abs >= factor * 0.9995) return `${sign}${significant(abs / factor)}${suffix}`;
  return `${sign}${significant(abs)}`;
}

function significant(value: number): string {
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return String(Math.round(value * 10) / 10);
  return String(Math.round(value * 100) / 100);
}

/** Bytes in binary units: `1.5 KiB`, `2.9 GiB`. */
export function formatBytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let n = Math.abs(value);
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  const sign = value < 0 ? '-' : '';
  return unit === 0 ? `${sign}${Math.round(n)} B` : `${sign}${n.toFixed(1)} ${units[unit]}`;
}

/** A difference with its sign: `+1.2k`, `-300`, `0`. */
export function formatDelta(delta: number, format: (n: number) => string): string {
  if (delta === 0) return '0';
  return delta > 0 ? `+${format(delta)}` : format(delta);
}

/** A ratio as a whole percentage: 0.734 -> `73%`; above zero but under 1%: `<1%`. */
export function formatPercent(ratio: number): string {
  if (ratio > 0 && ratio < 0.005) return '<1%';
  return `${Math.round(ratio * 100)}%`;
}
