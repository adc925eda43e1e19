/**
 * Prometheus' own rule-file test data (model/rulefmt/testdata, in ../shared/testdata/rulefmt) as the
 * ruleGroups of a server: each file is either refused by the document schema or flagged by the
 * validator with the expected code, or accepted, as listed. Fails (does not skip) without the data.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TopologySchema } from '../../src/model/schema.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';

const dir = join(import.meta.dirname, '../../../shared/testdata/rulefmt');

/** What PromTopo says about each file: `schema` (refused on open), a diagnostic code, or `ok`. */
const expected: Record<string, string> = {
  // Type errors (rate of an instant vector) are promtool's to find at export; PromTopo checks syntax.
  'bad_expr.bad.yaml': 'ok',
  'bad_field.bad.yaml': 'schema',
  'duplicate_grp.bad.yaml': 'schema',
  'invalid_label_name.bad.yaml': 'label/invalid-name',
  'invalid_record_name.bad.yaml': 'rule/record-name',
  'legacy_validation_annotation.bad.yaml': 'label/invalid-name',
  'legacy_validation_annotation.good.yaml': 'ok',
  'no_rec_alert.bad.yaml': 'schema',
  'noexpr.bad.yaml': 'schema',
  'record_and_alert.bad.yaml': 'schema',
  'record_and_for.bad.yaml': 'schema',
  'record_and_keep_firing_for.bad.yaml': 'schema',
  'test.yaml': 'ok',
  'test_aliases.yaml': 'ok',
  // UTF-8 names are valid in Prometheus 3 only; the bundle targets 2.x.
  'utf-8_annotation.good.yaml': 'label/invalid-name',
  'utf-8_lname.good.yaml': 'label/invalid-name',
};

function verdict(file: string): string {
  const rules = parse(readFileSync(join(dir, file), 'utf8'), { merge: true }) as { groups?: { rules?: Record<string, unknown>[] }[] };
  // rulefmt reads expr as text whatever its YAML type (`expr: 1`); the document holds it as a string.
  const groups = rules.groups?.map((g) => (g.rules ? { ...g, rules: g.rules.map((r) => (r.expr === undefined ? r : { ...r, expr: String(r.expr) })) } : g));
  const parsed = TopologySchema.safeParse({
    format: 'promtopo', version: 1, name: file,
    nodes: [{ id: 's', kind: 'prometheus', role: 'leaf', name: 's', address: 's:9090', externalLabels: { dc: 's' }, ruleGroups: groups, position: { x: 0, y: 0 } }],
    edges: [],
  });
  if (!parsed.success) return 'schema';
  const codes = validateTopology(parsed.data)
    .filter((d) => d.severity === 'error' && (d.code.startsWith('rule/') || d.code.startsWith('label/')))
    .map((d) => d.code);
  return codes[0] ?? 'ok';
}

describe('Prometheus rulefmt test data', () => {
  const files = readdirSync(dir).sort();

  it('is all listed here', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (file) => {
    expect(verdict(file)).toBe(expected[file]);
  });
});
