/**
 * Live: `promtopo compare` and `promtopo import --from` against a real Prometheus started by the
 * test. A leaf scraping a real node_exporter (three collectors), itself, and a file_sd job (targets
 * known only to the running server) is exported through the real pipeline and started from its run
 * file on 127.0.0.1. compare reads it over its HTTP API: up, measured series as the server reports
 * them, RSS within 30% of the estimate; a link to a port nothing listens on is down, URL named.
 * import --from builds a topology from the server whose estimate matches the server within 10%
 * (series and samples/s), with the discovered job's real target count and measured series.
 */
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { scrape, server, targets, topology } from './support/topology.ts';

const group = new ProcessGroup();
const dir = mkdtempSync(join(tmpdir(), 'promtopo-from-server-'));
afterAll(async () => {
  await group.stopAll();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

interface Run { code: number; stdout: string; stderr: string }

function promtopo(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [resolve('bin/promtopo.mjs'), ...args], { cwd: dir, timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('compare with a running Prometheus, live', () => {
  let leaf = '';
  let closedPort = 0;
  let file = '';
  let t: Topology;

  beforeAll(async () => {
    const [exporterPort, leafPort, unused] = await freePorts(3);
    leaf = `127.0.0.1:${leafPort}`;
    closedPort = unused ?? 0;
    group.startNodeExporter(exporterPort ?? 0);
    // Service discovery: targets only the running server knows (the document gives no count).
    const sdFile = join(dir, 'discovered.json');
    writeFileSync(sdFile, JSON.stringify([{ targets: [`127.0.0.1:${exporterPort}`, leaf], labels: { team: 'sd' } }]));
    t = topology('live compare', [
      // The node_exporter catalog was measured with every default collector; this one runs three,
      // so the catalog over-estimates it: import --from below measures the real figure.
      targets('node', [`127.0.0.1:${exporterPort}`], { exporter: 'node_exporter' }),
      targets('discovered', [], { discovery: {}, extraConfig: `file_sd_configs:\n  - files: ['${sdFile}']\n` }),
      server('leaf-dc1', 'leaf', leaf, { scrapeSelf: true }),
    ], [scrape('leaf-dc1', 'node'), scrape('leaf-dc1', 'discovered')]);
    const bundle = await exportForLiveTest(t, group.dir);
    group.startRunFile(join(bundle, 'prometheus/leaf-dc1/run.sh'), 'leaf-dc1');
    try {
      await waitReady(leaf);
      await waitFor('every target scraped twice', async () =>
        ((await query(leaf, 'count_over_time(up[1h]) >= 2')).length === 4 ? true : undefined), 40_000);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
    file = join(dir, 'live.promtopo.json');
    writeFileSync(file, serializeTopology(t));
  }, 120_000);

  it('reads the server and prints predicted beside measured in the run --json shape', async () => {
    const run = await promtopo('compare', file, '--server', `leaf-dc1=http://${leaf}`, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as {
      servers: { name: string; instance: string; url: string; up: boolean; predicted: { series: number; samplesPerSecond: number; memoryBytes: number }; measured: { series: number; samplesPerSecond: number; memoryBytes: number } | null }[];
      edges: unknown[];
    };
    expect(body.edges).toEqual([]);
    expect(body.servers).toHaveLength(1);
    const s = body.servers[0];
    expect(s).toMatchObject({ name: 'leaf-dc1', instance: '', url: `http://${leaf}`, up: true });
    expect(Object.keys(s?.predicted ?? {}).sort()).toEqual(['memoryBytes', 'samplesPerSecond', 'series']);
    const measured = s?.measured;
    if (!measured || !s) throw new Error('nothing measured');
    // What the server reports, read independently here.
    const headSeries = Number((await query(leaf, 'prometheus_tsdb_head_series'))[0]?.value);
    expect(Math.abs(measured.series - headSeries) / headSeries).toBeLessThanOrEqual(0.1);
    expect(measured.memoryBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(Math.abs(s.predicted.memoryBytes - measured.memoryBytes) / measured.memoryBytes).toBeLessThanOrEqual(0.3);
    expect(measured.samplesPerSecond).toBeGreaterThan(0);
    console.log(`\ncompare, predicted vs measured: ${JSON.stringify(s)}\n`);
  }, 60_000);

  it('reports a link to a server that does not answer as down, naming its URL, with exit 1', async () => {
    const run = await promtopo('compare', file, '--server', `leaf-dc1=http://127.0.0.1:${closedPort}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/leaf-dc1\s+down/);
    expect(run.stdout).toContain(`http://127.0.0.1:${closedPort}/api/v1/status/config: connection refused`);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('import --from builds a topology that starts from the server\'s real cardinality and target counts', async () => {
    // Prometheus' own series grow with every HTTP endpoint first used (about 24 per handler), and this
    // server scrapes itself twice: use the endpoints import and compare read once, then wait until what
    // it scrapes has settled (unchanged over three 1s scrapes), so both read the same server.
    await promtopo('import', '--from', `http://${leaf}`, '--name', 'warm-up', '--out', join(dir, 'warm-up.promtopo.json'));
    await promtopo('compare', file, '--server', `leaf-dc1=http://${leaf}`, '--json');
    const scraped = async () => (await query(leaf, 'sum(scrape_samples_post_metric_relabeling)'))[0]?.value;
    await waitFor('the scraped series to settle', async () => {
      const before = await scraped();
      await new Promise((r) => setTimeout(r, 3_000));
      return before !== undefined && before === (await scraped()) ? true : undefined;
    }, 60_000);
    const out = join(dir, 'imported.promtopo.json');
    const run = await promtopo('import', '--from', `http://${leaf}`, '--name', 'leaf-dc1', '--out', out, '--json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as { ok: boolean; out: string; diagnostics: { code: string; message: string }[] };
    expect(body.ok).toBe(true);
    const imported = JSON.parse(readFileSync(out, 'utf8')) as Topology;
    const groups = imported.nodes.filter((n) => n.kind === 'targets');
    // The file_sd job: the document said nothing about its targets; the server found two.
    const sd = groups.find((g) => g.kind === 'targets' && g.name === 'discovered');
    expect(sd?.kind === 'targets' ? sd.discovery?.targets : undefined).toBe(2);
    // Series per target as the server stored them, per job.
    const stored = await query(leaf, 'scrape_samples_post_metric_relabeling{job="node"}');
    const node = groups.find((g) => g.name === 'node');
    expect(node?.kind === 'targets' ? node.measuredSeriesPerTarget : undefined).toBe(stored[0]?.value);
    expect(body.diagnostics.some((d) => d.code === 'import/measured' && d.message.includes('job "discovered": 2 targets'))).toBe(true);

    // The imported design, compared with the server it came from: within 10% where the catalog was not.
    const compared = await promtopo('compare', out, '--server', `leaf-dc1=http://${leaf}`, '--json');
    expect(compared.code, compared.stderr).toBe(0);
    const s = (JSON.parse(compared.stdout) as { servers: { predicted: { series: number; samplesPerSecond: number }; measured: { series: number; samplesPerSecond: number } }[] }).servers[0];
    if (!s) throw new Error('no comparison');
    console.log(`\nimported design vs the server: ${JSON.stringify(s)}\n`);
    expect(Math.abs(s.predicted.series - s.measured.series) / s.measured.series).toBeLessThanOrEqual(0.1);
    expect(Math.abs(s.predicted.samplesPerSecond - s.measured.samplesPerSecond) / s.measured.samplesPerSecond).toBeLessThanOrEqual(0.1);
  }, 90_000);
});
