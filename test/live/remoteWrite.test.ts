/**
 * Live: agents and an HA pair remote-write to a Prometheus started with the remote-write receiver.
 * An agent (agent mode) scrapes a real node_exporter and itself; an HA pair of servers scrapes the
 * same node_exporter; all write to one receiver, exported through the real pipeline and started from
 * the bundle's run files on 127.0.0.1. The receiver holds the agent's series with its external label,
 * the model's series and samples/s at the receiver match within 10%, and the HA pair shows up as the
 * duplicate series the model predicts (one copy per replica).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { countExposition } from '../../scripts/measure-catalogs.ts';
import { parseCatalog, type ExporterCatalog } from '../../src/estimate/catalog.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { WIRE_BYTES_PER_SAMPLE } from '../../src/estimate/remoteWrite.ts';
import type { LoadEstimate, RemoteWriteLoad } from '../../src/estimate/types.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { comparisonTable, relativeError, TOLERANCE, type Row } from './support/compare.ts';
import { getText, query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { scrape, server, targets, topology } from './support/topology.ts';

const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

const count = async (address: string, selector: string) => (await query(address, `count(${selector})`))[0]?.value ?? 0;

describe('remote_write, live', () => {
  let receiver = '';
  let agent = '';
  let estimate: LoadEstimate;
  let haA = '';

  beforeAll(async () => {
    const [exporterPort, agentPort, receiverPort, haPort] = await freePorts(4);
    const exporter = `127.0.0.1:${exporterPort}`;
    agent = `127.0.0.1:${agentPort}`;
    receiver = `127.0.0.1:${receiverPort}`;
    haA = `127.0.0.1:${haPort}`;
    group.startNodeExporter(exporterPort ?? 0);
    const exposition = await waitFor('node_exporter /metrics', async () => getText(`http://${exporter}/metrics`));
    const metrics = countExposition(exposition);
    const nodeCatalog: ExporterCatalog = parseCatalog({
      id: 'node_exporter', title: 'node_exporter on this machine (measured by the test)', provenance: 'measured',
      source: `GET http://${exporter}/metrics`, seriesPerTarget: metrics.reduce((n, m) => n + m.series, 0), metrics,
    });
    const catalogs = [nodeCatalog, ...builtinCatalogs.filter((c) => c.id !== 'node_exporter')];
    const t = topology('live remote write', [
      targets('node', [exporter], { exporter: 'node_exporter' }),
      server('agent-dc1', 'leaf', agent, { mode: 'agent', externalLabels: { dc: 'dc1' } }),
      server('pair', 'leaf', haA, { externalLabels: { dc: 'dc2' }, ha: { replicas: 2, replicaLabel: 'replica' } }),
      server('central', 'global', receiver, { remoteWriteReceiver: true }),
    ], [
      scrape('agent-dc1', 'node'),
      scrape('pair', 'node'),
      { id: 'rw-agent', kind: 'remote_write', server: 'agent-dc1', receiver: 'central', queueConfig: { batchSendDeadline: '1s' } },
      { id: 'rw-pair', kind: 'remote_write', server: 'pair', receiver: 'central', queueConfig: { batchSendDeadline: '1s' } },
    ]);
    estimate = estimateLoad(t, catalogs);
    const bundle = await exportForLiveTest(t, group.dir);
    group.startRunFile(join(bundle, 'prometheus/central/run.sh'), 'central');
    group.startRunFile(join(bundle, 'prometheus/agent-dc1/run.sh'), 'agent-dc1');
    group.startRunFile(join(bundle, 'prometheus/pair-a/run.sh'), 'pair-a');
    group.startRunFile(join(bundle, 'prometheus/pair-b/run.sh'), 'pair-b');
    try {
      await waitReady(receiver);
      await waitReady(agent);
      await waitFor('the agent\'s node series on the receiver', async () => ((await count(receiver, '{dc="dc1",job="node"}')) > 0 ? true : undefined), 60_000);
      await waitFor('both replicas\' series on the receiver', async () => ((await count(receiver, '{dc="dc2",job="node",replica="b"}')) > 0 && (await count(receiver, '{dc="dc2",job="node",replica="a"}')) > 0 ? true : undefined), 60_000);
      // A few more scrape rounds (1s interval) so every series has arrived and the rate window is full.
      await waitFor('32s of the agent\'s up on the receiver', async () => ((await query(receiver, 'count_over_time(up{dc="dc1",job="node"}[40s])'))[0]?.value ?? 0) >= 32 ? true : undefined, 90_000);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 180_000);

  it('the receiver holds the agent\'s series with its external label, and the agent answers no queries', async () => {
    const up = await query(receiver, 'up{dc="dc1"}');
    expect(up.map((s) => s.metric.job).sort()).toEqual(['node']);
    const res = await fetch(`http://${agent}/api/v1/query?query=up`);
    expect(res.ok).toBe(false);
  }, 20_000);

  it('series and samples/s at the receiver match the model within the tolerance; the HA pair arrives twice', async () => {
    const rw = estimate.edges['rw-agent'] as RemoteWriteLoad;
    const pair = estimate.edges['rw-pair'] as RemoteWriteLoad;
    const central = estimate.receivers.central;
    const window = 30;
    // PromQL range functions drop the metric name, so the samples of all series cannot be counted in one
    // query: samples/s = series held x samples per second that arrived for the agent's `up` series.
    const samples = async (sel: string) => (await count(receiver, sel)) * (((await query(receiver, `count_over_time(up{dc="dc1",job="node"}[${window}s])`))[0]?.value ?? 0) / window);
    const agentSeries = await count(receiver, '{dc="dc1"}');
    const pairSeries = await count(receiver, '{dc="dc2"}');
    const pairA = await count(receiver, '{dc="dc2",replica="a"}');
    // An agent answers no queries: its own counters come from its /metrics.
    const metricsText = await getText(`http://${agent}/metrics`);
    const counter = (name: string) => [...metricsText.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    const rows: Row[] = [
      { what: 'receiver: series from agent-dc1', estimated: rw.series, measured: agentSeries },
      { what: 'receiver: samples/s from agent-dc1', estimated: rw.samplesPerSecond, measured: await samples('{dc="dc1"}') },
      { what: 'receiver: series from the HA pair (both replicas)', estimated: pair.series, measured: pairSeries },
      { what: 'receiver: all series written', estimated: central?.activeSeries ?? NaN, measured: agentSeries + pairSeries },
      { what: 'receiver: duplicate series (replica b)', estimated: central?.duplicateSeries ?? NaN, measured: pairSeries - pairA },
    ];
    const bytesPerSample = counter('prometheus_remote_storage_bytes_total') / counter('prometheus_remote_storage_samples_total');
    console.log(`\nremote_write estimate vs real Prometheus 2.42 (tolerance ${TOLERANCE * 100}%):\n${comparisonTable(rows)}\nwire bytes per sample measured on agent-dc1: ${bytesPerSample.toFixed(2)} (model ${WIRE_BYTES_PER_SAMPLE})\n`);
    for (const row of rows) {
      expect(Number.isFinite(row.estimated), `${row.what}: no estimate`).toBe(true);
      expect(relativeError(row), `${row.what}: estimated ${row.estimated}, measured ${row.measured}`).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(pairSeries).toBeGreaterThan(pairA * 1.9);
  }, 30_000);
});
