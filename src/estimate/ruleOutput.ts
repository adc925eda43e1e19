/**
 * The series a recording rule writes, estimated from its PromQL expression and what the server holds.
 *
 * Kept simple on purpose (docs/load-model.md, "Recording rules"):
 * - a series selector selects blocks of what the server holds (parseSelector + selectBlock);
 * - functions (`rate`, `abs`, ...) keep the series of their vector argument; `vector(s)` and
 *   `absent(...)` give one series; `histogram_quantile` removes `le` from its input's grouping;
 * - `sum/avg/min/max/count/group/stddev/stdvar/quantile by (L)` give one series per distinct value
 *   tuple of L: known values (job, group labels) are counted exactly, `instance` by the targets, a label
 *   of unknown values (cpu, mode, ...) as at most the input's series per target; no grouping = 1;
 *   `without (L)` groups by every other label; `topk/bottomk/limitk(k, ...)` at most k per group;
 * - binary operators keep the left operand's series (`or` adds both; `group_right` keeps the right);
 *   a scalar result is one series.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { parseSelector, type Selector } from '../promql/parseSelector.ts';
import { aggregate, type Grouping } from './aggregate.ts';
import type { SeriesBlock } from './series.ts';

/** What a rule's selectors select from: the server's holdings (see holdings.ts). */
export interface SeriesSource {
  select(selectors: readonly Selector[]): SeriesBlock[];
}

const EXPRESSIONS = new Set([
  'AggregateExpr', 'BinaryExpr', 'FunctionCall', 'MatrixSelector', 'NumberDurationLiteral', 'OffsetExpr', 'ParenExpr',
  'StringLiteral', 'SubqueryExpr', 'UnaryExpr', 'VectorSelector', 'StepInvariantExpr', 'AnchoredExpr', 'SmoothedExpr',
]);

/** An expression compiled to what matters for counting series (cached per expression text). */
type Plan =
  | { readonly kind: 'selector'; readonly selector: Selector | undefined }
  | { readonly kind: 'scalar' }
  | { readonly kind: 'one' }
  | { readonly kind: 'keep'; readonly input: Plan }
  | { readonly kind: 'relabel'; readonly input: Plan; readonly label: string }
  | { readonly kind: 'aggregate'; readonly input: Plan; readonly grouping: Grouping; readonly limit?: number; readonly addLabel?: string }
  | { readonly kind: 'binary'; readonly lhs: Plan; readonly rhs: Plan; readonly mode: 'or' | 'left' | 'right' };

/** Result of evaluating a plan: blocks of series, or a scalar/string. */
type Value = readonly SeriesBlock[] | 'scalar';

const CACHE_LIMIT = 5000;
const planCache = new Map<string, Plan | null>();
const selectorCache = new Map<string, Selector | null>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Parsed selectors by text; the same object each time, so holdings can cache selections by it. */
export function cachedSelector(text: string): Selector | undefined {
  let s = selectorCache.get(text);
  if (s === undefined) {
    const parsed = parseSelector(text);
    s = remember(selectorCache, text, parsed.ok ? parsed.selector : null);
  }
  return s ?? undefined;
}

function compiled(expr: string): Plan | null {
  const hit = planCache.get(expr);
  if (hit !== undefined) return hit;
  const tree = parser.parse(expr);
  let broken = false;
  tree.iterate({ enter: (n) => { if (n.type.isError) broken = true; return !broken; } });
  const top = expressionChildren(tree.topNode)[0];
  return remember(planCache, expr, broken || !top ? null : compile(top, expr));
}

/**
 * The blocks a recording rule writes: `record` becomes `__name__`, the rule's labels are set. An
 * expression that does not parse writes nothing (the validator reports it).
 */
export function ruleOutputBlocks(
  expr: string,
  record: string,
  ruleLabels: Readonly<Record<string, string>>,
  holdings: SeriesSource,
): SeriesBlock[] {
  const plan = compiled(expr);
  if (!plan) return [];
  const value = evaluate(plan, holdings);
  const blocks: readonly SeriesBlock[] = value === 'scalar' ? [single()] : value;
  return blocks.map((b) => ({
    ...b,
    labels: { ...b.labels, ...ruleLabels, __name__: record },
    free: b.free.filter((f) => !(f in ruleLabels)),
  }));
}

function single(): SeriesBlock {
  return { labels: {}, free: [], instances: [], perInstance: 1 };
}

function dropName(blocks: readonly SeriesBlock[]): SeriesBlock[] {
  return blocks.map((b) => {
    if (b.labels.__name__ === undefined) return b;
    const { __name__: _dropped, ...labels } = b.labels;
    return { ...b, labels };
  });
}

function evaluate(plan: Plan, holdings: SeriesSource): Value {
  switch (plan.kind) {
    case 'selector':
      return plan.selector ? holdings.select([plan.selector]) : [];
    case 'scalar':
      return 'scalar';
    case 'one':
      return [single()];
    case 'keep': {
      const input = evaluate(plan.input, holdings);
      return input === 'scalar' ? input : dropName(input);
    }
    case 'relabel': {
      const input = evaluate(plan.input, holdings);
      if (input === 'scalar') return input;
      const label = plan.label;
      return dropName(input).map((b) => {
        const { [label]: _replaced, ...labels } = b.labels;
        return { ...b, labels, free: b.free.includes(label) ? b.free : [...b.free, label] };
      });
    }
    case 'aggregate': {
      const input = evaluate(plan.input, holdings);
      if (input === 'scalar') return [];
      let blocks = dropName(input);
      const added = plan.addLabel;
      if (added) blocks = blocks.map((b) => (b.free.includes(added) ? b : { ...b, free: [...b.free, added] }));
      return aggregate(blocks, plan.grouping, plan.limit);
    }
    case 'binary': {
      const lhs = evaluate(plan.lhs, holdings);
      const rhs = evaluate(plan.rhs, holdings);
      if (lhs === 'scalar') return rhs === 'scalar' ? 'scalar' : dropName(rhs);
      if (rhs === 'scalar') return dropName(lhs);
      if (plan.mode === 'or') return [...lhs, ...rhs];
      return dropName(plan.mode === 'right' ? rhs : lhs);
    }
  }
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function expressionChildren(node: SyntaxNode | null): SyntaxNode[] {
  return node ? children(node).filter((c) => EXPRESSIONS.has(c.type.name)) : [];
}

function unquote(literal: string): string {
  return literal.length >= 2 ? literal.slice(1, -1) : literal;
}

function compile(node: SyntaxNode, text: string): Plan {
  switch (node.type.name) {
    case 'VectorSelector':
      return { kind: 'selector', selector: cachedSelector(text.slice(node.from, node.to)) };
    case 'NumberDurationLiteral':
    case 'StringLiteral':
      return { kind: 'scalar' };
    case 'AggregateExpr':
      return compileAggregation(node, text);
    case 'FunctionCall':
      return compileFunction(node, text);
    case 'BinaryExpr':
      return compileBinary(node, text);
    default: {
      // Matrix selectors, subqueries, offset/@ modifiers, parentheses, unary minus: same series.
      const inner = expressionChildren(node)[0];
      return inner ? compile(inner, text) : { kind: 'scalar' };
    }
  }
}

function compileFunction(node: SyntaxNode, text: string): Plan {
  const args = expressionChildren(node.getChild('FunctionCallBody'));
  const arg = (i: number): Plan => (args[i] ? compile(args[i], text) : { kind: 'scalar' });
  switch (node.getChild('FunctionIdentifier')?.firstChild?.type.name ?? '') {
    case 'Vector':
    case 'Absent':
    case 'AbsentOverTime':
      return { kind: 'one' };
    case 'HistogramQuantile':
      return { kind: 'aggregate', input: arg(1), grouping: { without: ['le'] } };
    case 'LabelReplace':
    case 'LabelJoin': {
      const dst = args[1] ? unquote(text.slice(args[1].from, args[1].to)) : '';
      return dst ? { kind: 'relabel', input: arg(0), label: dst } : { kind: 'keep', input: arg(0) };
    }
    default: {
      // Functions keep the series of their (first) vector argument.
      const plans = args.map((_, i) => arg(i)).filter((p) => p.kind !== 'scalar');
      return plans[0] ? { kind: 'keep', input: plans[0] } : { kind: 'scalar' };
    }
  }
}

function compileAggregation(node: SyntaxNode, text: string): Plan {
  const op = node.getChild('AggregateOp')?.firstChild?.type.name ?? 'Sum';
  const modifier = node.getChild('AggregateModifier');
  const labels = modifier
    ? (modifier.getChild('GroupingLabels')?.getChildren('LabelName') ?? []).map((l) => text.slice(l.from, l.to))
    : [];
  const grouping: Grouping = modifier ? (modifier.getChild('Without') ? { without: labels } : { by: labels }) : undefined;
  const args = expressionChildren(node.getChild('FunctionCallBody'));
  const last = args[args.length - 1];
  const input: Plan = last ? compile(last, text) : { kind: 'scalar' };
  const first = args.length > 1 && args[0] ? text.slice(args[0].from, args[0].to) : '';
  if (op === 'CountValues') {
    const label = unquote(first);
    const by = grouping && 'without' in grouping ? grouping : { by: [...(grouping?.by ?? []), label] };
    return { kind: 'aggregate', input, grouping: by, addLabel: label };
  }
  if (op === 'Topk' || op === 'Bottomk' || op === 'LimitK') {
    // At most k series per group (and never more than the group has).
    const k = Number(first);
    return Number.isFinite(k) ? { kind: 'aggregate', input, grouping, limit: Math.max(0, Math.floor(k)) } : { kind: 'keep', input };
  }
  return { kind: 'aggregate', input, grouping };
}

function compileBinary(node: SyntaxNode, text: string): Plan {
  const operands = expressionChildren(node);
  const lhs = operands[0];
  const rhs = operands[operands.length - 1];
  if (!lhs || !rhs || lhs === rhs) return { kind: 'scalar' };
  const mode = node.getChild('Or')
    ? 'or'
    : node.getChild('MatchingModifierClause')?.getChild('GroupRight') && !node.getChild('And') && !node.getChild('Unless')
      ? 'right'
      : 'left';
  return { kind: 'binary', lhs: compile(lhs, text), rhs: compile(rhs, text), mode };
}
