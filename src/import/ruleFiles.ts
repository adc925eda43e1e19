/**
 * Prometheus rule files (rulefmt) -> rule groups, with rulefmt's checks and messages: unique group
 * names, record xor alert, expr set and PromQL syntax (lezer-promql; types are left to promtool),
 * valid recording rule names and label names, no `for` on recording rules. Keys PromTopo does not model (`limit`, `query_offset`, `keep_firing_for`, ...)
 * are reported as a warning and dropped.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Rule, RuleGroup } from '../model/types.ts';
import type { DecodeContext } from './decode.ts';
import { configError, isNull, readDuration, readMapEntries, readSeq, readString, readStruct, report } from './decode.ts';
import { goQuote, isValidUtf8 } from './goString.ts';
import type { YamlNode } from './yamlTree.ts';
import { readYaml } from './yamlTree.ts';
import { parser } from '@prometheus-io/lezer-promql';
import { columnOf, firstSyntaxError, topExpression } from '../promql/syntax.ts';

/** PromQL syntax of a rule expression as Prometheus 3 parses it (lezer-promql); types are promtool's business. */
function exprProblem(expr: string): string | undefined {
  const tree = parser.parse(expr);
  const problem = firstSyntaxError(tree, expr);
  if (problem) {
    const { line, column } = columnOf(expr, problem.from);
    return `could not parse expression: ${line}:${column}: parse error: ${problem.message}`;
  }
  return topExpression(tree) ? undefined : 'could not parse expression: empty expression';
}

const GROUP_KEYS = new Set(['name', 'interval', 'query_offset', 'limit', 'rules', 'labels']);
const RULE_KEYS = new Set(['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);
const metricNameRe = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export interface RuleFileRead {
  readonly groups?: RuleGroup[];
  readonly diagnostics: Diagnostic[];
}

/** Reads one rule file. Never throws. */
export function readRuleFile(file: string, text: string): RuleFileRead {
  const yaml = readYaml(file, text);
  if (!yaml.ok) return { diagnostics: yaml.diagnostics };
  const ctx: DecodeContext = { file, diagnostics: [] };
  const top = readStruct(ctx, yaml.root, 'rulefmt.RuleGroups', new Set(['groups']));
  const groups: RuleGroup[] = [];
  const names = new Set<string>();
  for (const node of readSeq(ctx, top?.get('groups') ?? { kind: 'seq', pos: yaml.root.pos, items: [] }, '[]rulefmt.RuleGroup') ?? []) {
    const g = readStruct(ctx, node, 'rulefmt.RuleGroup', GROUP_KEYS);
    if (!g) continue;
    const name = g.get('name') ? readString(ctx, g.get('name') as YamlNode) ?? '' : '';
    if (name === '') configError(ctx, node.pos, 'Groupname must not be empty');
    else if (names.has(name)) configError(ctx, node.pos, `groupname: ${goQuote(name)} is repeated in the same file`);
    names.add(name);
    const interval = g.get('interval') ? readDuration(ctx, g.get('interval') as YamlNode) : undefined;
    for (const k of ['query_offset', 'limit', 'labels']) {
      if (g.has(k)) report(ctx, (g.get(k) as YamlNode).pos, 'import/not-modelled', `rule group ${goQuote(name)}: ${k} is not modelled by PromTopo and is dropped`, 'warning');
    }
    const rules: Rule[] = [];
    for (const r of readSeq(ctx, g.get('rules') ?? { kind: 'seq', pos: node.pos, items: [] }, '[]rulefmt.Rule') ?? []) {
      const rule = readRule(ctx, r, name);
      if (rule) rules.push(rule);
    }
    groups.push({ name, ...(interval && interval.ms > 0 ? { interval: interval.text } : {}), rules });
  }
  return ctx.diagnostics.some((d) => d.severity === 'error') ? { diagnostics: ctx.diagnostics } : { groups, diagnostics: ctx.diagnostics };
}

function readLabelMap(ctx: DecodeContext, node: YamlNode | undefined, what: string): Record<string, string> | undefined {
  if (!node || isNull(node)) return undefined;
  const out: Record<string, string> = {};
  for (const { key, value } of readMapEntries(ctx, node, 'map[string]string') ?? []) {
    if (key.text === '' || !isValidUtf8(key.text)) configError(ctx, key.pos, `invalid ${what} name: ${key.text}`);
    else if (what === 'label' && key.text === '__name__') configError(ctx, key.pos, `invalid recording rule label name: ${key.text}`);
    out[key.text] = readString(ctx, value) ?? '';
  }
  return Object.keys(out).length ? out : undefined;
}

function readRule(ctx: DecodeContext, node: YamlNode, group: string): Rule | undefined {
  const r = readStruct(ctx, node, 'rulefmt.Rule', RULE_KEYS);
  if (!r) return undefined;
  const str = (k: string) => (r.get(k) ? readString(ctx, r.get(k) as YamlNode) ?? '' : '');
  const record = str('record');
  const alert = str('alert');
  const expr = str('expr');
  const where = `group ${goQuote(group)}, rule ${goQuote(record || alert)}`;
  if (record && alert) configError(ctx, node.pos, `${where}: only one of 'record' and 'alert' must be set`);
  else if (!record && !alert) configError(ctx, node.pos, `${where}: one of 'record' or 'alert' must be set`);
  if (!expr) configError(ctx, node.pos, `${where}: field 'expr' must be set in rule`);
  const syntax = expr ? exprProblem(expr) : undefined;
  if (syntax) configError(ctx, (r.get('expr') as YamlNode).pos, `${where}: ${syntax}`);
  const labels = readLabelMap(ctx, r.get('labels'), 'label');
  if (record) {
    if (r.has('for')) configError(ctx, node.pos, `${where}: invalid field 'for' in recording rule`);
    if (r.has('keep_firing_for')) configError(ctx, node.pos, `${where}: invalid field 'keep_firing_for' in recording rule`);
    if (r.has('annotations')) configError(ctx, node.pos, `${where}: invalid field 'annotations' in recording rule`);
    if (!metricNameRe.test(record)) configError(ctx, node.pos, `${where}: invalid recording rule name: ${record}`);
    return { record, expr, ...(labels ? { labels } : {}) };
  }
  const forNode = r.get('for');
  const forText = forNode ? readDuration(ctx, forNode)?.text : undefined;
  if (r.has('keep_firing_for')) report(ctx, (r.get('keep_firing_for') as YamlNode).pos, 'import/not-modelled', `${where}: keep_firing_for is not modelled by PromTopo and is dropped`, 'warning');
  const annotations = readLabelMap(ctx, r.get('annotations'), 'annotation');
  return { alert, expr, ...(forText ? { for: forText } : {}), ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) };
}
