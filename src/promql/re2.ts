/**
 * RE2 (Go regexp/syntax) regexes as Prometheus uses them in label matchers, translated to JavaScript.
 *
 * Prometheus anchors every matcher regex (`^(?:re)$`); so does `compileAnchoredRe2`. What RE2 rejects
 * (lookaround, backreferences, unknown escapes, repeat counts over 1000) is reported as an error, even
 * where JavaScript would accept it. What RE2 accepts but JavaScript spells differently (`(?P<n>..)`,
 * `[[:alpha:]]`, `\pL`, `\z`, `\Q..\E`, a leading `(?i)`) is translated.
 *
 * HAZARD: flags set in the middle of a pattern (`a(?i)b`, `(?i:x)`) are applied to the whole regex in
 * JavaScript (Node 20 has no scoped modifiers). Validity is exact; matching is then approximate.
 */

export type Re2Translation =
  | { ok: true; source: string; flags: string }
  /** `offset` is 0-based inside the pattern. */
  | { ok: false; message: string; offset: number };

/** Prometheus' maximum repeat count (Go regexp/syntax). */
const MAX_REPEAT = 1000;

const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Characters that must be escaped in a JavaScript `u`-mode regex to stand for themselves. */
const jsSyntax = new Set([...'^$\\.*+?()[]{}|/']);

/** `c` as a literal; `-` needs escaping only inside a class (and must not be escaped outside in `u` mode). */
function literal(c: string, inClass: boolean): string {
  return jsSyntax.has(c) || (inClass && c === '-') ? `\\${c}` : c;
}

type Step = { ok: true; out: string; next: number } | { ok: false; message: string; offset: number };

/** Translates one RE2 pattern. Never throws. */
export function translateRe2(pattern: string): Re2Translation {
  const flags = new Set<string>();
  let out = '';
  let i = 0;
  let inClass = false;
  let classStart = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    let step: Step;
    if (c === '\\') step = escape(pattern, i, inClass);
    else if (inClass) {
      if (c === ']' && i > classStart) {
        inClass = false;
        step = { ok: true, out: ']', next: i + 1 };
      } else if (c === '[' && pattern[i + 1] === ':') step = posixClass(pattern, i);
      else if (c === '-') step = { ok: true, out: '-', next: i + 1 };
      else step = { ok: true, out: literal(c, true), next: i + 1 };
    } else if (c === '[' && wholeNegatedPosix(pattern, i)) {
      step = wholeNegatedPosix(pattern, i) as Step;
    } else if (c === '[') {
      inClass = true;
      const negated = pattern[i + 1] === '^';
      classStart = i + (negated ? 2 : 1);
      if (pattern[classStart] === ']') {
        // A `]` first in a class is a literal in RE2; JavaScript would read `[]` as an empty class.
        step = { ok: true, out: negated ? '[^\\]' : '[\\]', next: classStart + 1 };
        classStart += 1;
      } else step = { ok: true, out: negated ? '[^' : '[', next: classStart };
    } else if (c === '(' && pattern[i + 1] === '?') step = group(pattern, i, flags);
    else if (c === '{') step = repeat(pattern, i);
    else if (c === '}' || c === ']' || c === '/') step = { ok: true, out: `\\${c}`, next: i + 1 };
    else step = { ok: true, out: c, next: i + 1 };
    if (!step.ok) return step;
    out += step.out;
    i = step.next;
  }
  if (inClass) return { ok: false, message: 'missing closing ]', offset: classStart - 1 };
  return { ok: true, source: out, flags: [...flags].sort().join('') };
}

/** `[[:^alpha:]]` and `[^[:^alpha:]]`, the common spellings of a negated POSIX class, translated exactly. */
function wholeNegatedPosix(pattern: string, at: number): Step | undefined {
  const m = /^\[(\^?)\[:\^([a-z]+):\]\]/.exec(pattern.slice(at));
  const body = m ? posixClasses[m[2] as string] : undefined;
  if (!m || body === undefined) return undefined;
  return { ok: true, out: `[${m[1] ? '' : '^'}${body}]`, next: at + m[0].length };
}

function escape(pattern: string, at: number, inClass: boolean): Step {
  const c = pattern[at + 1];
  if (c === undefined) return { ok: false, message: 'trailing backslash at end of expression', offset: at };
  const next = at + 2;
  if (!/[0-9A-Za-z]/.test(c)) return { ok: true, out: literal(c, inClass), next };
  switch (c) {
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'f': case 't': case 'n': case 'r': case 'v':
      return { ok: true, out: `\\${c}`, next };
    case 'a':
      return { ok: true, out: '\\x07', next };
    case 'b': case 'B': case 'A': case 'z':
      if (inClass) break;
      return { ok: true, out: c === 'A' ? '^' : c === 'z' ? '$' : `\\${c}`, next };
    case 'x':
      return hexEscape(pattern, at);
    case 'p': case 'P':
      return unicodeClass(pattern, at, c);
    case 'Q': {
      const end = pattern.indexOf('\\E', next);
      const text = pattern.slice(next, end === -1 ? undefined : end);
      return { ok: true, out: [...text].map((ch) => literal(ch, inClass)).join(''), next: end === -1 ? pattern.length : end + 2 };
    }
    default:
      break;
  }
  if (c >= '1' && c <= '9') return { ok: false, message: `invalid escape sequence: \`\\${c}\` (RE2 has no backreferences)`, offset: at };
  return { ok: false, message: `invalid escape sequence: \`\\${c}\``, offset: at };
}

function hexEscape(pattern: string, at: number): Step {
  const braced = /^\\x\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(at));
  const plain = /^\\x([0-9A-Fa-f]{2})/.exec(pattern.slice(at));
  const m = braced ?? plain;
  if (!m || parseInt(m[1] as string, 16) > 0x10ffff) {
    return { ok: false, message: `invalid escape sequence: \`${pattern.slice(at, at + 4)}\``, offset: at };
  }
  return { ok: true, out: `\\u{${m[1]}}`, next: at + m[0].length };
}

function unicodeClass(pattern: string, at: number, c: string): Step {
  const m = /^\\[pP](?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(pattern.slice(at));
  if (!m) return { ok: false, message: `invalid character class range: \`${pattern.slice(at, at + 3)}\``, offset: at };
  const name = (m[2] ?? m[3]) as string;
  const negate = (m[1] === '^') !== (c === 'P');
  const isCategory = /^[A-Z][a-z]?$/.test(name);
  const body = name === 'Any' ? 'Any' : isCategory ? name : `Script=${name}`;
  return { ok: true, out: `\\${negate ? 'P' : 'p'}{${body}}`, next: at + m[0].length };
}

function posixClass(pattern: string, at: number): Step {
  const m = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(at));
  if (!m) return { ok: true, out: '\\[', next: at + 1 };
  const body = posixClasses[m[2] as string];
  if (body === undefined) return { ok: false, message: `invalid character class range: \`${m[0]}\``, offset: at };
  if (m[1] === '^') {
    // HAZARD: JavaScript classes cannot hold a complement; approximated as "any character" (valid, matches more).
    return { ok: true, out: '\\u{0}-\\u{10FFFF}', next: at + m[0].length };
  }
  return { ok: true, out: body, next: at + m[0].length };
}

function group(pattern: string, at: number, flags: Set<string>): Step {
  const rest = pattern.slice(at);
  if (/^\(\?(?:=|!|<=|<!)/.test(rest)) {
    return { ok: false, message: `invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\` (RE2 has no lookaround)`, offset: at };
  }
  // Go before 1.22 (Prometheus 2.42) knows only the `(?P<name>` spelling.
  const named = /^\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
  if (named) return { ok: true, out: `(?<${named[1]}>`, next: at + named[0].length };
  if (rest.startsWith('(?:')) return { ok: true, out: '(?:', next: at + 3 };
  const flagGroup = /^\(\?([imsU-]*)(\)|:)/.exec(rest);
  if (!flagGroup || flagGroup[1] === '' || flagGroup[1]?.endsWith('-')) {
    return { ok: false, message: `invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``, offset: at };
  }
  const [on] = (flagGroup[1] as string).split('-');
  // `U` (ungreedy) cannot change whether an anchored regex matches a whole value: ignored.
  // `m` is left out: with our own ^...$ anchors it would let a line match instead of the whole value.
  for (const f of on ?? '') if (f === 'i' || f === 's') flags.add(f);
  return { ok: true, out: flagGroup[2] === ':' ? '(?:' : '', next: at + flagGroup[0].length };
}

function repeat(pattern: string, at: number): Step {
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
  if (!m) return { ok: true, out: '\\{', next: at + 1 };
  const min = Number(m[1]);
  const max = m[3] ? Number(m[3]) : min;
  if (min > MAX_REPEAT || max > MAX_REPEAT || (m[3] && max < min)) {
    return { ok: false, message: `invalid repeat count: \`${m[0]}\``, offset: at };
  }
  return { ok: true, out: m[0], next: at + m[0].length };
}

export type AnchoredRegex = { ok: true; regex: RegExp } | { ok: false; message: string; offset: number };

/** Compiles `pattern` as Prometheus does for `=~`/`!~`: RE2 syntax, anchored at both ends. */
export function compileAnchoredRe2(pattern: string): AnchoredRegex {
  const t = translateRe2(pattern);
  if (!t.ok) return t;
  try {
    return { ok: true, regex: new RegExp(`^(?:${t.source})$`, `${t.flags}u`) };
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e);
    return { ok: false, message: detail.toLowerCase(), offset: 0 };
  }
}
