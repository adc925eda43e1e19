// Batch checks against the real promtool and amtool: many configs in one process, each verdict on
// its own file, and a bad file among good ones named with the tool's own message.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { syntheticTopology } from '../../bench/syntheticTopology.ts';
import { checkAlertmanagerConfigBatch, findAmtool } from './amtool.ts';
import { amtoolVerdicts, inBatches, promtoolConfigVerdicts } from './batchOutput.ts';
import { checkBundleFolder, isPrometheusConfigPath } from './bundleWriter.ts';
import { checkPrometheusConfigBatch, findPromtool } from './promtool.ts';

const promtool = findPromtool();
const amtool = findAmtool();
if (!promtool || !amtool) throw new Error('promtool and amtool must be on PATH (Debian: prometheus, prometheus-alertmanager); npm run preflight says how');

const root = mkdtempSync(join(tmpdir(), 'promtopo-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function folder(files: Record<string, string>): string {
  const dir = join(root, `d${n++}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const good = (job: string) => `global:\n  scrape_interval: 15s\nrule_files: [rules.yml]\nscrape_configs:\n- job_name: ${job}\n  static_configs:\n  - targets: ['x:9100']\n`;
const goodRules = 'groups:\n- name: g\n  rules:\n  - record: job:up:sum\n    expr: sum(up)\n';
const badRules = 'groups:\n- name: g\n  rules:\n  - record: job:up:sum\n    expr: sum(\n';

describe('promtool check config over many files', () => {
  it('passes the good configs and not the bad one, whose rule file or value is broken', async () => {
    const dir = folder({
      'a/prometheus.yml': good('a'),
      'a/rules.yml': goodRules,
      'b/prometheus.yml': 'global:\n  scrape_interval: 15x\n',
      'c/prometheus.yml': good('c'),
      'c/rules.yml': badRules,
      'd/prometheus.yml': good('d'),
      'd/rules.yml': goodRules,
    });
    const files = ['a', 'b', 'c', 'd'].map((x) => join(dir, x, 'prometheus.yml'));
    const verdicts = await checkPrometheusConfigBatch(files, { bin: promtool! });
    expect([...verdicts].map(([f, v]) => [f.slice(dir.length + 1), v.passed])).toEqual([
      ['a/prometheus.yml', true], ['b/prometheus.yml', false], ['c/prometheus.yml', false], ['d/prometheus.yml', true],
    ]);
    expect(verdicts.get(files[0]!)?.output).toContain(`SUCCESS: ${files[0]} is valid prometheus config file syntax`);
  });

  it('checkBundleFolder names the one bad file of a batch with promtool\'s message, and passes the rest', async () => {
    const bundle = generateBundle(syntheticTopology(12));
    const configs = bundle.files.filter((f) => isPrometheusConfigPath(f.path)).map((f) => f.path);
    expect(configs.length).toBeGreaterThan(10);
    const bad = configs[5]!;
    const dir = folder(Object.fromEntries(bundle.files.map((f) => [f.path, f.path === bad ? `${f.contents}bogus_key: 1\n` : f.contents])));
    const verdict = await checkBundleFolder(dir, bundle.files.map((f) => f.path), { promtool: promtool!, amtool: amtool! });
    expect(verdict.ran).toBe(true);
    expect(verdict.ok).toBe(false);
    const failed = verdict.results.filter((r) => !r.ok);
    expect(failed.map((r) => r.path)).toEqual([bad]);
    expect(failed[0]!.output).toContain('field bogus_key not found');
    expect(failed[0]!.output).not.toContain(dir);
    expect(verdict.results.filter((r) => r.ok).map((r) => r.path).sort()).toEqual(configs.filter((c) => c !== bad).sort());
    // The untouched configs are still on disk as generated: the check changed nothing.
    expect(readFileSync(join(dir, configs[0]!), 'utf8')).toBe(bundle.files.find((f) => f.path === configs[0])!.contents);
  });

  it('a config whose only complaint is a key this promtool does not know still passes, with the key listed', async () => {
    const k8s = 'scrape_configs:\n- job_name: pods\n  kubernetes_sd_configs:\n  - role: pod\n';
    const dir = folder({ 'prometheus.yml': k8s, 'x/prometheus.yml': good('x'), 'x/rules.yml': goodRules });
    const verdict = await checkBundleFolder(dir, ['prometheus.yml', 'x/prometheus.yml'], { promtool: promtool!, amtool: amtool! });
    expect(verdict.results.map((r) => [r.path, r.ok])).toEqual([['prometheus.yml', true], ['x/prometheus.yml', true]]);
    expect(verdict.results[0]!.unchecked?.join(' ')).toContain('kubernetes_sd_configs');
  });
});

describe('amtool check-config over many files', () => {
  it('names the config with an undefined receiver and passes the others', async () => {
    const ok = 'route:\n  receiver: r\nreceivers:\n- name: r\n';
    const dir = folder({ 'am/alertmanager.yml': ok, 'am2/alertmanager.yml': 'route:\n  receiver: nope\nreceivers:\n- name: r\n', 'am3/alertmanager.yml': ok });
    const files = ['am', 'am2', 'am3'].map((x) => join(dir, x, 'alertmanager.yml'));
    const verdicts = await checkAlertmanagerConfigBatch(files, { bin: amtool! });
    expect(files.map((f) => verdicts.get(f)?.passed)).toEqual([true, false, true]);
    const folderVerdict = await checkBundleFolder(dir, ['am/alertmanager.yml', 'am2/alertmanager.yml', 'am3/alertmanager.yml'], { promtool: promtool!, amtool: amtool! });
    expect(folderVerdict.results.filter((r) => !r.ok).map((r) => r.path)).toEqual(['am2/alertmanager.yml']);
    expect(folderVerdict.results.find((r) => !r.ok)?.output).toContain('undefined receiver "nope"');
  });
});

describe('reading batch output', () => {
  it('a file missing from the output (the tool died early) did not pass', () => {
    const out = 'Checking /b/a.yml\n  SUCCESS: 0 rule files found\n SUCCESS: /b/a.yml is valid prometheus config file syntax\n\nChecking /b/c.yml\n';
    const v = promtoolConfigVerdicts(out, ['/b/a.yml', '/b/c.yml', '/b/d.yml']);
    expect([...v.values()].map((x) => x.passed)).toEqual([true, false, false]);
    expect(amtoolVerdicts("Checking '/b/x.yml'  SUCCESS\nFound:\n", ['/b/x.yml', '/b/y.yml']).get('/b/y.yml')?.passed).toBe(false);
  });

  it('splits into batches in order', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 3)).toEqual([]);
  });
});
