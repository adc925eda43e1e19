/**
 * Every `match[]` selector of every federation edge: it must parse, be a plain series selector that
 * Prometheus 2.42 accepts, have a non-empty matcher, and not select everything. Selectors on raw
 * instance-level series (rather than `job:`-level recording rules) get an info.
 */
import type { FederationEdge } from '../model/types.ts';
import { isEverythingSelector, selectsOnlyRecordingRules } from '../promql/matchSelector.ts';
import { parseSelector, type SelectorError, type SelectorErrorKind } from '../promql/parseSelector.ts';
import { reportEdge, q, type ValidationContext } from './context.ts';

const codeOfKind: Record<SelectorErrorKind, string> = {
  syntax: 'selector/syntax',
  escape: 'selector/syntax',
  'not-selector': 'selector/not-selector',
  'quoted-name': 'selector/prometheus3',
  regex: 'selector/regex',
  'empty-matchers': 'selector/empty-matcher',
  'duplicate-name': 'selector/duplicate-name',
};

const hintOfKind: Record<SelectorErrorKind, string> = {
  syntax: 'Write a series selector such as job:http_requests:rate5m or {__name__=~"job:.*"}.',
  escape: 'Valid escapes are \\n \\t \\\\ \\" and \\xNN, \\uNNNN; in regexes write \\\\d as "\\\\\\\\d" or use backticks.',
  'not-selector': 'Federate the series the expression reads, or record the expression as a rule on the source and federate the rule.',
  'quoted-name': 'Use legacy names: metric{label="v"} with [a-zA-Z_:][a-zA-Z0-9_:]* names.',
  regex: 'Prometheus uses RE2: no lookaround, no backreferences; the regex must match the whole value.',
  'empty-matchers': 'Add a matcher that needs a value, e.g. {__name__=~"job:.*"} or {job="api"}.',
  'duplicate-name': 'Set the metric name once: either name{...} or {__name__="name"}.',
};

/** What one selector text is, computed once per validation call (templated leaves repeat selectors). */
type Analysis = { ok: false; error: SelectorError } | { ok: true; everything: boolean; rulesOnly: boolean };

function analyse(text: string): Analysis {
  const result = parseSelector(text);
  if (!result.ok) return result;
  const everything = isEverythingSelector(result.selector);
  return { ok: true, everything, rulesOnly: !everything && selectsOnlyRecordingRules(result.selector) };
}

export function checkSelectors(ctx: ValidationContext): void {
  const seen = new Map<string, Analysis>();
  const analysed = (text: string): Analysis => {
    let a = seen.get(text);
    if (!a) seen.set(text, (a = analyse(text)));
    return a;
  };
  for (const edge of ctx.t.edges) {
    if (edge.kind === 'federation') checkEdgeSelectors(ctx, edge, analysed);
  }
}

function checkEdgeSelectors(ctx: ValidationContext, edge: FederationEdge, analysed: (text: string) => Analysis): void {
  if (edge.match.length === 0) {
    reportEdge(ctx, 'federation/no-match', 'warning', edge, 'match', 'no match[] selectors: /federate answers with nothing, so this edge federates nothing', {
      hint: 'Add selectors such as {__name__=~"job:.*"} (recording rules).',
    });
    return;
  }
  const raw: string[] = [];
  edge.match.forEach((text, i) => {
    const field = `match[${i}]`;
    const result = analysed(text);
    if (!result.ok) {
      const { error } = result;
      // A column helps where the problem is one spot; an expression or a matcher set is the whole text.
      const pointed = error.kind !== 'not-selector' && error.kind !== 'empty-matchers';
      reportEdge(ctx, codeOfKind[error.kind], 'error', edge, field, pointed ? `${error.message} at column ${error.from + 1}` : error.message, {
        hint: hintOfKind[error.kind],
        column: error.from + 1,
      });
      return;
    }
    if (result.everything) {
      reportEdge(ctx, 'federation/everything', 'error', edge, field,
        `${text.trim()} federates every series of the source: the global server then holds the whole leaf and becomes its bottleneck`,
        { hint: 'Federate aggregated recording rules ({__name__=~"job:.*"}) and the few raw series you need.' });
      return;
    }
    if (!result.rulesOnly) raw.push(text.trim());
  });
  if (raw.length > 0) {
    reportEdge(ctx, 'federation/raw-series', 'info', edge, 'match',
      `${raw.map(q).join(', ')} federate${raw.length === 1 ? 's' : ''} raw instance-level series rather than job-level recording rules`,
      { hint: 'Federating pre-aggregated rules (level:metric:operations, e.g. job:http_requests:rate5m) keeps the global small (Robust Perception, "Federation: what is it good for?").' });
  }
}
