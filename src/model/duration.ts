/**
 * Prometheus durations, as prometheus/common model/time.go ParseDuration: units y w d h m s ms,
 * compound from largest to smallest (`1h30m`), integers only, no sign, `0` alone allowed.
 */
import type { Milliseconds } from './types.ts';

const unitMs = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
} as const;
type Unit = keyof typeof unitMs;
const unitOrder: readonly Unit[] = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

const durationRe = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

export type DurationResult = { ok: true; ms: Milliseconds } | { ok: false; error: string };

/** Parses a Prometheus duration; the error text follows Prometheus' `not a valid duration string`. */
export function parseDuration(text: string): DurationResult {
  if (text === '0') return { ok: true, ms: 0 };
  const match = durationRe.exec(text);
  if (text === '' || !match) return { ok: false, error: `not a valid duration string: "${text}"` };
  let ms = 0;
  unitOrder.forEach((unit, i) => {
    const value = match[i + 1];
    if (value !== undefined) ms += Number(value) * unitMs[unit];
  });
  if (!Number.isSafeInteger(ms)) return { ok: false, error: `duration out of range: "${text}"` };
  return { ok: true, ms };
}

/** Duration in milliseconds, or undefined when invalid. */
export function durationMs(text: string): Milliseconds | undefined {
  const r = parseDuration(text);
  return r.ok ? r.ms : undefined;
}

/** Formats milliseconds as Prometheus does (`1h30m`, `15s`, `0s`). */
export function formatDuration(ms: Milliseconds): string {
  if (ms === 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const unit of unitOrder) {
    const size = unitMs[unit];
    if (rest >= size) {
      // Prometheus prints weeks/years only when exact: follow model/time.go Duration.String.
      const n = Math.floor(rest / size);
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
