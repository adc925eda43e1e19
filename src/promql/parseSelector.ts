/**
 * Series selectors (`up`, `{job="api"}`, `{__name__=~"job:.*"}`) as `/federate?match[]=` accepts them
 * on Prometheus 2.42, parsed with @prometheus-io/lezer-promql.
 *
 * lezer follows the Prometheus 3 grammar, so this module adds what 2.42 enforces on top: quoted
 * metric/label names are refused, regexes must compile as RE2, string escapes must be valid, and the
 * metric name may be set once. It also refuses a selector without a matcher that excludes the empty
 * string (Prometheus' "vector selector must contain at least one non-empty matcher"): `/federate`
 * itself answers such a selector with every series, which is never what a design wants.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { compileAnchoredRe2 } from './re2.ts';
import { unquoteString } from './unquote.ts';
import { firstSyntaxError, topExpression } from './syntax.ts';
import { matcherMatchesEmpty } from './matchSelector.ts';

/** A label matcher operator. */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/** One label matcher; `value` is unquoted (for regex ops, the RE2 pattern without anchors). */
export interface Matcher {
  readonly name: string;
  readonly op: MatchOp;
  readonly value: string;
}

/** A parsed series selector; `metricName` (when written as `name{...}`) also appears as a `__name__ =` matcher. */
export interface Selector {
  readonly metricName?: string;
  readonly matchers: readonly Matcher[];
}

/**
 * Why a selector was refused. `syntax`, `not-selector`, `quoted-name`, `regex` and `escape` are what
 * Prometheus 2.42 rejects itself (HTTP 400 from /federate). The others are PromTopo's rules for
 * selectors that /federate accepts but that cannot be meant: `empty-matchers` (Prometheus answers with
 * every series) and `duplicate-name` (`up{__name__="x"}` selects nothing).
 */
export type SelectorErrorKind = 'syntax' | 'not-selector' | 'quoted-name' | 'regex' | 'escape' | 'duplicate-name' | 'empty-matchers';

export interface SelectorError {
  readonly message: string;
  /** 0-based offsets into the selector text. */
  readonly from: number;
  readonly to: number;
  readonly kind: SelectorErrorKind;
}

export type SelectorParse = { ok: true; selector: Selector } | { ok: false; error: SelectorError };

const opOf: Record<string, MatchOp> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

/** What each top-level expression kind is called in messages. */
const expressionKinds: Record<string, string> = {
  AggregateExpr: 'an aggregation',
  FunctionCall: 'a function call',
  BinaryExpr: 'a binary operation',
  MatrixSelector: 'a range selector',
  OffsetExpr: 'an offset modifier',
  StepInvariantExpr: 'an @ modifier',
  SubqueryExpr: 'a subquery',
  ParenExpr: 'a parenthesised expression',
  UnaryExpr: 'a unary expression',
  NumberDurationLiteral: 'a number',
  StringLiteral: 'a string',
};

/** Parses one `match[]` selector. Never throws. */
export function parseSelector(text: string): SelectorParse {
  if (text.trim() === '') return fail('empty selector', 0, text.length, 'syntax');
  const tree = parser.parse(text);
  const syntax = firstSyntaxError(tree, text);
  if (syntax) return fail(syntax.message, syntax.from, syntax.to, 'syntax');
  const top = topExpression(tree);
  if (!top) return fail('empty selector', 0, text.length, 'syntax');
  if (top.type.name !== 'VectorSelector') {
    const what = expressionKinds[top.type.name] ?? 'an expression';
    const shown = text.slice(top.from, top.to);
    return fail(
      `${shown} is ${what}, not a series selector; /federate accepts only series selectors such as up or {job="api"}`,
      top.from,
      top.to,
      'not-selector',
    );
  }
  return readVectorSelector(top, text);
}

function readVectorSelector(node: SyntaxNode, text: string): SelectorParse {
  const matchers: Matcher[] = [];
  let metricName: string | undefined;
  const identifier = node.getChild('Identifier');
  if (identifier) {
    metricName = text.slice(identifier.from, identifier.to);
    // lezer reads `atan2` as a name; Prometheus 2.42's lexer makes it a binary operator keyword.
    if (metricName === 'atan2') return fail('unexpected "atan2"', identifier.from, identifier.to, 'syntax');
    matchers.push({ name: '__name__', op: '=', value: metricName });
  }
  const list = node.getChild('LabelMatchers');
  for (let child = list?.firstChild ?? null; child; child = child.nextSibling) {
    if (child.type.name === 'QuotedLabelName' || child.type.name === 'QuotedLabelMatcher') {
      return fail(
        `quoted names such as ${text.slice(child.from, child.to)} need Prometheus 3; Prometheus 2.42 rejects them`,
        child.from,
        child.to,
        'quoted-name',
      );
    }
    if (child.type.name !== 'UnquotedLabelMatcher') continue;
    const read = readMatcher(child, text);
    if (!read.ok) return read;
    if (read.matcher.name === '__name__' && metricName !== undefined && read.matcher.op === '=') {
      return fail(`metric name must not be set twice: "${metricName}" or "${read.matcher.value}"`, child.from, child.to, 'duplicate-name');
    }
    matchers.push(read.matcher);
  }
  if (matchers.every(matcherMatchesEmpty)) {
    return fail(
      `${text.trim()} has no matcher that excludes the empty string; Prometheus requires at least one non-empty matcher (this would select every series)`,
      node.from,
      node.to,
      'empty-matchers',
    );
  }
  return { ok: true, selector: metricName === undefined ? { matchers } : { metricName, matchers } };
}

type MatcherRead = { ok: true; matcher: Matcher } | { ok: false; error: SelectorError };

function readMatcher(node: SyntaxNode, text: string): MatcherRead {
  const nameNode = node.getChild('LabelName');
  const opNode = node.getChild('MatchOp')?.firstChild;
  const valueNode = node.getChild('StringLiteral');
  if (!nameNode || !opNode || !valueNode) return fail('incomplete label matcher', node.from, node.to, 'syntax');
  const name = text.slice(nameNode.from, nameNode.to);
  const op = opOf[opNode.type.name] ?? '=';
  const raw = text.slice(valueNode.from, valueNode.to);
  const unquoted = unquoteString(raw);
  if (!unquoted.ok) {
    const kind = unquoted.message.startsWith('unterminated') ? 'syntax' : 'escape';
    return fail(unquoted.message, valueNode.from + unquoted.offset, valueNode.to, kind);
  }
  if (op === '=~' || op === '!~') {
    const compiled = compileAnchoredRe2(unquoted.value);
    if (!compiled.ok) {
      return fail(`invalid regex ${raw} for label ${name}: ${compiled.message}`, valueNode.from, valueNode.to, 'regex');
    }
  }
  return { ok: true, matcher: { name, op, value: unquoted.value } };
}

function fail(message: string, from: number, to: number, kind: SelectorErrorKind): { ok: false; error: SelectorError } {
  return { ok: false, error: { message, from, to: Math.max(from, to), kind } };
}

/** A selector written back as text (`name{a="b"}`), in the canonical double-quoted form. */
export function formatSelector(selector: Selector): string {
  const rest = selector.matchers.filter((m, i) => !(selector.metricName !== undefined && i === 0 && m.name === '__name__'));
  const body = rest.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(', ');
  if (selector.metricName !== undefined) return rest.length ? `${selector.metricName}{${body}}` : selector.metricName;
  return `{${body}}`;
}
