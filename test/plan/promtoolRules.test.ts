/**
 * The recording-rule generator's output is accepted by the real `promtool check rules`: the rules
 * for every metric of every built-in exporter catalog (measured on the real exporters), and the rule
 * files of a leaf after "add a global" with the automatic pick.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { ruleFiles } from '../../src/generate/ruleFiles.ts';
import type { PrometheusNode, RecordingRule, Topology } from '../../src/model/types.ts';
import { addGlobal } from '../../src/plan/global.ts';
import { jobRuleFor } from '../../src/plan/recordingRules.ts';
import { example } from './support.ts';

if (spawnSync('promtool', ['--version']).status !== 0) throw new Error('promtool not found on PATH: apt-get install --no-install-recommends prometheus');

const dir = mkdtempSync(join(tmpdir(), 'promtopo-plan-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function promtoolCheckRules(file: string): { status: number | null; output: string } {
  const r = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('generated job: rules, checked by promtool', () => {
  it('one rule per metric of every built-in catalog passes promtool check rules', () => {
    const rules: RecordingRule[] = [];
    for (const catalog of builtinCatalogs) {
      for (const metric of catalog.metrics) {
        const rule = jobRuleFor(metric.type ? { metric: metric.name, type: metric.type } : { metric: metric.name });
        if (rule && !rules.some((r) => r.record === rule.record)) rules.push(rule);
      }
    }
    expect(rules.length).toBeGreaterThan(100);
    const base = example('federation');
    const leaf = base.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.id === 'p-eu');
    if (!leaf) throw new Error('federation example changed');
    const server: PrometheusNode = { ...leaf, ruleGroups: [{ name: 'federation-aggregates', rules }] };
    const t: Topology = { ...base, nodes: base.nodes.map((n) => (n.id === server.id ? server : n)) };
    const file = join(dir, 'all-catalogs.yml');
    writeFileSync(file, ruleFiles(t, server)[0]?.text ?? '');
    const checked = promtoolCheckRules(file);
    expect(checked.output).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(checked.status).toBe(0);
  });

  it('the rule files of leaves under a new global (auto pick, multi-dc) pass promtool check rules', () => {
    const t = example('multi-dc');
    const leaves = ['prom-eu-1', 'prom-eu-db', 'prom-eu-app', 'prom-us-1'];
    const result = addGlobal(t, leaves, { series: 'auto' }, builtinCatalogs);
    if (!result.ok) throw new Error(result.error);
    for (const name of leaves) {
      const leaf = result.topology.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.name === name);
      if (!leaf) throw new Error(`no leaf ${name}`);
      const file = join(dir, `${name}.yml`);
      const files = ruleFiles(result.topology, leaf);
      expect(files).toHaveLength(1);
      writeFileSync(file, files[0]?.text ?? '');
      const checked = promtoolCheckRules(file);
      expect(checked.status, `${name}: ${checked.output}`).toBe(0);
      const count = leaf.ruleGroups.reduce((s, g) => s + g.rules.length, 0);
      expect(checked.output).toContain(`SUCCESS: ${count} rules found`);
    }
  });
});
