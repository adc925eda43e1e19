/**
 * The semantic diff on the built-in examples with edits, and on imports of real setups
 * (../shared/testdata/real-configs): what is matched, what is named, and the load change it reports.
 */
import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { DEFAULT_MACHINE_SIZES } from '../../src/capacity/constants.ts';
import { serverCapacity } from '../../src/capacity/serverCapacity.ts';
import { diffText } from '../../src/diff/diffText.ts';
import { machineSizeChange, priceChange } from '../../src/diff/machineChange.ts';
import { diffTopologies } from '../../src/diff/diffTopologies.ts';
import type { ElementChange } from '../../src/diff/types.ts';
import { edgeEnds } from '../../src/model/lookup.ts';
import type { FederationEdge, PrometheusNode, TargetGroupNode, Topology } from '../../src/model/types.ts';
import { editNode, example, exampleNames, importReal } from './support.ts';

const diff = (a: Topology, b: Topology) => diffTopologies(a, b, builtinCatalogs);
const only = (changes: readonly ElementChange[], title: string) => {
  const found = changes.filter((c) => c.title === title);
  expect(found, `changes titled ${title}`).toHaveLength(1);
  return found[0] as ElementChange;
};
const server = (t: Topology, name: string) => t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.name === name) as PrometheusNode;

describe('diff of the built-in examples', () => {
  it.each(exampleNames())('%s against itself has no change', (name) => {
    const t = example(name);
    const d = diff(t, example(name));
    expect(d).toEqual({ changed: false, changes: [], load: [], moved: [] });
    expect(diffText(d, 'a', 'b')).toContain('no changes');
  });

  it('a changed scrape interval and a new external label are named field by field, in user words', () => {
    const before = example('federation');
    const after = editNode(before, 'prom-eu-1', (n) => ({ ...n, scrapeInterval: '30s', externalLabels: { ...(n.externalLabels as object), env: 'prod' } }));
    const d = diff(before, after);
    const leaf = only(d.changes, 'leaf "prom-eu-1"');
    expect(leaf.change).toBe('changed');
    expect(leaf.matchedBy).toBe('id');
    expect(leaf.fields).toEqual([
      { field: 'externalLabels.env', label: 'external label env', after: 'prod' },
      { field: 'scrapeInterval', label: 'scrape interval', before: '15s', after: '30s' },
    ]);
    // Scraping half as often halves the scraped samples/s (rule output still comes every evaluation); series stay.
    const load = d.load.find((l) => l.name === 'prom-eu-1');
    const [was, now] = [load?.before?.samplesPerSecond ?? 0, load?.after?.samplesPerSecond ?? 0];
    expect(load?.after?.activeSeries).toBe(load?.before?.activeSeries);
    expect(now).toBeLessThan(was * 0.6);
    expect(now).toBeGreaterThanOrEqual(was / 2);
    expect(diffText(d, 'a', 'b')).toContain('    scrape interval: 15s -> 30s');
  });

  it('making a leaf HA doubles its series and memory in the load change', () => {
    const before = example('federation');
    const after = editNode(before, 'prom-us-1', (n) => ({ ...n, ha: { replicas: 2, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true } }));
    const d = diff(before, after);
    expect(only(d.changes, 'leaf "prom-us-1"').fields.map((f) => f.label)).toEqual(['HA replicas', 'replica label', 'drop replica label on alerts']);
    const load = d.load.find((l) => l.name === 'prom-us-1');
    expect(load?.before?.instanceCount).toBe(1);
    expect(load?.after?.instanceCount).toBe(2);
    expect(load?.after?.activeSeries).toBe(2 * (load?.before?.activeSeries ?? 0));
    expect(load?.after?.memoryBytes).toBe(2 * (load?.before?.memoryBytes ?? 0));
  });

  it('a target added to a group is listed by address and raises the series of the leaf by one exporter', () => {
    const before = example('federation');
    const after = editNode(before, 'node-eu', (n) => ({ ...n, targets: [...(n.targets as string[]), 'node-eu-05:9100'] }));
    const d = diff(before, after);
    expect(only(d.changes, 'target group "node-eu"').fields).toEqual([
      { field: 'targets', label: 'targets', before: '4 listed', after: '5 listed (+node-eu-05:9100)' },
    ]);
    const perTarget = estimateLoad(before, builtinCatalogs).targetGroups['t-node-eu']?.seriesPerTarget ?? 0;
    expect(perTarget).toBeGreaterThan(100);
    const leaf = d.load.find((l) => l.name === 'prom-eu-1');
    // The leaf holds the new target's series plus Prometheus' 5 synthetic series per target (and any rule output).
    expect((leaf?.after?.activeSeries ?? 0) - (leaf?.before?.activeSeries ?? 0)).toBeGreaterThanOrEqual(perTarget + 5);
  });

  it('match[] selectors: replaced at the same place is changed, new ones added, dropped ones removed', () => {
    const before = example('federation');
    const edge = before.edges.find((e): e is FederationEdge => e.kind === 'federation') as FederationEdge;
    expect(edge.match.length).toBeGreaterThanOrEqual(2);
    const [first, second, ...rest] = edge.match;
    const match = ['{__name__="job:up:sum"}', ...rest, 'node_memory_MemAvailable_bytes'];
    const after: Topology = { ...before, edges: before.edges.map((e) => (e.id === edge.id ? { ...edge, match } : e)) };
    const selectors = diff(before, after).changes.filter((c) => c.element === 'selector');
    expect(selectors.map((c) => [c.change, c.fields[0]?.before, c.fields[0]?.after])).toEqual([
      ['removed', second, undefined],
      ['changed', first, '{__name__="job:up:sum"}'],
      ['added', undefined, 'node_memory_MemAvailable_bytes'],
    ]);
    expect(selectors.every((c) => c.edgeId === edge.id)).toBe(true);
  });

  it('an element re-created with a new id but the same name is matched by name, not removed and added', () => {
    const before = example('multi-dc');
    const target = before.nodes.find((n): n is TargetGroupNode => n.kind === 'targets') as TargetGroupNode;
    const newId = `${target.id}-again`;
    const rename = (id: string) => (id === target.id ? newId : id);
    const after: Topology = {
      ...before,
      nodes: before.nodes.map((n) => (n.id === target.id ? { ...n, id: newId, port: 9999 } : n)),
      edges: before.edges.map((e) => (e.kind === 'scrape' ? { ...e, id: `${e.id}-again`, targets: rename(e.targets) } : e)),
    };
    const d = diff(before, after);
    expect(d.changes.filter((c) => c.change !== 'changed')).toEqual([]);
    const group = only(d.changes, `target group "${target.name}"`);
    expect(group.matchedBy).toBe('name');
    expect(group.fields.map((f) => f.field)).toEqual(['port']);
    // Scrape edges with new ids are paired by their (matched) ends, so none is reported.
    expect(d.changes.filter((c) => c.element === 'edge')).toEqual([]);
  });

  it('removed and added servers and edges are reported with their load as gone or new', () => {
    const before = example('federation');
    const leaf = server(before, 'prom-ap-1');
    const after: Topology = {
      ...before,
      nodes: [...before.nodes.filter((n) => n.id !== leaf.id), { ...leaf, id: 'p-ap-2', name: 'prom-ap-2' }],
      edges: before.edges.filter((e) => !edgeEnds(e).includes(leaf.id)),
    };
    const d = diff(before, after);
    expect(only(d.changes, 'leaf "prom-ap-1"').change).toBe('removed');
    expect(only(d.changes, 'leaf "prom-ap-2"').change).toBe('added');
    expect(only(d.changes, 'federation edge prom-global -> prom-ap-1').change).toBe('removed');
    // Every edge of the old leaf is removed with it; the new leaf has none.
    const leafEdges = before.edges.filter((e) => edgeEnds(e).includes(leaf.id));
    expect(leafEdges.length).toBeGreaterThanOrEqual(2);
    expect(d.changes.filter((c) => c.element === 'edge' && c.change === 'removed').map((c) => c.oldId).sort()).toEqual(leafEdges.map((e) => e.id).sort());
    const gone = d.load.find((l) => l.name === 'prom-ap-1');
    const added = d.load.find((l) => l.name === 'prom-ap-2');
    expect(gone?.before?.activeSeries).toBeGreaterThan(0);
    expect(gone?.after).toBeUndefined();
    expect(added?.before).toBeUndefined();
    // The global federates one leaf less.
    const global = d.load.find((l) => l.name === 'prom-global');
    expect(global?.after?.activeSeries).toBeLessThan(global?.before?.activeSeries ?? 0);
  });

  it('moving nodes on the canvas is not a change, but is listed', () => {
    const before = example('ha-pair');
    const after: Topology = { ...before, nodes: before.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y } })) };
    const d = diff(before, after);
    expect(d.changed).toBe(false);
    expect(d.moved).toEqual(before.nodes.map((n) => n.name).sort());
  });

  it('document settings are diffed in words (the default capacity and the deployment target)', () => {
    const before = example('hashmod-shards');
    const after: Topology = { ...before, settings: { ...before.settings, load: { capacity: { activeSeries: 500_000 } }, export: { target: 'kubernetes' } } };
    const doc = only(diff(before, after).changes, 'document');
    expect(doc.fields.map((f) => [f.label, f.after])).toEqual([
      ['default capacity: active series', '500000'],
      ['deployment target', 'kubernetes'],
    ]);
  });

  it('the text and the diff are the same for the same inputs (stable)', () => {
    const before = example('multi-dc');
    const after = example('functional-sharding');
    const a = diff(before, after);
    expect(JSON.stringify(diff(before, after))).toBe(JSON.stringify(a));
    expect(a.changed).toBe(true);
  });
});

describe('diff of imports of real setups', () => {
  it('one replica of a prometheus-operator HA pair against both: the leaf becomes HA and its load doubles', () => {
    const one = importReal('op-ha-rendered/prometheus-test-0');
    const both = importReal('op-ha-rendered');
    const d = diff(one, both);
    const leaf = d.changes.find((c) => c.element === 'server');
    expect(leaf?.change).toBe('changed');
    const fields = new Map(leaf?.fields.map((f) => [f.label, f] as const));
    expect(fields.get('HA replicas')?.after).toBe('2');
    expect(fields.get('replica label')?.after).toBe('prometheus_replica');
    const load = d.load[0];
    expect(load?.after?.activeSeries).toBe(2 * (load?.before?.activeSeries ?? 0));
  });

  it('one m-lab leaf against the whole federation: the global, its federation edges and selectors are added', () => {
    const leafOnly = importReal('mlab/autojoin');
    const whole = importReal('mlab');
    const d = diff(leafOnly, whole);
    expect(only(d.changes, 'global "federation"').change).toBe('added');
    const federation = d.changes.filter((c) => c.element === 'edge' && c.change === 'added' && c.title.startsWith('federation edge federation -> '));
    const federationEdges = whole.edges.filter((e): e is FederationEdge => e.kind === 'federation');
    expect(federation).toHaveLength(federationEdges.length);
    expect(only(d.changes, 'federation edge federation -> autojoin').fields[0]?.after).toBe(federationEdges.find((e) => whole.nodes.find((n) => n.id === e.source)?.name === 'autojoin')?.match.join(', '));
    // The leaf imported alone is matched with the same leaf in the whole import: never removed.
    expect(d.changes.filter((c) => c.change === 'removed')).toEqual([]);
    expect(d.load.find((l) => l.name === 'federation')?.after?.activeSeries).toBeGreaterThan(0);
  });
});

describe('machine size and price in the load change', () => {
  const priced = DEFAULT_MACHINE_SIZES.map((size, i) => ({ ...size, pricePerMonth: 40 * 2 ** i }));
  const base: Topology = { ...example('federation'), settings: { ...example('federation').settings, machines: { sizes: priced } } };
  const grown = editNode(base, 'node-eu', (n) => ({ ...n, seriesPerTarget: 1_000_000 }));

  it('a leaf that grows needs a larger size: before -> after as the capacity model gives it, priced', () => {
    const d = diff(base, grown);
    const was = serverCapacity(base, estimateLoad(base, builtinCatalogs))['p-eu'];
    const now = serverCapacity(grown, estimateLoad(grown, builtinCatalogs))['p-eu'];
    expect(was?.needed?.name).toBe('small-2x8');
    expect(now?.needed?.name).not.toBe(was?.needed?.name);
    const load = d.load.find((l) => l.name === 'prom-eu-1');
    expect(load?.before).toMatchObject({ neededSize: was?.needed?.name, pricePerMonth: 40 });
    expect(load?.after).toMatchObject({ neededSize: now?.needed?.name, pricePerMonth: now?.pricePerMonth });
    expect(machineSizeChange(load ?? { id: '', name: '' })).toBe(`small-2x8 -> ${now?.needed?.name}`);
    const row = diffText(d, 'a', 'b').split('\n').find((l) => l.startsWith('  prom-eu-1 '));
    expect(row).toContain(`small-2x8 -> ${now?.needed?.name}`);
    expect(row).toMatch(new RegExp(`40 -> ${now?.pricePerMonth} \\(\\+${(now?.pricePerMonth ?? 0) - 40}\\)$`));
  });

  it('without prices the price column is "-"; a removed server shows its size as gone', () => {
    const unpriced = { ...base, settings: example('federation').settings };
    const removed = { ...unpriced, nodes: unpriced.nodes.filter((n) => n.id !== 'p-ap'), edges: unpriced.edges.filter((e) => !edgeEnds(e).includes('p-ap')) };
    const load = diff(unpriced, removed).load.find((l) => l.name === 'prom-ap-1');
    expect(load?.after).toBeUndefined();
    expect(load && priceChange(load)).toBe('-');
    expect(load && machineSizeChange(load)).toBe('small-2x8 (gone)');
  });
});

