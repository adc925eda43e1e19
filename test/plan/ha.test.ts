/** Make HA on the built-in examples and imported real configurations. */
import { describe, expect, it } from 'vitest';
import { serverInstances } from '../../src/model/instances.ts';
import type { PrometheusNode, Topology } from '../../src/model/types.ts';
import { makeHa } from '../../src/plan/ha.ts';
import { codesOf, errorsOf, example, importedReal } from './support.ts';

const server = (t: Topology, id: string) => t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.id === id);

describe('make HA', () => {
  it('makes prom-us-1 (multi-dc) a pair on two hosts, the replica label dropped from alerts', () => {
    const before = example('multi-dc');
    const result = makeHa(before, 'prom-us-1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(errorsOf(result.topology)).toEqual([]);
    const s = server(result.topology, 'p-us');
    expect(s?.ha).toEqual({ replicas: 2, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true });
    const hosts = s ? serverInstances(s).map((i) => i.address.split(':')[0]) : [];
    expect(new Set(hosts).size).toBe(2);
    expect(result.summary.addresses).toEqual(s ? serverInstances(s).map((i) => i.address) : []);
    expect(result.summary.alertmanagers).toEqual(['alertmanager']);
    expect(result.summary.grafanas).toEqual(['grafana']);
    expect(codesOf(result.topology)).not.toContain('ha/shared-host');
    // Edges stay: they point at the group.
    expect(result.topology.edges).toEqual(before.edges);
  });

  it('with Grafana failover, the data source edges to the group get a data source per replica, and only they change', () => {
    const before = example('multi-dc');
    const result = makeHa(before, 'prom-us-1', { grafanaFailover: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(errorsOf(result.topology)).toEqual([]);
    expect(result.summary.grafanaFailover).toBe(true);
    const changed = result.topology.edges.filter((e, i) => e !== before.edges[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((e) => e.kind === 'datasource' && e.server === 'p-us' && e.replicas === 'each')).toBe(true);
    expect(result.topology.edges.filter((e) => e.kind === 'datasource' && e.server !== 'p-us').every((e) => e.kind === 'datasource' && e.replicas === undefined)).toBe(true);
    expect(result.notes).toContainEqual('Grafana grafana gets a data source per replica: if replica a is down, switch its dashboards to "prom-us-1 (replica b)"');
    // Asking for failover on a group that is already HA is not "nothing to do".
    const plain = makeHa(before, 'prom-us-1');
    if (!plain.ok) throw new Error(plain.error);
    expect(makeHa(plain.topology, 'prom-us-1').ok).toBe(false);
    expect(makeHa(plain.topology, 'prom-us-1', { grafanaFailover: true }).ok).toBe(true);
  });

  it('keeps a hand-set address: replicas on their own hosts derived from it', () => {
    const t = example('federation');
    const manual: Topology = { ...t, nodes: t.nodes.map((n) => (n.id === 'p-eu' && n.kind === 'prometheus' ? { ...n, addressFromName: false, address: 'prom-eu.example.org:9090' } : n)) };
    const result = makeHa(manual, 'p-eu', { replicas: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.addresses).toEqual(['prom-eu.example.org-a:9090', 'prom-eu.example.org-b:9090', 'prom-eu.example.org-c:9090']);
    expect(errorsOf(result.topology)).toEqual([]);
  });

  it('refuses a replica label that is already an external label, naming node and field', () => {
    const result = makeHa(example('federation'), 'prom-eu-1', { replicaLabel: 'dc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('leaf "prom-eu-1", ha.replicaLabel');
    expect(result.field).toBe('ha.replicaLabel');
  });

  it('refuses one replica and an unknown server', () => {
    const one = makeHa(example('federation'), 'prom-eu-1', { replicas: 1 });
    expect(one.ok ? '' : one.error).toContain('ha.replicas: 1 is not a replica count');
    const none = makeHa(example('federation'), 'nope');
    expect(none.ok ? '' : none.error).toContain('no server named "nope"');
  });

  it('makes the operator-rendered shard 0 (op-sharded-rendered) HA and it validates', () => {
    const t = importedReal('op-sharded-rendered');
    const first = t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus');
    if (!first) throw new Error('op-sharded-rendered imported no server');
    const result = makeHa(t, first.id);
    expect(result.ok ? errorsOf(result.topology) : [result.error]).toEqual([]);
  });
});
