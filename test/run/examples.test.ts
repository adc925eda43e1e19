/**
 * `promtopo run` on the built-in multi-dc and federation examples, on the real binaries: every
 * instance comes up; the global holds exactly the series its federation selectors pick on the
 * sources (labels included); an HA pair's check alert is held once by every Alertmanager instance
 * while both replicas fire it; measured head series and samples/s are within 10% of the prediction
 * on every server; after stop no process of the run remains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceExternalLabels } from '../../src/generate/prometheusConfig.ts';
import { serverInstances } from '../../src/model/instances.ts';
import type { PrometheusNode } from '../../src/model/types.ts';
import type { LocalRun, RunStatus } from '../../electron/services/run/localRun.ts';
import { query } from '../../electron/services/run/promApi.ts';
import { CHECK_ALERT } from '../../src/run/localTopology.ts';
import { groupExists, INTERVAL, seriesKey, seriesOf, startExample, until, untilMeasured } from './support.ts';

/** Allowed relative difference between measured and predicted, in percent. */
const TOLERANCE_PERCENT = 10;
/** Process memory grows with the head's age and the Go heap's rhythm: the bound for RSS. */
const RSS_TOLERANCE_PERCENT = 30;

function table(status: RunStatus): string {
  return status.servers
    .map((s) => `${s.instance.padEnd(14)} series ${Math.round(s.predicted.series)} vs ${s.measured?.series} (${s.errorPercent.series?.toFixed(1)}%), samples/s ${s.predicted.samplesPerSecond.toFixed(1)} vs ${s.measured?.samplesPerSecond.toFixed(1)} (${s.errorPercent.samplesPerSecond?.toFixed(1)}%), RSS ${(s.predicted.memoryBytes / 2 ** 20).toFixed(1)} vs ${((s.measured?.memoryBytes ?? 0) / 2 ** 20).toFixed(1)} MiB (${s.errorPercent.memoryBytes?.toFixed(1)}%)`)
    .join('\n');
}

/** What each federating server must hold: the sources' series for the edge's selectors, as /federate labels them. */
async function expectedFederated(run: LocalRun, serverId: string): Promise<{ selectors: string[]; keys: string[] }> {
  const nodes = new Map(run.plan.topology.nodes.map((n) => [n.id, n]));
  const keys: string[] = [];
  const selectors = new Set<string>();
  for (const edge of run.plan.topology.edges) {
    if (edge.kind !== 'federation' || edge.server !== serverId) continue;
    expect(edge.honorLabels, `${edge.id}: the check assumes honor_labels`).toBe(true);
    const source = nodes.get(edge.source) as PrometheusNode;
    const job = run.plan.edges.find((e) => e.edgeId === edge.id);
    for (const m of edge.match) selectors.add(m);
    for (const instance of serverInstances(source).filter((i) => job?.instances.includes(i.address))) {
      for (const labels of await seriesOf(instance.address, edge.match)) {
        // /federate adds the instance's external labels where absent, and an empty `instance` (no label) so
        // the federating server does not attach its own; honor_labels keeps the rest as it comes.
        const out: Record<string, string> = { ...instanceExternalLabels(source, instance), ...labels };
        out.job ??= job?.job ?? '';
        keys.push(seriesKey(out));
      }
    }
  }
  return { selectors: [...selectors], keys: keys.sort() };
}

function describeExample(id: string, options: { haServer?: string }): void {
  describe(`promtopo run ${id}, on the real binaries`, () => {
    let run: LocalRun;
    let status: RunStatus;
    let stopped = false;

    beforeAll(async () => {
      run = await startExample(id);
      await untilMeasured(run);
      status = await run.status();
      console.log(`\n${id}: predicted vs measured (${INTERVAL} intervals)\n${table(status)}\n`);
    }, 120_000);

    afterAll(async () => {
      if (!stopped) await run?.stop();
    }, 30_000);

    it('starts every server instance and Alertmanager, and every target is up', async () => {
      expect(status.servers.length).toBe(run.plan.servers.length);
      for (const s of status.servers) expect(s.up, `${s.instance}: ${s.problem ?? ''}`).toBe(true);
      for (const am of status.alertmanagers) expect(am.up, `${am.name}-${am.index + 1}: ${am.problem ?? ''}`).toBe(true);
      expect(status.targetsDown).toEqual({});
      for (const s of status.servers) expect((await query(s.url.slice('http://'.length), 'up == 0')).length, s.instance).toBe(0);
    }, 30_000);

    it('federates exactly what the selectors pick on the sources', async () => {
      const globals = new Set(run.plan.topology.edges.flatMap((e) => (e.kind === 'federation' ? [e.server] : [])));
      expect(globals.size).toBeGreaterThan(0);
      for (const serverId of globals) {
        const server = run.plan.servers.find((s) => s.nodeId === serverId);
        if (!server) throw new Error(`no instance of ${serverId}`);
        let expected: string[] = [];
        let held: string[] = [];
        await until(`${server.instance} to hold the federated series`, async () => {
          const e = await expectedFederated(run, serverId);
          expected = e.keys;
          held = (await seriesOf(server.address, e.selectors)).map(seriesKey).sort();
          return expected.length > 0 && held.length === expected.length ? true : undefined;
        }, 45_000).catch(() => undefined);
        expect(held).toEqual(expected);
      }
    }, 60_000);

    if (options.haServer) {
      const ha = options.haServer;
      it(`delivers the check alert of the HA pair ${ha} once to every Alertmanager instance`, async () => {
        const replicas = run.plan.servers.filter((s) => s.name === ha);
        expect(replicas.length).toBe(2);
        for (const r of replicas) {
          const firing = await query(r.address, `ALERTS{alertname="${CHECK_ALERT}",alertstate="firing"}`);
          expect(firing.length, `${r.instance} fires the check alert`).toBe(1);
        }
        const after = await until('the check alert on every Alertmanager', async () => {
          const s = await run.status();
          return s.alertmanagers.every((a) => a.checkAlerts[ha] !== undefined) ? s : undefined;
        }, 45_000);
        for (const am of after.alertmanagers) expect(am.checkAlerts[ha], `${am.name}-${am.index + 1}`).toBe(1);
      }, 60_000);
    }

    it(`measures series and samples/s within ${TOLERANCE_PERCENT}% of the prediction on every server`, () => {
      for (const s of status.servers) {
        expect(s.measured, s.instance).not.toBeNull();
        expect(Math.abs(s.errorPercent.series ?? Number.POSITIVE_INFINITY), `${s.instance} series`).toBeLessThanOrEqual(TOLERANCE_PERCENT);
        expect(Math.abs(s.errorPercent.samplesPerSecond ?? Number.POSITIVE_INFINITY), `${s.instance} samples/s`).toBeLessThanOrEqual(TOLERANCE_PERCENT);
        expect(s.measured?.memoryBytes ?? 0, `${s.instance} resident memory`).toBeGreaterThan(10 * 2 ** 20);
      }
    });

    it(`predicts the process memory (RSS) within ${RSS_TOLERANCE_PERCENT}% on every server`, () => {
      for (const s of status.servers) {
        expect(Math.abs(s.errorPercent.memoryBytes ?? Number.POSITIVE_INFINITY), `${s.instance} RSS`).toBeLessThanOrEqual(RSS_TOLERANCE_PERCENT);
      }
    });

    it('leaves no process of the run behind after stop', async () => {
      const pids = run.pids;
      expect(pids.length).toBe(run.plan.servers.length + run.plan.alertmanagers.length + run.plan.targets.filter((t) => t.process.kind === 'node_exporter').length);
      for (const pid of pids) expect(groupExists(pid), `pid ${pid} before stop`).toBe(true);
      await run.stop();
      stopped = true;
      for (const pid of pids) expect(groupExists(pid), `pid ${pid} after stop`).toBe(false);
    }, 30_000);
  });
}

describeExample('multi-dc', { haServer: 'prom-eu-1' });
describeExample('federation', {});
