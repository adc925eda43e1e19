// Every example's bundle, checked by the real tools: promtool check config (rule files included),
// amtool check-config, and Grafana provisioning files parsed with exactly one default data source.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { edgeCases, variants } from './cases.ts';
import { loadExamples, requireTool, run, writeBundleToTempDir } from './support.ts';

const promtool = requireTool(['promtool'], 'prometheus');
const amtool = requireTool(['amtool'], 'prometheus-alertmanager');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const cases = [
  ...loadExamples(),
  ...edgeCases().map((c) => ({ file: c.name, topology: c.topology })),
  ...loadExamples().flatMap((e) => variants(e.file, e.topology)).map((c) => ({ file: c.name, topology: c.topology })),
];

describe.each(cases)('bundle of $file', ({ topology }) => {
  const bundle = generateBundle(topology);
  const dir = writeBundleToTempDir(bundle);
  dirs.push(dir);
  const pathsOf = (re: RegExp) => bundle.files.map((f) => f.path).filter((p) => re.test(p));

  const configs = pathsOf(/^prometheus\/[^/]+\/prometheus\.yml$/);
  const agentConfigs = new Set(bundle.files.filter((f) => f.agent).map((f) => f.path));
  it('has Prometheus configs', () => expect(configs.length).toBeGreaterThan(0));
  // One promtool run checks every config of the bundle (and their rule files); it names each file.
  // Agent-mode configs are checked as such (`--agent`: no rule_files, alerting or remote_read).
  const byMode = ([['server', false], ['agent', true]] as const)
    .map(([mode, agent]) => [mode, agent, configs.filter((p) => agentConfigs.has(p) === agent)] as const)
    .filter(([, , mine]) => mine.length > 0);
  it.each(byMode)('every %s prometheus.yml passes promtool check config', (_mode, agent, mine) => {
    const r = run(promtool, ['check', 'config', ...(agent ? ['--agent'] : []), ...mine.map((p) => join(dir, p))]);
    const notValid = mine.filter((p) => !r.output.includes(`SUCCESS: ${join(dir, p)} is valid prometheus config file syntax`));
    expect(notValid, r.output).toEqual([]);
    expect(r.status, r.output).toBe(0);
  });

  it('every run file is valid POSIX shell (sh -n)', () => {
    const bad = pathsOf(/\.sh$/).map((p) => ({ p, r: run('sh', ['-n', join(dir, p)]) })).filter((x) => x.r.status !== 0);
    expect(bad.map((x) => `${x.p}: ${x.r.output}`)).toEqual([]);
  });

  it.each(pathsOf(/^alertmanager\/[^/]+\/alertmanager\.yml$/))('%s passes amtool check-config', (path) => {
    const r = run(amtool, ['check-config', join(dir, path)]);
    expect(r.status, r.output).toBe(0);
  });

  it.each(pathsOf(/^grafana\/provisioning\/datasources\/.+\.yaml$/))('%s parses with exactly one default', (path) => {
    const doc = parse(bundle.files.find((f) => f.path === path)!.contents);
    expect(doc.apiVersion).toBe(1);
    expect(doc.datasources.length).toBeGreaterThan(0);
    expect(doc.datasources.filter((d: { isDefault: boolean }) => d.isDefault === true)).toHaveLength(1);
    for (const ds of doc.datasources) expect(ds).toMatchObject({ type: 'prometheus', access: 'proxy', url: expect.stringMatching(/^http:\/\//) });
  });
});

describe('promtool rejects what it should (the check is real)', () => {
  it('fails a config whose rule file is broken', () => {
    const { topology } = loadExamples()[0]!;
    const bundle = generateBundle(topology);
    const broken = { files: bundle.files.map((f) => (f.path.endsWith('rules.yml') ? { ...f, contents: 'groups:\n  - name: x\n    rules:\n      - record: "bad name"\n        expr: up\n' } : f)) };
    const dir = writeBundleToTempDir(broken);
    dirs.push(dir);
    const config = broken.files.find((f) => f.path.endsWith('prometheus.yml') && broken.files.some((r) => r.path === f.path.replace('prometheus.yml', 'rules.yml')))!;
    expect(run(promtool, ['check', 'config', join(dir, config.path)]).status).toBe(1);
  });

  it('fails an agent config that names rule files, when checked with --agent', () => {
    const agent = loadExamples().find((e) => e.file === 'remote-write.promtopo.json');
    if (!agent) throw new Error('assets/examples/remote-write.promtopo.json is missing');
    const bundle = generateBundle(agent.topology);
    const config = bundle.files.find((f) => f.agent);
    if (!config) throw new Error('the remote-write example has no agent config');
    const broken = { files: [...bundle.files.filter((f) => f !== config), { ...config, contents: `${config.contents}rule_files: [rules.yml]\n` }] };
    const dir = writeBundleToTempDir(broken);
    dirs.push(dir);
    const r = run(promtool, ['check', 'config', '--agent', join(dir, config.path)]);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toMatch(/rule_files is not allowed in agent mode/);
  });
});
