/**
 * Messages for people: what a file, a tool or a value put into a message is shown, never obeyed.
 * Control characters (ANSI escapes, bells, NUL, C1 codes, bidi overrides) become visible `\u001b`-style
 * escapes, and a message longer than MAX_MESSAGE_CHARS is cut with a note of how much was left out
 * (a 10,000-character value is named, not echoed whole).
 */

/** Longest message (or line of tool output) shown, in characters. */
export const MAX_MESSAGE_CHARS = 1000;

// C0 except tab and newline, DEL, C1, and the bidirectional overrides that reorder what is shown.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with its control characters escaped (newlines and tabs kept). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` cut to `max` characters with `... (N more characters)`; surrogate pairs are not split. */
export function capLength(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}... (${text.length - cut} more characters)`;
}

/** A message ready to show: control characters escaped, each line capped. */
export function cleanMessage(text: string, max = MAX_MESSAGE_CHARS): string {
  return escapeControl(text)
    .split('\n')
    .map((line) => capLength(line, max))
    .join('\n');
}
