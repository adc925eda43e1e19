/**
 * Relabel rules (`relabel_configs`, `metric_relabel_configs`, `alert_relabel_configs`, ...) read and
 * validated as Prometheus' model/relabel/relabel.go does: defaults (action replace, separator `;`,
 * regex `(.*)`, replacement `$1`), then the per-action rules with Prometheus' own messages.
 */
import { goQuote } from './goString.ts';
import type { DecodeContext, NameValidation } from './decode.ts';
import { configError, isNull, isValidLabelNameFor, readSeq, readString, readStringList, readStruct, readUint } from './decode.ts';
import { goRegexpError } from './goRegexp.ts';
import type { YamlNode } from './yamlTree.ts';

const actions = ['replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase'] as const;
export type RelabelAction = (typeof actions)[number];

/** One relabel rule with Prometheus' defaults applied; `set` says which fields were written. */
export interface RelabelRule {
  readonly action: RelabelAction;
  readonly sourceLabels?: readonly string[];
  readonly separator: string;
  readonly regex: string;
  readonly modulus: number;
  readonly targetLabel: string;
  readonly replacement: string;
  /** Keys present in the YAML. */
  readonly set: ReadonlySet<string>;
}

const fields = new Set(['source_labels', 'separator', 'regex', 'modulus', 'target_label', 'replacement', 'action']);

/**
 * Reads a list of relabel rules. `nullMessage` is Prometheus' message for a null entry
 * (`empty or null target relabeling rule in scrape config`, ...).
 */
export function readRelabelRules(ctx: DecodeContext, node: YamlNode, nullMessage: string, scheme: NameValidation): RelabelRule[] | undefined {
  const items = readSeq(ctx, node, '[]*relabel.Config');
  if (!items) return undefined;
  const rules: RelabelRule[] = [];
  let ok = true;
  for (const item of items) {
    if (isNull(item)) {
      configError(ctx, item.pos, nullMessage);
      ok = false;
      continue;
    }
    const rule = readRelabelRule(ctx, item, scheme);
    if (rule) rules.push(rule);
    else ok = false;
  }
  return ok ? rules : undefined;
}

function readRelabelRule(ctx: DecodeContext, node: YamlNode, scheme: NameValidation): RelabelRule | undefined {
  const errorsBefore = ctx.diagnostics.length;
  const map = readStruct(ctx, node, 'relabel.plain', fields);
  if (!map) return undefined;
  const str = (key: string, fallback: string): string => {
    const v = map.get(key);
    return v === undefined ? fallback : readString(ctx, v) ?? fallback;
  };
  let action: RelabelAction | '' = 'replace';
  const actionNode = map.get('action');
  if (actionNode) {
    const text = isNull(actionNode) ? '' : readString(ctx, actionNode) ?? '';
    const lower = text.toLowerCase();
    if (text === '') action = '';
    else if ((actions as readonly string[]).includes(lower)) action = lower as RelabelAction;
    else {
      configError(ctx, actionNode.pos, `unknown relabel action ${goQuote(text)}`);
      return undefined;
    }
  }
  const regexNode = map.get('regex');
  const regex = regexNode === undefined ? '(.*)' : str('regex', '');
  if (regexNode) {
    const problem = goRegexpError(regex);
    if (problem) configError(ctx, regexNode.pos, problem);
  }
  const modulusNode = map.get('modulus');
  const modulus = modulusNode === undefined ? 0 : readUint(ctx, modulusNode) ?? 0;
  const sourceNode = map.get('source_labels');
  const sourceLabels = sourceNode === undefined || isNull(sourceNode) ? undefined : readStringList(ctx, sourceNode);
  const rule = {
    action: action === '' ? 'replace' : action,
    ...(sourceLabels ? { sourceLabels } : {}),
    separator: str('separator', ';'),
    regex,
    modulus,
    targetLabel: str('target_label', ''),
    replacement: str('replacement', '$1'),
    set: new Set(map.keys()),
  } satisfies RelabelRule;
  const problem = action === '' ? 'relabel action cannot be empty' : relabelRuleProblem(rule, scheme);
  if (problem) configError(ctx, node.pos, problem);
  return ctx.diagnostics.length === errorsBefore ? rule : undefined;
}

/** Prometheus' Config.Validate for one rule: the message, or undefined when valid. */
export function relabelRuleProblem(c: RelabelRule, scheme: NameValidation): string | undefined {
  const a = c.action;
  if (c.modulus === 0 && a === 'hashmod') return 'relabel configuration for hashmod requires non-zero modulus';
  const needsTarget = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
  if (needsTarget.includes(a) && c.targetLabel === '') return `relabel configuration for ${a} action requires 'target_label' value`;
  const hasVar = c.targetLabel.includes('$');
  const withVars = (v: string) => (scheme === 'utf8' ? isValidLabelNameFor(v, scheme) : /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/.test(v));
  if (a === 'replace' && !hasVar && !isValidLabelNameFor(c.targetLabel, scheme)) return `${goQuote(c.targetLabel)} is invalid 'target_label' for ${a} action`;
  if (a === 'replace' && hasVar && !withVars(c.targetLabel)) return `${goQuote(c.targetLabel)} is invalid 'target_label' for ${a} action`;
  const caseOrEqual = ['lowercase', 'uppercase', 'keepequal', 'dropequal'].includes(a);
  if (caseOrEqual && !isValidLabelNameFor(c.targetLabel, scheme)) return `${goQuote(c.targetLabel)} is invalid 'target_label' for ${a} action`;
  if (caseOrEqual && c.replacement !== '$1') return `'replacement' can not be set for ${a} action`;
  if (a === 'labelmap' && !withVars(c.replacement)) return `${goQuote(c.replacement)} is invalid 'replacement' for ${a} action`;
  if (a === 'hashmod' && !isValidLabelNameFor(c.targetLabel, scheme)) return `${goQuote(c.targetLabel)} is invalid 'target_label' for ${a} action`;
  if ((a === 'keepequal' || a === 'dropequal') && (c.set.has('regex') || c.modulus !== 0 || c.separator !== ';' || c.replacement !== '$1')) {
    return `${a} action requires only 'source_labels' and \`target_label\`, and no other fields`;
  }
  if ((a === 'labeldrop' || a === 'labelkeep') && (c.sourceLabels !== undefined || c.targetLabel !== '' || c.modulus !== 0 || c.separator !== ';' || c.replacement !== '$1')) {
    return `${a} action requires only 'regex', and no other fields`;
  }
  return undefined;
}
