/**
 * Rule groups as Prometheus loads them (rulefmt): compared by what they evaluate, not by the file
 * they came from. A group's interval defaults to the global evaluation_interval and its query offset
 * to the global rule_query_offset; rule order inside a group is kept (a rule may use the result of
 * an earlier one in the same evaluation).
 */
import type { Canon, CanonRecord, Plain } from './canon.ts';
import { canonKey, duration, integer, isUnset, labels, listOf, recordOf, rest, stringOf } from './canon.ts';

/**
 * A PromQL expression with layout removed: comments dropped, whitespace collapsed, and no space next
 * to punctuation (string literals kept as written), so a reflowed `expr: |` block compares equal.
 */
export function promqlText(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < expr.length && expr[j] !== c) j += c !== '`' && expr[j] === '\\' ? 2 : 1;
      out += expr.slice(i, j + 1);
      i = j + 1;
    } else if (c === '#') {
      while (i < expr.length && expr[i] !== '\n') i++;
    } else if (/\s/.test(c)) {
      while (i < expr.length && /\s/.test(expr[i] as string)) i++;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out.trim().replace(/ ?([(){}[\],=!~<>+\-*/%^]) ?/g, '$1');
}

const RULE_HANDLED = new Set(['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);

function rule(p: Plain): CanonRecord {
  const rec = recordOf(p);
  const out: Record<string, Canon> = {
    ...(!isUnset(rec.record) ? { record: stringOf(rec.record) } : { alert: stringOf(rec.alert) }),
    expr: promqlText(stringOf(rec.expr)),
    labels: labels(rec.labels),
  };
  if (isUnset(rec.record)) {
    out.for = duration(rec.for, '0s');
    out.keep_firing_for = duration(rec.keep_firing_for, '0s');
    out.annotations = labels(rec.annotations);
  }
  return rest(rec, RULE_HANDLED, out);
}

const GROUP_HANDLED = new Set(['name', 'interval', 'query_offset', 'limit', 'labels', 'rules']);

/** Settings a group inherits from the config that loads it. */
export interface RuleDefaults {
  readonly evaluationInterval: string;
  readonly queryOffset: string;
}

function group(p: Plain, defaults: RuleDefaults): CanonRecord {
  const rec = recordOf(p);
  const out: Record<string, Canon> = {
    interval: isUnset(rec.interval) ? defaults.evaluationInterval : duration(rec.interval, '1m'),
    query_offset: isUnset(rec.query_offset) ? defaults.queryOffset : duration(rec.query_offset, '0s'),
    limit: integer(rec.limit, '0'),
    labels: labels(rec.labels),
    rules: listOf(rec.rules).map(rule),
  };
  return rest(rec, GROUP_HANDLED, out);
}

/**
 * The groups of the loaded rule files, keyed by group name. A name used by several files (allowed
 * across files) gets `name (2)`, `name (3)` ... in a content order, so equal sets compare equal.
 */
export function ruleGroups(files: readonly Plain[], defaults: RuleDefaults): CanonRecord {
  const byName = new Map<string, CanonRecord[]>();
  for (const file of files) {
    for (const g of listOf(recordOf(file).groups)) {
      const name = stringOf(recordOf(g).name);
      byName.set(name, [...(byName.get(name) ?? []), group(g, defaults)]);
    }
  }
  const out: Record<string, Canon> = {};
  for (const name of [...byName.keys()].sort()) {
    const groups = (byName.get(name) ?? []).map((g) => [canonKey(g), g] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    groups.forEach(([, g], i) => { out[i === 0 ? name : `${name} (${i + 1})`] = g; });
  }
  return out;
}
