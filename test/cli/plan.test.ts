/**
 * `promtopo plan split|ha|global|reshard`, the real command run as a child process: each writes a new
 * document that validates, atomically, never over FILE unless --out says so; bad input is one message
 * naming file, node and field, and nothing is written.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/document.ts';
import type { PrometheusNode, Topology } from '../../src/model/types.ts';
import { isRecordingRule } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';

const BIN = resolve('bin/promtopo.mjs');
const EXAMPLES = resolve('assets/examples');
const dir = mkdtempSync(join(tmpdir(), 'promtopo-plan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

function promtopo(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 170_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function copyExample(name: string, as: string): string {
  copyFileSync(join(EXAMPLES, `${name}.promtopo.json`), join(dir, as));
  return readFileSync(join(dir, as), 'utf8');
}

function readDoc(name: string): Topology {
  const parsed = parseTopology(readFileSync(join(dir, name), 'utf8'), name);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

const errors = (t: Topology) => validateTopology(t).filter((d) => d.severity === 'error').map((d) => d.message);
const server = (t: Topology, name: string) => t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.name === name);

describe('promtopo plan', () => {
  it('split --by job writes --out, which validates, and leaves FILE as it was; --json has the load before/after', async () => {
    const original = copyExample('multi-dc', 'split-in.promtopo.json');
    const run = await promtopo('plan', 'split', 'split-in.promtopo.json', '--server', 'prom-eu-app', '--into', '2', '--by', 'job', '--out', 'split-out.promtopo.json', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; out: string; load: { name: string; previousName?: string; before: unknown; after: { activeSeries: number } | null }[] };
    expect(report.ok).toBe(true);
    expect(report.out).toBe('split-out.promtopo.json');
    expect(report.load.find((r) => r.name === 'prom-eu-app-2')?.before).toBeNull();
    expect(report.load.find((r) => r.name === 'prom-eu-app-1')?.previousName).toBe('prom-eu-app');
    expect(readFileSync(join(dir, 'split-in.promtopo.json'), 'utf8')).toBe(original);
    const after = readDoc('split-out.promtopo.json');
    expect(errors(after)).toEqual([]);
    expect(server(after, 'prom-eu-app-1')).toBeDefined();
    expect(server(after, 'prom-eu-app-2')).toBeDefined();
    expect(server(after, 'prom-eu-app')).toBeUndefined();
  });

  it('ha without --out writes <name>.ha.promtopo.json beside FILE, and refuses to overwrite it the second time', async () => {
    const original = copyExample('federation', 'pair.promtopo.json');
    const run = await promtopo('plan', 'ha', 'pair.promtopo.json', '--server', 'prom-eu-1', '--replicas', '3');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('prom-eu-1: 3 replicas told apart by replica');
    expect(run.stdout).toContain('wrote pair.ha.promtopo.json');
    expect(readFileSync(join(dir, 'pair.promtopo.json'), 'utf8')).toBe(original);
    const after = readDoc('pair.ha.promtopo.json');
    expect(server(after, 'prom-eu-1')?.ha).toEqual({ replicas: 3, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true });
    expect(errors(after)).toEqual([]);
    const again = await promtopo('plan', 'ha', 'pair.promtopo.json', '--server', 'prom-us-1');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('promtopo plan ha: pair.ha.promtopo.json exists; name the output with --out\n');
  });

  it('ha --grafana-failover: the data source edges to the group get replicas: each, and the document validates', async () => {
    copyExample('multi-dc', 'failover.promtopo.json');
    const run = await promtopo('plan', 'ha', 'failover.promtopo.json', '--server', 'prom-us-1', '--grafana-failover', '--out', 'failover-ha.promtopo.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the label is dropped from alerts; Grafana gets a data source per replica');
    const after = readDoc('failover-ha.promtopo.json');
    expect(errors(after)).toEqual([]);
    const edges = after.edges.filter((e) => e.kind === 'datasource' && e.server === 'p-us');
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.kind === 'datasource' && e.replicas === 'each')).toBe(true);
  });

  it('global --leaves A,B --rules METRICS: job: rules on each leaf, match[] pulling exactly them', async () => {
    copyExample('multi-dc', 'leaves.promtopo.json');
    const run = await promtopo('plan', 'global', 'leaves.promtopo.json', '--leaves', 'prom-us-1,prom-eu-db', '--rules', 'node_cpu_seconds_total,node_load1', '--name', 'top', '--out', 'top.promtopo.json', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { summary: { seriesBefore: number; seriesAfter: number; globalId: string } };
    expect(report.summary.seriesAfter).toBeGreaterThan(0);
    expect(report.summary.seriesAfter).toBeLessThan(report.summary.seriesBefore);
    const after = readDoc('top.promtopo.json');
    expect(errors(after)).toEqual([]);
    const top = server(after, 'top');
    expect(top?.role).toBe('global');
    for (const leaf of ['prom-us-1', 'prom-eu-db']) {
      const s = server(after, leaf);
      const edge = after.edges.find((e) => e.kind === 'federation' && e.server === top?.id && e.source === s?.id);
      expect(edge?.kind === 'federation' ? edge.match : []).toEqual(['job:node_cpu_seconds:rate5m', 'job:node_load1:sum']);
      const recorded = (s?.ruleGroups ?? []).flatMap((g) => g.rules.filter(isRecordingRule).map((r) => r.record));
      expect(recorded).toContain('job:node_load1:sum');
    }
  });

  it('reshard previews the moved targets without writing, and applies with --out', async () => {
    copyExample('hashmod-shards', 'shards.promtopo.json');
    const before = readdirSync(dir).sort();
    const preview = await promtopo('plan', 'reshard', 'shards.promtopo.json', '--server', 'prom-node', '--shards', '4', '--json');
    expect(preview.code).toBe(0);
    const p = JSON.parse(preview.stdout) as { out?: string; summary: { targets: number; moved: { target: string; from: number; to: number }[]; movedFraction: number; consequences: string[] } };
    expect(p.out).toBeUndefined();
    expect(p.summary.targets).toBeGreaterThan(0);
    expect(p.summary.movedFraction).toBeCloseTo(p.summary.moved.length / p.summary.targets, 10);
    expect(p.summary.consequences.join('\n')).toContain('history stays on the shard');
    expect(readdirSync(dir).sort()).toEqual(before);
    const applied = await promtopo('plan', 'reshard', 'shards.promtopo.json', '--server', 'prom-node', '--shards', '4', '--out', 'shards.promtopo.json');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('wrote shards.promtopo.json');
    expect(server(readDoc('shards.promtopo.json'), 'prom-node')?.hashmod?.shards).toBe(4);
  });

  it('a command that cannot apply says why, naming file, node and field, and writes nothing', async () => {
    copyExample('hashmod-shards', 'sharded.promtopo.json');
    const before = readdirSync(dir).sort();
    const run = await promtopo('plan', 'split', 'sharded.promtopo.json', '--server', 'prom-node', '--into', '2', '--by', 'hashmod');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('promtopo plan split: sharded.promtopo.json: shard "prom-node", hashmod.shards: already 3 hashmod shards; change the shard count instead (promtopo plan reshard)\n');
    expect(run.stdout).toBe('');
    const usage = await promtopo('plan', 'split', 'sharded.promtopo.json', '--server', 'prom-node', '--into', 'two', '--by', 'job');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--into must be a whole number (got "two")');
    expect(usage.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, 'sharded.split.promtopo.json'))).toBe(false);
  });
});
