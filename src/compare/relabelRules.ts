/**
 * Relabel rules with model/relabel's defaults: action `replace` (case-insensitive), separator `;`,
 * regex `(.*)`, replacement `$1`. Rule order is kept: it changes the result.
 */
import type { Canon, CanonRecord, Plain } from './canon.ts';
import { integer, listOf, recordOf, stringOf } from './canon.ts';

function text(p: Plain | undefined, fallback: string): string {
  return typeof p === 'string' ? p : fallback;
}

export function relabelRule(p: Plain): CanonRecord {
  const rec = recordOf(p);
  const out: Record<string, Canon> = {
    action: text(rec.action, 'replace').toLowerCase(),
    source_labels: listOf(rec.source_labels).map((s) => stringOf(s)),
    separator: text(rec.separator, ';'),
    regex: text(rec.regex, '(.*)'),
    replacement: text(rec.replacement, '$1'),
    target_label: text(rec.target_label, ''),
    modulus: integer(rec.modulus, '0'),
  };
  return out;
}

/** A list of relabel rules in order. */
export function relabelRules(p: Plain | undefined): readonly CanonRecord[] {
  return listOf(p).map(relabelRule);
}
