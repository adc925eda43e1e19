/**
 * How one scalar is written so that every YAML reader, including Prometheus' YAML 1.1 one
 * (gopkg.in/yaml.v2), reads back the same string: plain when unambiguous, else quoted.
 */

/** Words YAML 1.1 or 1.2 reads as booleans or null. */
const specialWords = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', '']);

/** Looks like a number, a sexagesimal number, a date or a YAML 1.1 float/int in any base. */
function numberLike(s: string): boolean {
  if (/^[-+]?\.(inf|nan)$/i.test(s) || /^[-+._:]+$/.test(s)) return true;
  return /[0-9]/.test(s) && /^[-+]?[0-9._:eExXoObBa-fA-F-]+$/.test(s) && /^[-+.]?[0-9]/.test(s);
}

/** True when `s` can be written as a plain scalar; `flow` for items of `[a, b]` (stricter). */
export function isPlainSafe(s: string, flow = false): boolean {
  if (specialWords.has(s.toLowerCase()) || numberLike(s)) return false;
  if (flow) return /^[A-Za-z0-9_./][A-Za-z0-9_./:-]*$/.test(s) && !s.endsWith(':');
  if (!/^[A-Za-z0-9_./$(][\x20-\x7e]*$/.test(s)) return false;
  return !s.endsWith(' ') && !s.endsWith(':') && !s.includes(': ') && !s.includes(' #');
}

/** `'text'`, doubling inner quotes; JSON double quotes when the text has control characters. */
export function quoted(s: string, style: 'single' | 'double' = 'single'): string {
  if (style === 'double' || /[\x00-\x1f\x7f\u2028\u2029\ufeff]/.test(s)) return JSON.stringify(s);
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Lines of a block literal (`|-` / `|`) for multi-line text, or undefined when it cannot be one
 * (control characters, trailing spaces, leading indentation on the first line, several final newlines).
 */
export function blockLiteral(s: string): { header: string; lines: string[] } | undefined {
  if (!s.includes('\n') || /[\x00-\x09\x0b-\x1f\x7f\u2028\u2029\ufeff]/.test(s)) return undefined;
  const keep = s.endsWith('\n');
  const body = keep ? s.slice(0, -1) : s;
  if (body.endsWith('\n') || /^[ \n]/.test(body) || /[ ]\n|[ ]$/.test(body)) return undefined;
  return { header: keep ? '|' : '|-', lines: body.split('\n') };
}

/** A scalar on one line (multi-line text is handled by the caller with blockLiteral). */
export function scalarText(value: string | number | boolean, style?: 'single' | 'double', flow = false): string {
  if (typeof value !== 'string') return String(value);
  if (style) return quoted(value, style);
  return isPlainSafe(value, flow) ? value : quoted(value, /[\n]/.test(value) ? 'double' : 'single');
}
