/**
 * `promtopo load FILE [--json]`: in-process through the command object (fast), plus one real run of
 * bin/promtopo.mjs so the registration and the JSON catalogs load under tsx.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { loadCommand } from '../../electron/cli/loadCommand.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { parseTopology } from '../../src/model/document.ts';

const EXAMPLE = resolve('assets/examples/federation.promtopo.json');
const dir = mkdtempSync(join(tmpdir(), 'promtopo-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await loadCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

function example() {
  const parsed = parseTopology(readFileSync(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error('federation example does not parse');
  return parsed.topology;
}

describe('promtopo load', () => {
  it('prints the per-server table, the edges and the total', async () => {
    const r = await run(EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('federation.promtopo.json: estimated load (docs/load-model.md)');
    expect(lines[2]).toMatch(/^server\s+role\s+inst\s+series\s+samples\/s\s+scrapes\/s\s+head mem\s+rss\s+disk\s+util\s+bottleneck$/);
    for (const s of example().nodes.filter((n) => n.kind === 'prometheus')) expect(r.out).toMatch(new RegExp(`^${s.name}\\s`, 'm'));
    expect(r.out).toMatch(/^total: .* series, .* samples\/s, .* head memory, .* process memory \(RSS\), .* disk$/m);
    expect(r.out).toMatch(/^federation edge prom-global -> prom-eu-1\s+\d+/m);
  });

  it('--json gives the estimate per server and edge, in document order', async () => {
    const r = await run(EXAMPLE, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { servers: Record<string, unknown>[]; edges: Record<string, unknown>[]; ok: boolean };
    const t = example();
    const e = estimateLoad(t, builtinCatalogs);
    expect(json.ok).toBe(true);
    expect(json.servers.map((s) => s.id)).toEqual(t.nodes.filter((n) => n.kind === 'prometheus').map((n) => n.id));
    for (const s of json.servers) {
      const load = e.servers[s.id as string];
      expect(s).toMatchObject({ name: load?.name, activeSeries: load?.activeSeries, memoryBytes: Math.round(load?.memoryBytes ?? NaN), diskBytes: Math.round(load?.diskBytes ?? NaN) });
      expect(s.samplesPerSecond).toBeCloseTo(load?.samplesPerSecond ?? NaN, 2);
    }
    expect(json.edges.map((x) => x.id)).toEqual(t.edges.filter((x) => x.kind === 'scrape' || x.kind === 'federation').map((x) => x.id));
    for (const x of json.edges) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['id', 'kind', 'from', 'to', 'series', 'samplesPerSecond']));
      expect(x.series).toBeCloseTo(e.edges[x.id as string]?.series ?? NaN, 2);
    }
  });

  it.each([
    ['a missing file', ['nope.promtopo.json'], 2, /nope\.promtopo\.json/],
    ['no file', [], 2, /expected exactly one FILE/],
    ['two files', ['a', 'b'], 2, /expected exactly one FILE/],
    ['an unknown option', ['--wide', 'x'], 2, /--wide/],
  ])('%s is a usage error (exit 2, one line on stderr)', async (_name, args, code, message) => {
    const r = await run(...args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const j = await run(...args, '--json');
    expect(JSON.parse(j.out)).toMatchObject({ ok: false });
  });

  it('a file that is not a topology: exit 1 with its diagnostics', async () => {
    const bad = join(dir, 'bad.promtopo.json');
    writeFileSync(bad, '{"format": "promtopo", "version": 1, "nodes": 3}');
    const r = await run(bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^bad\.promtopo\.json: error: /m);
  });

  it('--help prints the usage', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: promtopo load FILE [--down NAME]... [--json]');
  });

  it('runs as `promtopo load --json` from bin/', async () => {
    const r = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(process.execPath, [resolve('bin/promtopo.mjs'), 'load', '--json', EXAMPLE], { timeout: 60_000 }, (error, stdout) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
      });
    });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { servers: unknown[] }).servers.length).toBe(4);
  }, 60_000);
});
