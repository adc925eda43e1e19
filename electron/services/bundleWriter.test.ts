import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listWithBundles } from './bundleListing.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { parseTopology, serializeTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import { exportBundle, isAlertmanagerConfigPath, isPrometheusConfigPath, writeBundle, writeBundleWith } from './bundleWriter.ts';

const root = mkdtempSync(join(tmpdir(), 'promtopo-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => {
  const dir = join(root, `c${n++}`);
  mkdirSync(dir);
  return dir;
};

const examplesDir = 'assets/examples';
const exampleFiles = readdirSync(examplesDir).filter((f) => f.endsWith('.promtopo.json')).sort();

function example(file: string): Topology {
  const parsed = parseTopology(readFileSync(join(examplesDir, file), 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return run().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

describe('config paths the real tools check', () => {
  it.each([
    ['prometheus/leaf/prometheus.yml', true, false],
    ['prometheus/leaf-shard-0-a/prometheus.yml', true, false],
    ['prometheus/leaf/rules.yml', false, false],
    ['grafana/provisioning/datasources/prometheus.yaml', false, false],
    ['alertmanager/am/alertmanager.yml', false, true],
  ])('%s', (path, prom, am) => {
    expect(isPrometheusConfigPath(path)).toBe(prom);
    expect(isAlertmanagerConfigPath(path)).toBe(am);
  });
});

describe('writeBundle with the real engine and the real promtool/amtool', () => {
  it('has examples to export (assets/examples)', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(exampleFiles)('%s: exports, every prometheus.yml passes promtool and every alertmanager.yml amtool', async (file) => {
    const out = join(fresh(), 'bundle');
    const r = await writeBundle({ topology: example(file), outDir: out });
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.promtool?.ran).toBe(true);
    const checked = r.promtool?.results ?? [];
    expect(checked.filter((c) => !c.ok)).toEqual([]);
    const configs = r.files.filter((f) => isPrometheusConfigPath(f.path) || isAlertmanagerConfigPath(f.path)).map((f) => f.path);
    expect(checked.map((c) => c.path).sort()).toEqual(configs.sort());
    expect(configs.length).toBeGreaterThan(0);
    for (const f of r.files) expect(statSync(join(out, f.path)).size).toBe(f.bytes);
    for (const f of r.files.filter((x) => x.path.endsWith('.sh'))) expect(statSync(join(out, f.path)).mode & 0o777).toBe(0o755);
  }, 30_000);

  it('writes nothing when the topology has errors, and lists them', async () => {
    const t = example('federation.promtopo.json');
    const broken: Topology = { ...t, nodes: t.nodes.map((node) => (node.kind === 'prometheus' ? { ...node, scrapeInterval: '15 seconds' } : node)) };
    const out = join(fresh(), 'bundle');
    const r = await writeBundle({ topology: broken, outDir: out });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/the topology has \d+ error\(s\); nothing was written/);
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(r.files).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('commits nothing when promtool rejects a config, keeps the previous bundle and returns promtool\'s output', async () => {
    const t = example('federation.promtopo.json');
    const dir = fresh();
    const out = join(dir, 'bundle');
    expect((await writeBundle({ topology: t, outDir: out })).ok).toBe(true);
    const before = readFileSync(join(out, 'README.md'), 'utf8');
    const corrupting = {
      validate: validateTopology,
      generate: (x: Topology) => ({
        files: generateBundle(x).files.map((f) => (isPrometheusConfigPath(f.path) ? { ...f, contents: `${f.contents}bogus_key: 1\n` } : f)),
      }),
    };
    const r = await writeBundleWith(corrupting, { topology: { ...t, name: 'changed' }, outDir: out });
    expect(r.ok).toBe(false);
    expect(r.promtool?.ran).toBe(true);
    expect(r.promtool?.ok).toBe(false);
    expect(r.promtool?.results.find((x) => !x.ok)?.output).toContain('field bogus_key not found');
    expect(r.error).toContain('rejected');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe(before);
    expect(listWithBundles(dir)).toEqual(['bundle']);
  }, 30_000);

  it('still exports when promtool and amtool are absent, and says they did not run', async () => {
    const r = await withEnv({ PROMTOOL_BIN: '/nonexistent/promtool', AMTOOL_BIN: '/nonexistent/amtool' }, () =>
      writeBundle({ topology: example('federation.promtopo.json'), outDir: join(fresh(), 'bundle') }));
    expect(r.ok).toBe(true);
    expect(r.promtool).toEqual({ ran: false, ok: true, results: [] });
  });

  it('refuses a non-empty folder that is not a bundle', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'thesis.tex'), 'x');
    const r = await writeBundle({ topology: example('federation.promtopo.json'), outDir: dir });
    expect(r).toMatchObject({ ok: false, files: [] });
    expect(r.error).toContain('not a PromTopo bundle, refusing to overwrite');
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
  });
});

describe('exportBundle (host operation)', () => {
  it('exports document text', async () => {
    const out = join(fresh(), 'bundle');
    const r = await exportBundle({ document: serializeTopology(example('ha-pair.promtopo.json')), outDir: out });
    expect(r.ok).toBe(true);
    expect(existsSync(join(out, '.promtopo-bundle'))).toBe(true);
  }, 30_000);

  it('answers the parse diagnostics of a malformed document and writes nothing', async () => {
    const out = join(fresh(), 'bundle');
    const r = await exportBundle({ document: '{"format": "promtopo", "version": 1', outDir: out });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('file/json');
    expect(existsSync(out)).toBe(false);
  });
});
