/**
 * Field-level comparison of one matched pair of elements (two versions of a server, a target group,
 * an edge): which fields differ, with values shown as the user reads them. Positions, ids and kinds
 * are not fields; an edge's `match[]` selectors are compared in selectorChanges.ts.
 */
import type { Rule, RuleGroup } from '../model/types.ts';
import { fieldLabel } from './fieldWords.ts';
import type { FieldChange } from './types.ts';

/** Keys that are not compared as fields. */
const NOT_FIELDS = new Set(['id', 'kind', 'position', 'match']);
/** Keys holding label maps, compared entry by entry. */
const LABEL_MAPS = new Set(['externalLabels', 'labels']);
/** Keys holding node ids (edge ends): shown as the node's name. */
const NODE_REFS = new Set(['server', 'targets', 'source', 'alertmanager', 'grafana']);
/** Most list items shown before `...`. */
const LIST_ITEMS_SHOWN = 4;
/** Longest raw text shown whole. */
const TEXT_SHOWN = 120;

type Plain = Record<string, unknown>;

/** Resolves a node id to the name shown (old ids in the old document, new in the new). */
export interface NameResolvers {
  readonly before: (id: string) => string;
  readonly after: (id: string) => string;
}

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function showText(text: string): string {
  const lines = text.trimEnd().split('\n');
  const first = lines[0] ?? '';
  if (lines.length === 1) return first.length <= TEXT_SHOWN ? first : `${first.slice(0, TEXT_SHOWN)}...`;
  return `${first.slice(0, TEXT_SHOWN)}... (${lines.length} lines)`;
}

/** A scalar or small value as shown; undefined stays undefined ("not set"). */
export function showValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return showText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return showList(value.map((v) => (isPlain(v) && typeof v.address === 'string' ? v.address : showValue(v) ?? '')));
  return showText(JSON.stringify(value));
}

function showList(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, LIST_ITEMS_SHOWN).join(', ');
  return items.length > LIST_ITEMS_SHOWN ? `${shown}, ... (${items.length} in all)` : shown;
}

/** A changed list of strings: the new count with what came and went. */
function listChange(field: string, before: readonly string[], after: readonly string[]): FieldChange {
  const old = new Set(before);
  const now = new Set(after);
  const added = after.filter((x) => !old.has(x));
  const removed = before.filter((x) => !now.has(x));
  const parts = [added.length ? `+${showList(added)}` : '', removed.length ? `-${showList(removed)}` : ''].filter(Boolean);
  const detail = parts.length ? ` (${parts.join('; ')})` : ' (reordered)';
  return { field, label: fieldLabel(field), before: `${before.length} listed`, after: `${after.length} listed${detail}` };
}

function ruleName(rule: Rule): string {
  return 'record' in rule ? rule.record : rule.alert;
}

function ruleGroupChanges(before: readonly RuleGroup[], after: readonly RuleGroup[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const oldByName = new Map(before.map((g) => [g.name, g] as const));
  const newByName = new Map(after.map((g) => [g.name, g] as const));
  const count = (g: RuleGroup) => `${g.rules.length} rule${g.rules.length === 1 ? '' : 's'}`;
  for (const group of before) {
    if (!newByName.has(group.name)) changes.push({ field: `ruleGroups.${group.name}`, label: `rule group ${group.name}`, before: count(group) });
  }
  for (const group of after) {
    const old = oldByName.get(group.name);
    const field = `ruleGroups.${group.name}`;
    if (!old) changes.push({ field, label: `rule group ${group.name}`, after: count(group) });
    else if (!same(old, group)) changes.push({ field, label: `rule group ${group.name}`, before: count(old), after: `${count(group)} (${ruleDetail(old, group)})` });
  }
  return changes;
}

function ruleDetail(before: RuleGroup, after: RuleGroup): string {
  const oldRules = new Map(before.rules.map((r) => [ruleName(r), r] as const));
  const newRules = new Map(after.rules.map((r) => [ruleName(r), r] as const));
  const added = [...newRules.keys()].filter((n) => !oldRules.has(n));
  const removed = [...oldRules.keys()].filter((n) => !newRules.has(n));
  const changed = [...newRules.keys()].filter((n) => oldRules.has(n) && !same(oldRules.get(n), newRules.get(n)));
  const parts = [
    added.length ? `+${showList(added)}` : '',
    removed.length ? `-${showList(removed)}` : '',
    changed.length ? `changed ${showList(changed)}` : '',
    before.interval !== after.interval ? `interval ${before.interval ?? 'not set'} -> ${after.interval ?? 'not set'}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'reordered';
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function compareField(path: string, key: string, before: unknown, after: unknown, names: NameResolvers, out: FieldChange[]): void {
  if (same(before, after)) return;
  if (path === '' && NODE_REFS.has(key) && (typeof before === 'string' || typeof after === 'string')
    && !isStringList(before) && !isStringList(after)) {
    const shownBefore = typeof before === 'string' ? names.before(before) : undefined;
    const shownAfter = typeof after === 'string' ? names.after(after) : undefined;
    if (shownBefore !== shownAfter) out.push({ field: key, label: key === 'targets' ? 'target group' : key, before: shownBefore, after: shownAfter });
    return;
  }
  const field = path ? `${path}.${key}` : key;
  if (key === 'ruleGroups' && path === '') {
    out.push(...ruleGroupChanges((before ?? []) as RuleGroup[], (after ?? []) as RuleGroup[]));
    return;
  }
  if (LABEL_MAPS.has(key) || isPlain(before) || isPlain(after)) {
    const a = isPlain(before) ? before : {};
    const b = isPlain(after) ? after : {};
    for (const k of [...new Set([...Object.keys(b), ...Object.keys(a)])]) compareField(field, k, a[k], b[k], names, out);
    return;
  }
  if (isStringList(before) && isStringList(after) && (before.length + after.length > 2)) {
    out.push(listChange(field, before, after));
    return;
  }
  out.push({ field, label: fieldLabel(field), before: showValue(before), after: showValue(after) });
}

/** Every field that differs between two versions of one element, in a stable order. */
export function fieldChanges(before: object, after: object, names: NameResolvers): FieldChange[] {
  const a = before as Plain;
  const b = after as Plain;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NOT_FIELDS.has(k));
  const out: FieldChange[] = [];
  for (const key of keys) compareField('', key, a[key], b[key], names, out);
  return out;
}
