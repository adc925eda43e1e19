/**
 * PromQL string literals, as Prometheus' lexer and util/strutil.Unquote read them: `"..."` and `'...'`
 * with Go escapes (`\n`, `\\`, the enclosing quote, `\x41`, `\101`, `\u00e9`, `\U0001F600`), and
 * backtick raw strings without escapes.
 */

export type UnquoteResult =
  | { ok: true; value: string }
  /** `offset` is 0-based inside the literal (including its opening quote). */
  | { ok: false; message: string; offset: number };

const simpleEscapes: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** Reads one literal token (quotes included). Never throws. */
export function unquoteString(literal: string): UnquoteResult {
  const quote = literal[0];
  if (quote === '`') {
    if (literal.length < 2 || !literal.endsWith('`')) return unterminated(literal);
    return { ok: true, value: literal.slice(1, -1) };
  }
  if (quote !== '"' && quote !== "'") return { ok: false, message: 'expected a quoted string', offset: 0 };
  let value = '';
  let i = 1;
  while (i < literal.length) {
    const c = literal[i] as string;
    if (c === quote) {
      if (i !== literal.length - 1) return { ok: false, message: 'unexpected text after the string', offset: i + 1 };
      return { ok: true, value };
    }
    if (c === '\n') return unterminated(literal);
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const escape = readEscape(literal, i, quote);
    if (!escape.ok) return escape;
    value += escape.value;
    i = escape.next;
  }
  return unterminated(literal);
}

type EscapeResult = { ok: true; value: string; next: number } | { ok: false; message: string; offset: number };

function readEscape(literal: string, at: number, quote: string): EscapeResult {
  const c = literal[at + 1];
  if (c === undefined) return { ok: false, message: 'unterminated string', offset: at };
  const simple = simpleEscapes[c];
  if (simple !== undefined) return { ok: true, value: simple, next: at + 2 };
  if (c === quote) return { ok: true, value: quote, next: at + 2 };
  const hexDigits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hexDigits > 0) {
    const hex = literal.slice(at + 2, at + 2 + hexDigits);
    if (!new RegExp(`^[0-9a-fA-F]{${hexDigits}}$`).test(hex)) {
      return { ok: false, message: `invalid escape sequence "\\${c}${hex}"`, offset: at };
    }
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (c !== 'x' && code >= 0xd800 && code < 0xe000)) {
      return { ok: false, message: `invalid Unicode code point in "\\${c}${hex}"`, offset: at };
    }
    return { ok: true, value: String.fromCodePoint(code), next: at + 2 + hexDigits };
  }
  if (c >= '0' && c <= '7') {
    const octal = literal.slice(at + 1, at + 4);
    if (!/^[0-7]{3}$/.test(octal) || parseInt(octal, 8) > 255) {
      return { ok: false, message: `invalid octal escape "\\${octal}"`, offset: at };
    }
    return { ok: true, value: String.fromCharCode(parseInt(octal, 8)), next: at + 4 };
  }
  return { ok: false, message: `unknown escape sequence "\\${c}"`, offset: at };
}

function unterminated(literal: string): UnquoteResult {
  return { ok: false, message: `unterminated string ${literal}`, offset: 0 };
}
