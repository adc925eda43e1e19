/**
 * Live: servers exported with `scrapeSelf` watch themselves. A leaf that scrapes nothing but its own
 * /metrics (and records one rule) and a global that scrapes itself and federates the leaf's `up` are
 * exported through the real pipeline and started from the bundle's run files on 127.0.0.1. Each holds
 * its own `up{job="prometheus"}`, the global also the leaf's; and the load model's figures for the
 * self-scrape job (Prometheus' own measured catalog) match what the servers report, within the
 * tolerance of the other live estimate test.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../src/estimate/types.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { comparisonTable, headSeries, relativeError, TOLERANCE, type Row } from './support/compare.ts';
import { getText, query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { federation, server, topology } from './support/topology.ts';

const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

/** The requests scripts/measure-catalogs.ts makes before measuring Prometheus' own catalog. */
const CATALOG_EXERCISE = ['/api/v1/query?query=up', '/api/v1/query_range?query=up&start=0&end=60&step=15', '/federate?match[]=up'];

/** Resolves once the server has scraped itself `n` more times than when called. */
async function afterSelfScrapes(address: string, n: number): Promise<void> {
  const scrapes = async () => (await query(address, 'count_over_time(up{job="prometheus"}[1h])'))[0]?.value ?? 0;
  const start = await scrapes();
  await waitFor(`${n} more self-scrapes of ${address}`, async () => ((await scrapes()) >= start + n ? true : undefined), 20_000);
}

describe('self-scrape, live', () => {
  let leaf = '';
  let global = '';
  let estimate: LoadEstimate;

  beforeAll(async () => {
    const [leafPort, globalPort] = await freePorts(2);
    leaf = `127.0.0.1:${leafPort}`;
    global = `127.0.0.1:${globalPort}`;
    const t = topology('live self-scrape', [
      server('leaf-dc1', 'leaf', leaf, {
        scrapeSelf: true,
        externalLabels: { dc: 'dc1' },
        ruleGroups: [{ name: 'job-aggregates', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }],
      }),
      server('global', 'global', global, { scrapeSelf: true }),
    ], [
      federation('global', 'leaf-dc1', ['up{job="prometheus"}']),
    ]);
    estimate = estimateLoad(t, builtinCatalogs);
    const bundle = await exportForLiveTest(t, group.dir);
    group.startRunFile(join(bundle, 'prometheus/leaf-dc1/run.sh'), 'leaf-dc1');
    group.startRunFile(join(bundle, 'prometheus/global/run.sh'), 'global');
    try {
      await waitReady(leaf);
      await waitReady(global);
      await waitFor('the leaf\'s up on the global', async () => ((await query(global, 'up{job="prometheus",dc="dc1"}')).length === 1 ? true : undefined), 40_000);
      await waitFor('job:up:sum on the leaf', async () => ((await query(leaf, 'job:up:sum')).length === 1 ? true : undefined), 20_000);
      // Used as the catalog's measurement used it (scripts/measure-catalogs.ts), then scraped again.
      for (const address of [leaf, global]) {
        for (const path of CATALOG_EXERCISE) await getText(`http://${address}${path}`);
      }
      await Promise.all([afterSelfScrapes(leaf, 2), afterSelfScrapes(global, 2)]);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 120_000);

  it('each server holds its own up{job="prometheus"} = 1, at its own address; the global also the leaf\'s', async () => {
    const own = await query(leaf, 'up{job="prometheus"}');
    expect(own.map((s) => [s.metric.instance, s.value])).toEqual([[leaf, 1]]);
    const globalUp = await query(global, 'up{job="prometheus"}');
    expect(globalUp.map((s) => [s.metric.instance, s.metric.dc ?? '', s.value]).sort()).toEqual([[global, '', 1], [leaf, 'dc1', 1]].sort());
  }, 20_000);

  it('the estimate of the self-scrape job and of the head series matches the servers within the tolerance', async () => {
    const leafLoad = estimate.servers['leaf-dc1'];
    const globalLoad = estimate.servers.global;
    const samples = async (address: string) => {
      const r = await query(address, 'scrape_samples_scraped{job="prometheus"}');
      if (r.length !== 1 || !r[0]) throw new Error(`scrape_samples_scraped{job="prometheus"} on ${address}: ${r.length} samples`);
      return r[0].value;
    };
    const rows: Row[] = [
      { what: 'leaf-dc1, job prometheus: samples per scrape', estimated: leafLoad?.series.scraped ?? NaN, measured: await samples(leaf) },
      { what: 'global, job prometheus: samples per scrape', estimated: globalLoad?.series.scraped ?? NaN, measured: await samples(global) },
      { what: 'leaf-dc1: head series', estimated: leafLoad?.activeSeries ?? NaN, measured: await headSeries(leaf) },
      { what: 'global: head series', estimated: globalLoad?.activeSeries ?? NaN, measured: await headSeries(global) },
      { what: 'global, job federate-leaf-dc1: samples per scrape', estimated: estimate.edges['f-global-leaf-dc1']?.seriesPerRequest ?? NaN, measured: (await query(global, 'scrape_samples_scraped{job="federate-leaf-dc1"}'))[0]?.value ?? NaN },
    ];
    console.log(`\nself-scrape estimate vs real Prometheus 2.42 (tolerance ${TOLERANCE * 100}%):\n${comparisonTable(rows)}\n`);
    for (const row of rows) {
      expect(Number.isFinite(row.estimated), `${row.what}: no estimate`).toBe(true);
      expect(relativeError(row), `${row.what}: estimated ${row.estimated}, measured ${row.measured}`).toBeLessThanOrEqual(TOLERANCE);
    }
  }, 30_000);
});
