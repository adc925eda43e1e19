// The generated health rules (settings.healthRules) of every example pass the real promtool: each
// rule file with `promtool check rules`, and every config (which loads them) with `check config`.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { HEALTH_GROUP } from '../../src/generate/healthRules.ts';
import { embeddedConfigs } from '../../src/generate/targets/embeddedConfigs.ts';
import { generateTarget } from '../../src/generate/targets/generateTarget.ts';
import { loadExamples, requireTool, run, writeBundleToTempDir } from './support.ts';

const promtool = requireTool(['promtool'], 'prometheus');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(loadExamples())('health rules of $file', ({ topology }) => {
  const bundle = generateBundle({ ...topology, settings: { ...topology.settings, healthRules: true } });
  const dir = writeBundleToTempDir(bundle);
  dirs.push(dir);
  const ruleFiles = bundle.files.filter((f) => /^prometheus\/.+\/rules[^/]*\.yml$/.test(f.path) && f.contents.includes(HEALTH_GROUP));
  const configs = bundle.files.filter((f) => /^prometheus\/[^/]+\/prometheus\.yml$/.test(f.path)).map((f) => join(dir, f.path));

  // An agent evaluates no rules (the servers it writes to watch it).
  it('every server gets them, no agent does', () => {
    const agentDirs = new Set(bundle.files.filter((f) => f.agent).map((f) => f.path.split('/').at(-2)));
    const servers = new Set(configs.map((c) => c.split('/').at(-2)).filter((d) => !agentDirs.has(d)));
    expect(new Set(ruleFiles.map((f) => f.path.split('/').at(-2)))).toEqual(servers);
  });

  // --lint-fatal: promtool 2.42 reports duplicate rules (same name and labels) but exits 0 without it.
  it('promtool check rules accepts every rule file holding them, duplicate-rule lint included', () => {
    const r = run(promtool, ['check', 'rules', '--lint=all', '--lint-fatal', ...ruleFiles.map((f) => join(dir, f.path))]);
    expect(r.status, r.output).toBe(0);
    for (const f of ruleFiles) expect(r.output).toMatch(new RegExp(`Checking ${join(dir, f.path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n  SUCCESS: \\d+ rules found`));
    expect(r.output).not.toContain('FAILED');
  });

  it('promtool check config accepts every config that loads them', () => {
    const r = run(promtool, ['check', 'config', ...configs]);
    expect(r.status, r.output).toBe(0);
  });
});

describe.each(['kubernetes', 'compose'] as const)('health rules exported to %s', (target) => {
  const found = loadExamples().find((e) => e.file.startsWith('multi-dc'));
  if (!found) throw new Error('the multi-dc example is missing from assets/examples');
  const topology = { ...found.topology, settings: { ...found.topology.settings, healthRules: true } };
  const servers = found.topology.nodes.filter((n) => n.kind === 'prometheus' && !n.external && n.mode !== 'agent').length;

  it('every server carries them, and promtool check rules accepts them', () => {
    const bundle = generateTarget(topology, target);
    const texts = target === 'kubernetes'
      ? embeddedConfigs(bundle.files).filter((c) => c.kind === 'rules').map((c) => ({ path: c.source, contents: c.text }))
      : bundle.files.filter((f) => /^prometheus\/.+\/rules[^/]*\.yml$/.test(f.path));
    const withHealth = texts.filter((f) => f.contents.includes(HEALTH_GROUP));
    expect(withHealth.length).toBeGreaterThanOrEqual(servers);
    // Without the setting, none.
    const plain = generateTarget(found.topology, target).files.map((f) => f.contents).join('\n');
    expect(plain).not.toContain(HEALTH_GROUP);
    const dir = writeBundleToTempDir({ files: withHealth.map((f, i) => ({ path: `rules-${i}.yml`, contents: f.contents })) });
    dirs.push(dir);
    const r = run(promtool, ['check', 'rules', '--lint=all', '--lint-fatal', ...withHealth.map((_, i) => join(dir, `rules-${i}.yml`))]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).not.toContain('FAILED');
  });
});
