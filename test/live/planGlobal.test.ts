/**
 * Live: "add a global over these leaves" on two real leaves. Each leaf scrapes a real node_exporter;
 * addGlobal generates their job: recording rules and a global federating exactly them. Exported
 * through the real pipeline (promtool included) and started from the bundle's run files: the global
 * holds the job: series of both leaves and no raw series.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import type { Topology } from '../../src/model/types.ts';
import { addGlobal } from '../../src/plan/global.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { scrape, server, targets, topology } from './support/topology.ts';

const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

const PICKED = ['node_cpu_seconds_total', 'node_memory_MemAvailable_bytes', 'node_load1', 'up'];
const RECORDS = ['job:node_cpu_seconds:rate5m', 'job:node_load1:sum', 'job:node_memory_MemAvailable_bytes:sum', 'job:up:sum'];

describe('add a global over leaves, live', () => {
  let globalAddress = '';
  beforeAll(async () => {
    const [exporterA, exporterB, leafA, leafB, globalPort] = await freePorts(5);
    globalAddress = `127.0.0.1:${globalPort}`;
    const leaves = topology('live plan global', [
      targets('node-a', [`127.0.0.1:${exporterA}`]),
      targets('node-b', [`127.0.0.1:${exporterB}`]),
      server('leaf-a', 'leaf', `127.0.0.1:${leafA}`, { externalLabels: { dc: 'a' } }),
      server('leaf-b', 'leaf', `127.0.0.1:${leafB}`, { externalLabels: { dc: 'b' } }),
    ], [scrape('leaf-a', 'node-a'), scrape('leaf-b', 'node-b')]);
    const planned = addGlobal(leaves, ['leaf-a', 'leaf-b'], { series: PICKED, name: 'global' }, builtinCatalogs);
    if (!planned.ok) throw new Error(planned.error);
    // The global on a free local port, scraping as fast as the leaves (the address is the user's to set).
    const t: Topology = {
      ...planned.topology,
      nodes: planned.topology.nodes.map((n) => (n.kind === 'prometheus' && n.id === planned.summary.globalId
        ? { ...n, address: globalAddress, addressFromName: false, scrapeInterval: '1s', scrapeTimeout: '1s', evaluationInterval: '1s', retention: '1h' }
        : n)),
      edges: planned.topology.edges.map((e) => (e.kind === 'federation' ? { ...e, scrapeInterval: '1s', scrapeTimeout: '1s' } : e)),
    };
    const bundle = await exportForLiveTest(t, group.dir);
    group.startNodeExporter(exporterA ?? 0);
    group.startNodeExporter(exporterB ?? 0);
    group.startRunFile(join(bundle, 'prometheus/leaf-a/run.sh'), 'leaf-a');
    group.startRunFile(join(bundle, 'prometheus/leaf-b/run.sh'), 'leaf-b');
    group.startRunFile(join(bundle, 'prometheus/global/run.sh'), 'global');
    try {
      await waitReady(`127.0.0.1:${leafA}`);
      await waitReady(`127.0.0.1:${leafB}`);
      await waitReady(globalAddress);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 120_000);

  it('the global holds every generated job: series of both leaves', async () => {
    const cpu = await waitFor('job:node_cpu_seconds:rate5m from both leaves on the global', async () => {
      const r = await query(globalAddress, 'job:node_cpu_seconds:rate5m');
      return new Set(r.map((s) => s.metric.dc)).size === 2 ? r : undefined;
    }, 90_000);
    expect(cpu.every((s) => s.value >= 0)).toBe(true);
    for (const record of RECORDS) {
      const samples = await waitFor(`${record} on the global`, async () => {
        const r = await query(globalAddress, record);
        return new Set(r.map((s) => s.metric.dc)).size === 2 ? r : undefined;
      }, 60_000);
      expect(samples.map((s) => s.metric.job).sort(), record).toEqual(['node-a', 'node-b']);
    }
  }, 180_000);

  it('and no raw series: everything that came from a leaf is a job: series', async () => {
    const fromLeaves = await query(globalAddress, '{dc=~"a|b"}');
    const names = [...new Set(fromLeaves.map((s) => s.metric.__name__ ?? ''))].sort();
    expect(names).toEqual(RECORDS);
    expect(await query(globalAddress, 'node_cpu_seconds_total')).toEqual([]);
    expect(await query(globalAddress, 'node_load1')).toEqual([]);
  }, 60_000);
});
