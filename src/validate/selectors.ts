/**
 * Every `match[]` selector of every federation edge: it must parse, be a plain series selector that
 * Prometheus 2.42 accepts, have a non-empty matcher, and not select everything. Against the source:
 * it must not match on the source's external labels (not stored), and a recording-rule selector must
 * match one of the source's rules. Selectors on raw instance-level series get an info.
 */
import { HASHMOD_SHARD_LABEL } from '../generate/prometheusConfig.ts';
import { isRecordingRule, type FederationEdge, type PrometheusNode } from '../model/types.ts';
import { isEverythingSelector, matcherMatchesEmpty, selectorMetricNames, selectsOnlyRecordingRules } from '../promql/matchSelector.ts';
import { parseSelector, type Selector, type SelectorError, type SelectorErrorKind } from '../promql/parseSelector.ts';
import { nodeOfKind, reportEdge, q, type ValidationContext } from './context.ts';

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
type Analysis = { ok: false; error: SelectorError } | { ok: true; selector: Selector; everything: boolean; rulesOnly: boolean };

function analyse(text: string): Analysis {
  const result = parseSelector(text);
  if (!result.ok) return result;
  const everything = isEverythingSelector(result.selector);
  return { ok: true, selector: result.selector, everything, rulesOnly: !everything && selectsOnlyRecordingRules(result.selector) };
}

/** What a source server exports that selectors are checked against. */
interface SourceFacts {
  readonly name: string;
  /** External labels added on the way out (plus replica and shard labels): not stored, so not matchable. */
  readonly outgoingLabels: ReadonlySet<string>;
  /** Its recording rule names; undefined when it federates others too (colon series may come from below). */
  readonly recordNames?: readonly string[];
}

function sourceFacts(ctx: ValidationContext, source: PrometheusNode): SourceFacts {
  const outgoing = new Set(Object.keys(source.externalLabels));
  if (source.ha) outgoing.add(source.ha.replicaLabel);
  if (source.hashmod) outgoing.add(HASHMOD_SHARD_LABEL);
  const federatesOthers = (ctx.index.edgesOf.get(source.id) ?? []).some((e) => e.kind === 'federation' && e.server === source.id);
  const recordNames = source.ruleGroups.flatMap((g) => g.rules.filter(isRecordingRule).map((r) => r.record));
  return { name: source.name, outgoingLabels: outgoing, ...(federatesOthers ? {} : { recordNames }) };
}

export function checkSelectors(ctx: ValidationContext): void {
  const seen = new Map<string, Analysis>();
  const analysed = (text: string): Analysis => {
    let a = seen.get(text);
    if (!a) seen.set(text, (a = analyse(text)));
    return a;
  };
  const facts = new Map<string, SourceFacts>();
  for (const edge of ctx.t.edges) {
    if (edge.kind !== 'federation') continue;
    const source = nodeOfKind(ctx, edge.source, 'prometheus');
    let f = source ? facts.get(source.id) : undefined;
    if (source && !f) facts.set(source.id, (f = sourceFacts(ctx, source)));
    checkEdgeSelectors(ctx, edge, analysed, f);
  }
}

function checkEdgeSelectors(ctx: ValidationContext, edge: FederationEdge, analysed: (text: string) => Analysis, source: SourceFacts | undefined): void {
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
    if (source) checkAgainstSource(ctx, edge, field, text, result.selector, result.rulesOnly, source);
    if (!result.rulesOnly) raw.push(text.trim());
  });
  if (raw.length > 0) {
    reportEdge(ctx, 'federation/raw-series', 'info', edge, 'match',
      // Selectors as the user wrote them (no JSON quoting: `up{job="x"}`, not `"up{job=\\"x\\"}"`).
      `${raw.join(', ')} federate${raw.length === 1 ? 's' : ''} raw instance-level series rather than job-level recording rules`,
      { hint: 'Federating pre-aggregated rules (level:metric:operations, e.g. job:http_requests:rate5m) keeps the global small (Robust Perception, "Federation: what is it good for?").' });
  }
}

function checkAgainstSource(ctx: ValidationContext, edge: FederationEdge, field: string, text: string, selector: Selector, rulesOnly: boolean, source: SourceFacts): void {
  const external = selector.matchers.find((m) => source.outgoingLabels.has(m.name) && !matcherMatchesEmpty(m));
  if (external) {
    reportEdge(ctx, 'federation/external-label-match', 'warning', edge, field,
      `${text.trim()} matches on ${q(external.name)}, an external label of ${q(source.name)}: external labels are added on the way out, not stored, so this selects nothing`,
      { hint: `Remove the ${external.name} matcher: the edge already federates only ${q(source.name)}.` });
    return;
  }
  if (rulesOnly && source.recordNames && selectorMetricNames(selector, source.recordNames).length === 0) {
    const known = source.recordNames.length ? ` (${source.recordNames.slice(0, 5).map(q).join(', ')}${source.recordNames.length > 5 ? ', ...' : ''})` : ' (it has none)';
    reportEdge(ctx, 'federation/no-rules-match', 'warning', edge, field,
      `${text.trim()} selects recording-rule series, but none of ${q(source.name)}'s recording rules match${known}`,
      { hint: 'Add the recording rules on the source, or fix the selector.' });
  }
}
