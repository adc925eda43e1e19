/**
 * Live: the process-memory (RSS) estimate against real Prometheus at two sizes. Two leaves, exported
 * through the real pipeline and started from the bundle's run files on 127.0.0.1, each scraping itself
 * and a stand-in target (scripts/measure-memory.ts) of 1,000 or 40,000 series at 1 s. Read at the same
 * age as the constants were measured (READ_AFTER_SECONDS after the first scrape), the estimate must be
 * within 30% of `process_resident_memory_bytes`, and closer to it than head memory.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { READ_AFTER_SECONDS, readMemory, startStandIn, waitForScrapes, type StandIn } from '../../scripts/measure-memory.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../src/estimate/types.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { comparisonTable, type Row } from './support/compare.ts';
import { waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { scrape, server, targets, topology } from './support/topology.ts';

const RSS_TOLERANCE = 0.3;
const SIZES = [1_000, 40_000] as const;

const group = new ProcessGroup();
const standIns: StandIn[] = [];
afterAll(async () => {
  await group.stopAll();
  await Promise.all(standIns.map((s) => s.close()));
}, 30_000);

describe('process memory (RSS) estimate vs real Prometheus, live', () => {
  const addresses: string[] = [];
  let estimate: LoadEstimate;
  const measured: { headSeries: number; residentMemoryBytes: number }[] = [];

  beforeAll(async () => {
    const ports = await freePorts(SIZES.length);
    for (const size of SIZES) standIns.push(await startStandIn(size));
    const nodes = [];
    const edges = [];
    for (const [i, size] of SIZES.entries()) {
      const address = `127.0.0.1:${ports[i] ?? 0}`;
      addresses.push(address);
      nodes.push(targets(`standin-${size}`, [`127.0.0.1:${standIns[i]?.port ?? 0}`], { seriesPerTarget: size }));
      nodes.push(server(`leaf-${size}`, 'leaf', address, { scrapeSelf: true }));
      edges.push(scrape(`leaf-${size}`, `standin-${size}`));
    }
    const t = topology('live rss', nodes, edges);
    estimate = estimateLoad(t, builtinCatalogs);
    const bundle = await exportForLiveTest(t, group.dir);
    for (const size of SIZES) group.startRunFile(join(bundle, `prometheus/leaf-${size}/run.sh`), `leaf-${size}`);
    try {
      for (const [i, address] of addresses.entries()) {
        await waitReady(address);
        await waitForScrapes(address, `standin-${SIZES[i]}`, 1);
      }
      // The constants were measured at this age of the server; both servers run side by side.
      await new Promise((r) => setTimeout(r, READ_AFTER_SECONDS * 1000));
      for (const address of addresses) measured.push(await readMemory(address));
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 240_000);

  it('estimates process_resident_memory_bytes within 30% at both sizes', () => {
    const rows: Row[] = SIZES.flatMap((size, i) => {
      const load = estimate.servers[`leaf-${size}`];
      const m = measured[i];
      return [
        { what: `leaf-${size}: head series`, estimated: load?.activeSeries ?? NaN, measured: m?.headSeries ?? NaN },
        { what: `leaf-${size}: RSS (bytes)`, estimated: load?.residentMemoryBytes ?? NaN, measured: m?.residentMemoryBytes ?? NaN },
        { what: `leaf-${size}: head memory (bytes)`, estimated: load?.memoryBytes ?? NaN, measured: m?.residentMemoryBytes ?? NaN },
      ];
    });
    console.log(`\nprocess memory vs real Prometheus 2.42 (RSS tolerance ${RSS_TOLERANCE * 100}%):\n${comparisonTable(rows)}\n`);
    for (const [i, size] of SIZES.entries()) {
      const load = estimate.servers[`leaf-${size}`];
      const m = measured[i];
      expect(load && m, `leaf-${size}: estimated and measured`).toBeTruthy();
      if (!load || !m) continue;
      const error = Math.abs(load.residentMemoryBytes - m.residentMemoryBytes) / m.residentMemoryBytes;
      expect(error, `leaf-${size}: RSS estimated ${load.residentMemoryBytes}, measured ${m.residentMemoryBytes}`).toBeLessThanOrEqual(RSS_TOLERANCE);
      // The series the estimate starts from are right too (the RSS terms multiply them).
      expect(Math.abs(load.activeSeries - m.headSeries) / m.headSeries).toBeLessThanOrEqual(0.1);
      // Head memory alone is further from what the process uses than the RSS estimate.
      const headError = Math.abs(load.memoryBytes - m.residentMemoryBytes) / m.residentMemoryBytes;
      expect(error, `leaf-${size}: RSS estimate closer than head memory`).toBeLessThan(headError);
    }
  }, 30_000);
});
