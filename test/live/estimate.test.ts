/**
 * Live: the load model against real Prometheus. A leaf scrapes a real node_exporter and
 * itself and evaluates recording rules; a global federates the `job:` rules and `up` from it and
 * records one rule of its own. Exported through the real pipeline, started from the bundle's run
 * files on 127.0.0.1. After a few scrapes the estimate is compared with what Prometheus reports:
 * `scrape_samples_scraped` per job and `prometheus_tsdb_head_series` per server, within 10%.
 *
 * node_exporter's series depend on the machine (CPUs, disks, interfaces), so the test measures the
 * local exporter's /metrics and passes that as the node_exporter catalog; Prometheus' own series come
 * from the built-in measured catalog unchanged.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { countExposition } from '../../scripts/measure-catalogs.ts';
import { parseCatalog, type ExporterCatalog } from '../../src/estimate/catalog.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../src/estimate/types.ts';
import type { Topology } from '../../src/model/types.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { comparisonTable, headSeries, relativeError, TOLERANCE, type Row } from './support/compare.ts';
import { getText, query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { federation, scrape, server, targets, topology } from './support/topology.ts';

const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

async function single(address: string, promql: string): Promise<number> {
  const r = await query(address, promql);
  if (r.length !== 1 || r[0] === undefined) throw new Error(`${promql} on ${address}: expected one sample, got ${r.length}`);
  return r[0].value;
}

describe('load estimate vs real Prometheus, live', () => {
  let leaf = '';
  let global = '';
  let t: Topology;
  let estimate: LoadEstimate;

  beforeAll(async () => {
    const [exporterPort, leafPort, globalPort] = await freePorts(3);
    leaf = `127.0.0.1:${leafPort}`;
    global = `127.0.0.1:${globalPort}`;
    const exporter = `127.0.0.1:${exporterPort}`;
    group.startNodeExporter(exporterPort ?? 0);
    const exposition = await waitFor('node_exporter /metrics', async () => getText(`http://${exporter}/metrics`));
    const metrics = countExposition(exposition);
    const nodeCatalog: ExporterCatalog = parseCatalog({
      id: 'node_exporter',
      title: 'node_exporter on this machine (measured by the test)',
      provenance: 'measured',
      source: `GET http://${exporter}/metrics`,
      seriesPerTarget: metrics.reduce((n, m) => n + m.series, 0),
      metrics,
    });
    const catalogs = [nodeCatalog, ...builtinCatalogs.filter((c) => c.id !== 'node_exporter')];

    t = topology('live load estimate', [
      targets('node', [exporter], { exporter: 'node_exporter' }),
      targets('prometheus', [leaf], { exporter: 'prometheus' }),
      server('leaf-dc1', 'leaf', leaf, {
        externalLabels: { dc: 'dc1' },
        ruleGroups: [{ name: 'job-aggregates', rules: [
          { record: 'job:up:sum', expr: 'sum by (job) (up)' },
          { record: 'job:node_cpu_seconds:rate1m', expr: 'sum by (job, mode) (rate(node_cpu_seconds_total[1m]))' },
          { record: 'instance:node_memory_available:ratio', expr: 'node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes' },
          { record: 'job:scrape_samples_scraped:sum', expr: 'sum by (job) (scrape_samples_scraped)' },
        ] }],
      }),
      server('global', 'global', global, {
        ruleGroups: [{ name: 'global', rules: [{ record: 'dc:up:sum', expr: 'sum by (dc) (up)' }] }],
      }),
    ], [
      scrape('leaf-dc1', 'node'),
      scrape('leaf-dc1', 'prometheus'),
      federation('global', 'leaf-dc1', ['{__name__=~"job:.*"}', 'up']),
    ]);
    estimate = estimateLoad(t, catalogs);

    const bundle = await exportForLiveTest(t, group.dir);
    group.startRunFile(join(bundle, 'prometheus/leaf-dc1/run.sh'), 'leaf-dc1');
    group.startRunFile(join(bundle, 'prometheus/global/run.sh'), 'global');
    try {
      await waitReady(leaf);
      await waitReady(global);
      // Every rule has produced and the global holds every federated job: series (8 = 2 + modes + 1 + 2 ...).
      await waitFor('rules on the leaf', async () => ((await query(leaf, '{__name__=~"job:.*|instance:.*"}')).length >= 5 ? true : undefined), 40_000);
      const leafRuleSeries = (await query(leaf, '{__name__=~"job:.*"}')).length;
      await waitFor('federated rules on the global', async () => ((await query(global, '{__name__=~"job:.*"}')).length === leafRuleSeries ? true : undefined), 40_000);
      await waitFor('dc:up:sum on the global', async () => ((await query(global, 'dc:up:sum')).length > 0 ? true : undefined), 20_000);
      // A few more scrapes (1s interval) so every series the servers will hold has appeared.
      await new Promise((r) => setTimeout(r, 4000));
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 120_000);

  it('matches scrape_samples_scraped per job and prometheus_tsdb_head_series per server within 10%', async () => {
    const fed = t.edges.find((e) => e.kind === 'federation');
    const rows: Row[] = [
      { what: 'leaf-dc1, job node: samples per scrape', estimated: estimate.targetGroups.node?.seriesPerTarget ?? NaN, measured: await single(leaf, 'scrape_samples_scraped{job="node"}') },
      { what: 'leaf-dc1, job prometheus: samples per scrape', estimated: estimate.targetGroups.prometheus?.seriesPerTarget ?? NaN, measured: await single(leaf, 'scrape_samples_scraped{job="prometheus"}') },
      { what: 'global, job federate-leaf-dc1: samples per scrape', estimated: estimate.edges[fed?.id ?? '']?.seriesPerRequest ?? NaN, measured: await single(global, 'scrape_samples_scraped{job="federate-leaf-dc1"}') },
      { what: 'leaf-dc1: head series', estimated: estimate.servers['leaf-dc1']?.activeSeries ?? NaN, measured: await headSeries(leaf) },
      { what: 'global: head series', estimated: estimate.servers.global?.activeSeries ?? NaN, measured: await headSeries(global) },
    ];
    console.log(`\nload estimate vs real Prometheus 2.42 (tolerance ${TOLERANCE * 100}%):\n${comparisonTable(rows)}\n`);
    for (const row of rows) {
      expect(Number.isFinite(row.estimated), `${row.what}: no estimate`).toBe(true);
      expect(relativeError(row), `${row.what}: estimated ${row.estimated}, measured ${row.measured}`).toBeLessThanOrEqual(TOLERANCE);
    }
  }, 30_000);

  it('estimates the rule outputs exactly where the labels are known', async () => {
    const leafRules = (await query(leaf, '{__name__=~"job:.*|instance:.*"}')).length;
    expect(estimate.servers['leaf-dc1']?.series.rules).toBe(leafRules);
    const globalRules = (await query(global, 'dc:up:sum')).length;
    expect(estimate.servers.global?.series.rules).toBe(globalRules);
  }, 20_000);
});
