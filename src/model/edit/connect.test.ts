import { describe, expect, it } from 'vitest';
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
