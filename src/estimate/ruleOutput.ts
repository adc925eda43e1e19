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
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { parseSelector } from '../promql/parseSelector.ts';
import { totalSeries, selectFromIndex, type BlockIndex, type SeriesBlock } from './series.ts';

const EXPRESSIONS = new Set([
  'AggregateExpr', 'BinaryExpr', 'FunctionCall', 'MatrixSelector', 'NumberDurationLiteral', 'OffsetExpr', 'ParenExpr',
  'StringLiteral', 'SubqueryExpr', 'UnaryExpr', 'VectorSelector', 'StepInvariantExpr', 'AnchoredExpr', 'SmoothedExpr',
]);

/** Result of evaluating an expression: blocks of series, or a scalar/string. */
type Value = readonly SeriesBlock[] | 'scalar';

const treeCache = new Map<string, Tree>();
const TREE_CACHE_LIMIT = 5000;

function parse(expr: string): Tree {
  let tree = treeCache.get(expr);
  if (!tree) {
    tree = parser.parse(expr);
    if (treeCache.size >= TREE_CACHE_LIMIT) treeCache.clear();
    treeCache.set(expr, tree);
  }
  return tree;
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function expressionChildren(node: SyntaxNode | null): SyntaxNode[] {
  return node ? children(node).filter((c) => EXPRESSIONS.has(c.type.name)) : [];
}

/**
 * The blocks a recording rule writes: `record` becomes `__name__`, the rule's labels are set. An
 * expression that does not parse writes nothing (the validator reports it).
 */
export function ruleOutputBlocks(
  expr: string,
  record: string,
  ruleLabels: Readonly<Record<string, string>>,
  holdings: BlockIndex,
): SeriesBlock[] {
  const tree = parse(expr);
  let broken = false;
  tree.iterate({ enter: (n) => { if (n.type.isError) broken = true; return !broken; } });
  const top = expressionChildren(tree.topNode)[0];
  if (broken || !top) return [];
  const value = evaluate(top, expr, holdings);
  const blocks: readonly SeriesBlock[] = value === 'scalar' ? [single({})] : value;
  return blocks.map((b) => ({
    ...b,
    labels: { ...b.labels, ...ruleLabels, __name__: record },
    free: b.free.filter((f) => !(f in ruleLabels)),
  }));
}

function single(labels: Record<string, string>): SeriesBlock {
  return { labels, free: [], instances: [], perInstance: 1 };
}

function dropName(blocks: readonly SeriesBlock[]): SeriesBlock[] {
  return blocks.map((b) => {
    if (b.labels.__name__ === undefined) return b;
    const { __name__: _dropped, ...labels } = b.labels;
    return { ...b, labels };
  });
}

function evaluate(node: SyntaxNode, text: string, holdings: BlockIndex): Value {
  switch (node.type.name) {
    case 'VectorSelector': {
      const parsed = parseSelector(text.slice(node.from, node.to));
      return parsed.ok ? selectFromIndex([parsed.selector], holdings) : [];
    }
    case 'NumberDurationLiteral':
    case 'StringLiteral':
      return 'scalar';
    case 'AggregateExpr':
      return evaluateAggregation(node, text, holdings);
    case 'FunctionCall':
      return evaluateFunction(node, text, holdings);
    case 'BinaryExpr':
      return evaluateBinary(node, text, holdings);
    default: {
      // Matrix selectors, subqueries, offset/@ modifiers, parentheses, unary minus: same series.
      const inner = expressionChildren(node)[0];
      return inner ? evaluate(inner, text, holdings) : 'scalar';
    }
  }
}

function firstVector(args: readonly SyntaxNode[], text: string, holdings: BlockIndex): Value {
  for (const arg of args) {
    const v = evaluate(arg, text, holdings);
    if (v !== 'scalar') return v;
  }
  return 'scalar';
}

function functionName(node: SyntaxNode): string {
  return node.getChild('FunctionIdentifier')?.firstChild?.type.name ?? '';
}

function evaluateFunction(node: SyntaxNode, text: string, holdings: BlockIndex): Value {
  const args = expressionChildren(node.getChild('FunctionCallBody'));
  switch (functionName(node)) {
    case 'Vector':
    case 'Absent':
    case 'AbsentOverTime':
      return [single({})];
    case 'HistogramQuantile': {
      const input = args[1] ? evaluate(args[1], text, holdings) : 'scalar';
      return input === 'scalar' ? input : aggregate(dropName(input), { without: ['le'] });
    }
    case 'LabelReplace':
    case 'LabelJoin': {
      const input = args[0] ? evaluate(args[0], text, holdings) : 'scalar';
      const dst = args[1] ? unquote(text.slice(args[1].from, args[1].to)) : '';
      if (input === 'scalar' || !dst) return input;
      return dropName(input).map((b) => {
        const { [dst]: _replaced, ...labels } = b.labels;
        return { ...b, labels, free: b.free.includes(dst) ? b.free : [...b.free, dst] };
      });
    }
    default: {
      const input = firstVector(args, text, holdings);
      return input === 'scalar' ? input : dropName(input);
    }
  }
}

function unquote(literal: string): string {
  return literal.length >= 2 ? literal.slice(1, -1) : literal;
}

type Grouping = { by: readonly string[] } | { without: readonly string[] } | undefined;

function evaluateAggregation(node: SyntaxNode, text: string, holdings: BlockIndex): Value {
  const op = node.getChild('AggregateOp')?.firstChild?.type.name ?? 'Sum';
  const modifier = node.getChild('AggregateModifier');
  const labels = modifier
    ? (modifier.getChild('GroupingLabels')?.getChildren('LabelName') ?? []).map((l) => text.slice(l.from, l.to))
    : [];
  let grouping: Grouping = modifier ? (modifier.getChild('Without') ? { without: labels } : { by: labels }) : undefined;
  const args = expressionChildren(node.getChild('FunctionCallBody'));
  const inputNode = args[args.length - 1];
  const input = inputNode ? evaluate(inputNode, text, holdings) : 'scalar';
  if (input === 'scalar') return [];
  const blocks = dropName(input);
  if (op === 'CountValues') {
    const label = args[0] ? unquote(text.slice(args[0].from, args[0].to)) : '';
    const freed = blocks.map((b) => ({ ...b, free: label && !b.free.includes(label) ? [...b.free, label] : b.free }));
    grouping = grouping && 'without' in grouping ? grouping : { by: [...(grouping?.by ?? []), label] };
    return aggregate(freed, grouping);
  }
  if (op === 'Topk' || op === 'Bottomk' || op === 'LimitK') {
    const k = args[0] ? Number(text.slice(args[0].from, args[0].to)) : NaN;
    // At most k series per group (and never more than the group has).
    return Number.isFinite(k) ? aggregate(blocks, grouping, Math.max(0, Math.floor(k))) : blocks;
  }
  return aggregate(blocks, grouping);
}

function evaluateBinary(node: SyntaxNode, text: string, holdings: BlockIndex): Value {
  const operands = expressionChildren(node);
  const lhsNode = operands[0];
  const rhsNode = operands[operands.length - 1];
  if (!lhsNode || !rhsNode || lhsNode === rhsNode) return 'scalar';
  const lhs = evaluate(lhsNode, text, holdings);
  const rhs = evaluate(rhsNode, text, holdings);
  if (lhs === 'scalar') return rhs === 'scalar' ? 'scalar' : dropName(rhs);
  if (rhs === 'scalar') return dropName(lhs);
  if (node.getChild('Or')) return [...lhs, ...rhs];
  if (node.getChild('And') || node.getChild('Unless')) return lhs;
  const clause = node.getChild('MatchingModifierClause');
  if (clause?.getChild('GroupRight')) return dropName(rhs);
  return dropName(lhs);
}

/**
 * One block per distinct value tuple of the grouping labels. Known values are counted exactly;
 * `instance` by the instances the group spans; labels of unknown values as at most the largest
 * series-per-instance among the group's input blocks (an upper bound). With `limitPerGroup`
 * (topk/bottomk/limitk) each group has at most that many series, none more than its input.
 */
export function aggregate(blocks: readonly SeriesBlock[], grouping: Grouping, limitPerGroup?: number): SeriesBlock[] {
  const total = totalSeries(blocks);
  if (total === 0) return [];
  if (!grouping || ('by' in grouping && grouping.by.length === 0)) {
    return [{ ...single({}), perInstance: limitPerGroup === undefined ? 1 : Math.min(limitPerGroup, total) }];
  }
  const groups = new Map<string, { names: string[]; blocks: SeriesBlock[] }>();
  for (const b of blocks) {
    const names = 'by' in grouping ? [...grouping.by] : groupingWithout(b, grouping.without);
    names.sort();
    const key = names.map((n) => `${n}\u0001${n === 'instance' ? '' : (b.labels[n] ?? (b.free.includes(n) ? '\u0002' : ''))}`).join('\u0000');
    const g = groups.get(key);
    if (g) g.blocks.push(b);
    else groups.set(key, { names, blocks: [b] });
  }
  const out: SeriesBlock[] = [];
  for (const { names, blocks: members } of groups.values()) {
    const first = members[0] as SeriesBlock;
    const labels: Record<string, string> = {};
    const free: string[] = [];
    let byInstance = false;
    for (const n of names) {
      if (n === 'instance') byInstance = true;
      else if (first.labels[n] !== undefined) labels[n] = first.labels[n] as string;
      else if (members.some((m) => m.free.includes(n))) free.push(n);
    }
    if (limitPerGroup !== undefined) {
      out.push({ labels, free: [], instances: [], perInstance: Math.min(limitPerGroup, totalSeries(members)) });
      continue;
    }
    const instances = byInstance ? [...new Set(members.flatMap((m) => m.instances))] : [];
    const perInstance = free.length > 0 ? Math.max(...members.map((m) => m.perInstance)) : 1;
    out.push({ labels, free, instances, perInstance });
  }
  return out;
}

function groupingWithout(block: SeriesBlock, without: readonly string[]): string[] {
  const names = new Set<string>();
  for (const n of Object.keys(block.labels)) if (n !== '__name__') names.add(n);
  for (const n of block.free) names.add(n);
  if (block.instances.length > 0) names.add('instance');
  for (const n of without) names.delete(n);
  return [...names];
}
