import { describe, expect, it } from 'vitest';
import type { Topology } from '../types.ts';
import { connect, planConnection } from './connect.ts';
import { makeTopology, sampleTopology } from './testTopology.ts';

describe('planConnection', () => {
  // n1 targets, n2 leaf, n3 leaf, n4 global, n5 alertmanager, n6 grafana; e2: n4 federates n2.
  const t = sampleTopology();
  it.each([
    ['targets -> leaf', 'n1', 'n3', { kind: 'scrape', server: 'n3', targets: 'n1' }],
    ['leaf -> targets (reversed)', 'n3', 'n1', { kind: 'scrape', server: 'n3', targets: 'n1' }],
    ['leaf -> leaf: target federates source', 'n3', 'n2', { kind: 'federation', server: 'n2', source: 'n3' }],
    ['leaf -> alertmanager', 'n2', 'n5', { kind: 'alert', server: 'n2', alertmanager: 'n5' }],
    ['alertmanager -> leaf (reversed)', 'n5', 'n3', { kind: 'alert', server: 'n3', alertmanager: 'n5' }],
    ['leaf -> grafana', 'n2', 'n6', { kind: 'datasource', grafana: 'n6', server: 'n2' }],
    ['grafana -> leaf (reversed)', 'n6', 'n3', { kind: 'datasource', grafana: 'n6', server: 'n3' }],
  ])('%s', (_name, from, to, expected) => {
    const plan = planConnection(t, from, to);
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.edge).toMatchObject(expected);
  });

  it('makes the global the federating server whatever the drag direction', () => {
    const g = makeTopology(['leaf', 'global']);
    for (const [a, b] of [['n1', 'n2'], ['n2', 'n1']] as const) {
      const plan = planConnection(g, a, b);
      expect(plan.ok && plan.edge).toMatchObject({ kind: 'federation', server: 'n2', source: 'n1', match: ['{__name__=~"job:.+"}'] });
    }
  });

  it.each([
    ['self', 'n2', 'n2', /itself/],
    ['two target groups', 'n1', 'n1x', /must be nodes/],
    ['target group -> alertmanager', 'n1', 'n5', /one end must be a Prometheus server/],
    ['grafana -> alertmanager', 'n6', 'n5', /one end must be a Prometheus server/],
    ['duplicate scrape', 'n1', 'n2', /already connected/],
    ['duplicate federation, reversed', 'n4', 'n2', /already connected/],
  ])('refuses %s with a reason', (_name, from, to, reason) => {
    const plan = planConnection(t, from, to);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.reason).toMatch(reason);
  });

  it('refuses a federation cycle through another server', () => {
    // leaf-2 federates leaf, leaf-3 federates leaf-2; "leaf federates leaf-3" would close a loop.
    const chain = connect(connect(makeTopology(['leaf', 'leaf', 'leaf']), 'n1', 'n2'), 'n2', 'n3');
    expect(chain.edges).toHaveLength(2);
    const plan = planConnection(chain, 'n3', 'n1');
    expect(plan).toEqual({ ok: false, reason: 'Federation cycle: leaf-3 already federates (directly or not) from leaf.' });
  });
});

describe('connect', () => {
  it('adds the planned edge with the next free id, and leaves the input untouched', () => {
    const t = sampleTopology();
    const out = connect(t, 'n1', 'n3');
    expect(out.edges.at(-1)).toEqual({ id: 'e6', kind: 'scrape', server: 'n3', targets: 'n1' });
    expect(t.edges).toHaveLength(5);
  });
  it('returns the same document for a refused connection', () => {
    const t = sampleTopology();
    expect(connect(t, 'n2', 'n2')).toBe(t);
  });
});

describe('planConnection: remote_write, receivers and the Thanos querier', () => {
  // n1 agent, n2 leaf, n3 mimir, n4 thanos-receive, n5 victoriametrics, n6 querier, n7 grafana, n8 global
  const t = makeTopology(['agent', 'leaf', 'mimir', 'thanos-receive', 'victoriametrics', 'thanos-querier', 'grafana', 'global']);
  const withReceiver: Topology = { ...t, nodes: t.nodes.map((n) => (n.id === 'n8' && n.kind === 'prometheus' ? { ...n, remoteWriteReceiver: true } : n)) };
  const withSidecar: Topology = { ...t, nodes: t.nodes.map((n) => (n.id === 'n2' && n.kind === 'prometheus' ? { ...n, thanosSidecar: { grpcPort: 10901, httpPort: 10902 } } : n)) };

  it.each([
    ['agent -> mimir', 'n1', 'n3', { kind: 'remote_write', server: 'n1', receiver: 'n3' }],
    ['thanos-receive -> leaf (reversed)', 'n4', 'n2', { kind: 'remote_write', server: 'n2', receiver: 'n4' }],
    ['leaf -> victoriametrics', 'n2', 'n5', { kind: 'remote_write', server: 'n2', receiver: 'n5' }],
    ['grafana -> mimir: data source', 'n7', 'n3', { kind: 'datasource', grafana: 'n7', server: 'n3' }],
    ['querier -> grafana: data source', 'n6', 'n7', { kind: 'datasource', grafana: 'n7', server: 'n6' }],
    ['querier -> thanos-receive: store', 'n6', 'n4', { kind: 'store', querier: 'n6', store: 'n4' }],
  ])('%s', (_name, from, to, expected) => {
    const plan = planConnection(t, from, to);
    expect(plan.ok && plan.edge).toMatchObject(expected);
  });

  it('an agent or a server writes to a Prometheus with the receiver on, in either drag direction', () => {
    for (const [a, b, sender] of [['n1', 'n8', 'n1'], ['n8', 'n2', 'n2']] as const) {
      const plan = planConnection(withReceiver, a, b);
      expect(plan.ok && plan.edge).toMatchObject({ kind: 'remote_write', server: sender, receiver: 'n8' });
    }
  });

  it('a querier reads a server only with its sidecar on', () => {
    expect(planConnection(withSidecar, 'n6', 'n2')).toMatchObject({ ok: true, edge: { kind: 'store', querier: 'n6', store: 'n2' } });
    expect(planConnection(t, 'n6', 'n2')).toMatchObject({ ok: false, reason: expect.stringMatching(/no Thanos sidecar/) });
  });

  it.each([
    ['agent -> global without the receiver', 'n1', 'n8', /does not ingest remote_write/],
    ['agent -> grafana', 'n1', 'n7', /is an agent/],
    ['grafana -> thanos-receive', 'n7', 'n4', /no query API/],
    ['querier -> agent', 'n6', 'n1', /is an agent/],
    ['mimir -> victoriametrics', 'n3', 'n5', /cannot be connected/],
  ])('refuses %s with a reason', (_name, from, to, reason) => {
    const plan = planConnection(t, from, to);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.reason).toMatch(reason);
  });

  it('does not plan a second remote_write between the same two nodes', () => {
    const once = connect(t, 'n1', 'n3');
    expect(once.edges).toHaveLength(1);
    expect(planConnection(once, 'n1', 'n3')).toMatchObject({ ok: false, reason: expect.stringMatching(/already connected \(remote_write edge\)/) });
  });
});
