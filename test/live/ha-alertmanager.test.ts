/**
 * Live: an HA pair scrapes every target twice with distinct replica labels; both replicas
 * fire the same always-firing alert and send it to a two-instance Alertmanager cluster, which forms
 * (each instance sees its peer) and shows the alert once, without the replica label. A global
 * federating the pair takes one replica (`a`) by default, so series are not doubled.
 * Started from the bundle's own run files.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportForLiveTest } from './support/bundle.ts';
import { getJson, getText, query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { alert, alertmanager, federation, scrape, server, targets, topology } from './support/topology.ts';

const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

interface AmStatus { cluster: { status: string; peers: { name: string; address: string }[] } }
interface AmAlert { labels: Record<string, string>; status: { state: string } }

describe('HA pair and Alertmanager cluster, live', () => {
  let replicas: string[] = [];
  let exporters: string[] = [];
  let ams: { address: string; clusterAddress: string }[] = [];
  let global = '';

  beforeAll(async () => {
    const ports = await freePorts(9);
    const addr = (i: number): string => `127.0.0.1:${ports[i] ?? 0}`;
    exporters = [addr(0), addr(1)];
    replicas = [addr(2), addr(3)];
    ams = [{ address: addr(4), clusterAddress: addr(5) }, { address: addr(6), clusterAddress: addr(7) }];
    global = addr(8);
    const t = topology('live ha', [
      targets('node', exporters),
      server('pair', 'leaf', replicas[0] ?? '', {
        ha: { replicas: 2 },
        instanceAddresses: replicas,
        externalLabels: { dc: 'dc1' },
        ruleGroups: [
          { name: 'test-alerts', rules: [{ alert: 'AlwaysFiring', expr: 'vector(1)', labels: { severity: 'none' } }] },
          { name: 'job-aggregates', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] },
        ],
      }),
      server('global', 'global', global),
      alertmanager('am', ams),
    ], [scrape('pair', 'node'), alert('pair', 'am'), federation('global', 'pair', ['{__name__=~"job:.*"}'])]);
    const bundle = await exportForLiveTest(t, group.dir);
    for (const e of exporters) group.startNodeExporter(Number(e.split(':')[1]));
    group.startRunFile(join(bundle, 'alertmanager/am/run-1.sh'), 'am-1');
    group.startRunFile(join(bundle, 'alertmanager/am/run-2.sh'), 'am-2');
    // The first evaluation fires before the notifier has discovered the Alertmanagers, and that send is
    // dropped; Prometheus resends after --rules.alert.resend-delay (1m by default), so shorten it here
    // (an extra argument, passed on by the run file) to keep the test in seconds.
    const fastResend = ['--rules.alert.resend-delay=1s'];
    group.startRunFile(join(bundle, 'prometheus/pair-a/run.sh'), 'pair-a', fastResend);
    group.startRunFile(join(bundle, 'prometheus/pair-b/run.sh'), 'pair-b', fastResend);
    group.startRunFile(join(bundle, 'prometheus/global/run.sh'), 'global');
    try {
      for (const a of [...replicas, ...ams.map((x) => x.address), global]) await waitReady(a);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 120_000);

  it('both replicas scrape every target, each with its own replica label', async () => {
    for (const [i, replica] of replicas.entries()) {
      const up = await waitFor(`up on replica ${i}`, async () => {
        const r = await query(replica, 'up{job="node"} == 1');
        return r.length === exporters.length ? r : undefined;
      });
      expect(up.map((s) => s.metric.instance).sort()).toEqual([...exporters].sort());
      // External labels are what leaves the server (federation, alerts, remote write): /federate shows them.
      const federated = await getText(`http://${replica}/federate?match[]=${encodeURIComponent('up{job="node"}')}`);
      const value = i === 0 ? 'a' : 'b';
      const lines = federated.split('\n').filter((l) => l.startsWith('up{'));
      expect(lines).toHaveLength(exporters.length);
      for (const line of lines) {
        expect(line).toContain(`replica="${value}"`);
        expect(line).toContain('dc="dc1"');
      }
    }
  }, 120_000);

  it('the two Alertmanagers form a cluster: each sees its peer', async () => {
    for (const am of ams) {
      const status = await waitFor(`cluster of ${am.address}`, async () => {
        const s = await getJson<AmStatus>(`http://${am.address}/api/v2/status`);
        // A new cluster "settles" for a few gossip rounds before it reports ready.
        return s.cluster.peers.length === 2 && s.cluster.status === 'ready' ? s : undefined;
      });
      expect(status.cluster.status).toBe('ready');
      expect(status.cluster.peers.map((p) => p.address).sort()).toEqual(ams.map((x) => x.clusterAddress).sort());
    }
  }, 120_000);

  it('both replicas fire the alert; Alertmanager shows it once, without the replica label', async () => {
    for (const replica of replicas) {
      const firing = await waitFor(`AlwaysFiring on ${replica}`, async () => {
        const r = await query(replica, 'ALERTS{alertname="AlwaysFiring", alertstate="firing"}');
        return r.length === 1 ? r : undefined;
      });
      expect(firing).toHaveLength(1);
    }
    for (const am of ams) {
      // Both replicas sent it here (each Prometheus sends to every instance directly).
      await waitFor(`two firing alerts received by ${am.address}`, async () => {
        const metrics = await getText(`http://${am.address}/metrics`);
        const m = /^alertmanager_alerts_received_total\{status="firing",version="v2"\} (\d+)/m.exec(metrics);
        if (m && Number(m[1]) >= 2) return true;
        throw new Error(`${metrics.split('\n').filter((l) => l.startsWith('alertmanager_alerts')).join('; ')}; replica a: ${await getText(`http://${replicas[0]}/api/v1/alertmanagers`)}`);
      });
      const alerts = (await getJson<AmAlert[]>(`http://${am.address}/api/v2/alerts`)).filter((a) => a.labels.alertname === 'AlwaysFiring');
      expect(alerts, `alerts on ${am.address}`).toHaveLength(1);
      expect(alerts[0]?.labels).toEqual({ alertname: 'AlwaysFiring', severity: 'none', dc: 'dc1' });
      expect(alerts[0]?.status.state).toBe('active');
    }
  }, 120_000);

  it('a global federating the pair takes one replica by default: no doubled series', async () => {
    const federated = await waitFor('job:up:sum on the global', async () => {
      const r = await query(global, 'job:up:sum');
      return r.length > 0 ? r : undefined;
    }, 60_000);
    // Give a second federation round the chance to bring in replica b, if it were federated.
    await new Promise((r) => setTimeout(r, 2500));
    const after = await query(global, 'job:up:sum');
    expect(after).toHaveLength(1);
    expect(after[0]?.metric).toMatchObject({ job: 'node', dc: 'dc1', replica: 'a' });
    expect(federated[0]?.metric.replica).toBe('a');
    expect((await query(global, 'up{job="federate-pair"} == 1')).map((s) => s.metric.instance)).toEqual([replicas[0]]);
  }, 120_000);
});
