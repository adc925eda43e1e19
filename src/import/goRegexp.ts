/**
 * Checks a Prometheus regex (Go RE2 syntax, anchored as `^(?s:...)$`) without Go: RE2-only syntax is
 * translated to JavaScript for the syntax check, and what JavaScript accepts but RE2 refuses
 * (look-around, back-references, huge repeat counts) is refused explicitly. Messages follow Go's
 * `error parsing regexp: <reason>: `...``.
 */

/** Go's error text for an invalid regex, or undefined when RE2 would accept it. */
export function goRegexpError(regex: string): string | undefined {
  const anchored = `^(?s:${regex})$`;
  const unsupported = /\(\?(?:=|!|<=|<!)/.exec(regex);
  if (unsupported) return `error parsing regexp: invalid or unsupported Perl syntax: \`${unsupported[0]}\``;
  const backref = /(?<!\\)(?:\\\\)*\\([1-9])/.exec(regex);
  if (backref) return `error parsing regexp: invalid escape sequence: \`\\${backref[1]}\``;
  for (const m of regex.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    const max = Math.max(Number(m[1]), Number(m[2] || 0));
    if (max > 1000) return `error parsing regexp: invalid repeat count: \`${m[0]}\``;
  }
  try {
    new RegExp(toJsSyntax(anchored));
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e);
    return `error parsing regexp: ${reason.toLowerCase()}: \`${anchored}\``;
  }
}

/** Rewrites RE2-only constructs into JavaScript equivalents of the same shape (for a syntax check). */
function toJsSyntax(re2: string): string {
  return re2
    .replace(/\\Q(.*?)(?:\\E|$)/g, (_, literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?[imsU-]+\)/g, '(?:)')
    .replace(/\(\?[imsU-]+:/g, '(?:')
    .replace(/\[:\^?[a-z]+:\]/g, 'a')
    .replace(/\\[pP](?:\{\^?[A-Za-z_]+\}|[A-Za-z])/g, '\\w')
    .replace(/\\[Az]/g, '')
    .replace(/\\C/g, '.');
}
