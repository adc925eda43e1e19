/**
 * Live: a leaf scrapes a real node_exporter and itself and evaluates a `job:` recording rule;
 * a global federates `{__name__=~"job:.*"}` from it. Started from the bundle's own run files.
 * Then: two functional shards scrape disjoint jobs.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportForLiveTest } from './support/bundle.ts';
import { getText, query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { federation, scrape, server, targets, topology } from './support/topology.ts';

const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

describe('federation, live', () => {
  let leaf = '';
  let global = '';
  beforeAll(async () => {
    const [exporterPort, leafPort, globalPort] = await freePorts(3);
    leaf = `127.0.0.1:${leafPort}`;
    global = `127.0.0.1:${globalPort}`;
    const t = topology('live federation', [
      targets('node', [`127.0.0.1:${exporterPort}`]),
      targets('prometheus', [leaf]),
      server('leaf-dc1', 'leaf', leaf, {
        externalLabels: { dc: 'dc1' },
        ruleGroups: [{ name: 'job-aggregates', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }],
      }),
      server('global', 'global', global),
    ], [
      scrape('leaf-dc1', 'node'),
      scrape('leaf-dc1', 'prometheus'),
      federation('global', 'leaf-dc1', ['{__name__=~"job:.*"}']),
    ]);
    const bundle = await exportForLiveTest(t, group.dir);
    group.startNodeExporter(exporterPort ?? 0);
    group.startRunFile(join(bundle, 'prometheus/leaf-dc1/run.sh'), 'leaf-dc1');
    group.startRunFile(join(bundle, 'prometheus/global/run.sh'), 'global');
    try {
      await waitReady(leaf);
      await waitReady(global);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 120_000);

  it('the leaf scrapes node_exporter and itself, and records job:up:sum', async () => {
    const up = await waitFor('up on the leaf', async () => {
      const r = await query(leaf, 'up == 1');
      return r.length === 2 ? r : undefined;
    });
    expect(up.map((s) => s.metric.job).sort()).toEqual(['node', 'prometheus']);
    const recorded = await waitFor('job:up:sum on the leaf', async () => {
      const r = await query(leaf, 'job:up:sum');
      return r.length === 2 ? r : undefined;
    });
    expect(recorded.map((s) => s.metric.job).sort()).toEqual(['node', 'prometheus']);
    expect((await query(leaf, 'node_cpu_seconds_total')).length).toBeGreaterThan(0);
  }, 120_000);

  it('the global holds the federated rule series with the leaf external labels, and nothing match[] excluded', async () => {
    const federated = await waitFor('job:up:sum on the global', async () => {
      const r = await query(global, 'job:up:sum');
      return r.length === 2 ? r : undefined;
    }, 60_000);
    for (const s of federated) {
      expect(s.metric.dc).toBe('dc1');
      expect(s.value).toBe(1);
    }
    expect(federated.map((s) => s.metric.job).sort()).toEqual(['node', 'prometheus']);
    // The federation job itself is up on the global: exactly one target, the leaf.
    expect((await query(global, 'up{job="federate-leaf-dc1"} == 1')).length).toBe(1);
    // Excluded by match[]: raw node_exporter and Prometheus series never reach the global.
    expect(await query(global, 'node_cpu_seconds_total')).toEqual([]);
    expect(await query(global, '{__name__=~"node_.*|prometheus_.*", job!="federate-leaf-dc1"}')).toEqual([]);
    // The global stores only job: series from the leaf (plus the scrape's own synthetic series).
    const names = new Set((await query(global, '{job=~"node|prometheus"}')).map((s) => s.metric.__name__));
    expect([...names]).toEqual(['job:up:sum']);
    // The leaf's /federate is the real oracle: the selector the bundle uses returns only job: series.
    const body = await getText(`http://${leaf}/federate?match[]=${encodeURIComponent('{__name__=~"job:.*"}')}`);
    expect(body).toMatch(/^job:up:sum\{[^}]*dc="dc1"/m);
    expect(body).not.toContain('node_cpu_seconds_total');
  }, 120_000);
});

describe('functional shards, live', () => {
  it('each shard scrapes only its own jobs', async () => {
    const [exporterPort, dbPort, appPort] = await freePorts(3);
    const db = `127.0.0.1:${dbPort}`;
    const app = `127.0.0.1:${appPort}`;
    const t = topology('live functional shards', [
      targets('node', [`127.0.0.1:${exporterPort}`]),
      targets('prometheus-db', [db]),
      targets('prometheus-app', [app]),
      server('shard-db', 'shard', db, { externalLabels: { shard: 'db' } }),
      server('shard-app', 'shard', app, { externalLabels: { shard: 'app' } }),
    ], [
      scrape('shard-db', 'node'),
      scrape('shard-db', 'prometheus-db'),
      scrape('shard-app', 'prometheus-app'),
    ]);
    const bundle = await exportForLiveTest(t, join(group.dir));
    group.startNodeExporter(exporterPort ?? 0);
    group.startRunFile(join(bundle, 'prometheus/shard-db/run.sh'), 'shard-db');
    group.startRunFile(join(bundle, 'prometheus/shard-app/run.sh'), 'shard-app');
    await waitReady(db);
    await waitReady(app);
    const jobsOf = async (address: string, count: number): Promise<string[]> => waitFor(`up on ${address}`, async () => {
      const r = await query(address, 'up == 1');
      return r.length === count ? r.map((s) => s.metric.job ?? '').sort() : undefined;
    });
    expect(await jobsOf(db, 2)).toEqual(['node', 'prometheus-db']);
    expect(await jobsOf(app, 1)).toEqual(['prometheus-app']);
    expect(await query(app, 'up{job="node"}')).toEqual([]);
    expect(await query(db, 'up{job="prometheus-app"}')).toEqual([]);
  }, 120_000);
});
