import { describe, expect, it } from 'vitest';
import { sampleTopology } from '../../src/model/edit/testTopology.ts';
import { moveNodes } from '../../src/model/edit/selectionEdits.ts';
import type { LoadView } from '../store/engine.ts';
import { edgeWidth, heatOf, summarizeMatch, toFlow } from './toFlow.ts';
import type { FlowDerived } from './toFlow.ts';

const load: LoadView = {
  servers: new Map([['n2', { activeSeries: 1000, samplesPerSecond: 66.7, scrapesPerSecond: 1, memoryBytes: 3e6, diskBytes: 1e9, utilisation: 0.9 }]]),
  edges: new Map([['e2', { series: 40, samplesPerSecond: 2.7 }]]),
};
const derived: FlowDerived = { markers: new Map([['e3', { errors: 1, warnings: 0, infos: 0 }]]), load, selection: { nodes: ['n2'], edges: [] } };

describe('toFlow', () => {
  it('makes one flow node per document node with its data, heat and selection', () => {
    const { nodes } = toFlow(sampleTopology(), derived);
    expect(nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    const leaf = nodes[1]!;
    expect(leaf).toMatchObject({ type: 'topology', selected: true, position: { x: 100, y: 0 }, data: { heat: 'high' } });
    expect(leaf.data.node.name).toBe('leaf');
    expect(nodes[0]!.data.heat).toBe('none');
  });

  it('draws edges in the direction data flows, labelled and sized by load', () => {
    const { edges } = toFlow(sampleTopology(), derived);
    const by = (id: string) => edges.find((e) => e.id === id)!;
    expect(by('e1')).toMatchObject({ source: 'n1', target: 'n2' }); // targets -> leaf
    expect(by('e2')).toMatchObject({ source: 'n2', target: 'n4', data: { label: 'job:.+ · 2.7/s' } });
    expect(by('e2').data!.width).toBeGreaterThan(by('e1').data!.width);
    expect(by('e3').data).toMatchObject({ label: 'up', markers: { errors: 1 } });
    expect(by('e4')).toMatchObject({ source: 'n4', target: 'n5' }); // global -> alertmanager
    expect(by('e5')).toMatchObject({ source: 'n4', target: 'n6', data: { label: 'default source' } });
  });

  it('names nodes and edges for assistive technology by role and name, never by id, and follows renames', () => {
    const t = sampleTopology();
    const first = toFlow(t, derived);
    expect(first.nodes.map((n) => n.ariaLabel)).toEqual(t.nodes.map((n) => `${n.kind === 'prometheus' ? { leaf: 'Leaf Prometheus', global: 'Global Prometheus', shard: 'Shard Prometheus' }[n.role] : ({ targets: 'Target group', alertmanager: 'Alertmanager', grafana: 'Grafana' } as Record<string, string>)[n.kind]} ${n.name}`));
    const name = (id: string) => t.nodes.find((n) => n.id === id)!.name;
    expect(first.edges.map((e) => e.ariaLabel)).toEqual([
      `Scrape edge: ${name('n2')} scrapes ${name('n1')}`,
      `Federation edge: ${name('n4')} pulls from ${name('n2')}`,
      `Federation edge: ${name('n4')} pulls from ${name('n3')}`,
      `Alert edge: ${name('n4')} sends alerts to ${name('n5')}`,
      `Data source edge: ${name('n6')} queries ${name('n4')}`,
    ]);
    // Renaming the global changes no edge object of the document, yet its edges are renamed too.
    const renamed = { ...t, nodes: t.nodes.map((n) => (n.id === 'n4' ? { ...n, name: 'global-renamed' } : n)) };
    const second = toFlow(renamed, derived, first);
    expect(second.edges.find((e) => e.id === 'e2')?.ariaLabel).toBe(`Federation edge: global-renamed pulls from ${name('n2')}`);
    expect(second.edges.find((e) => e.id === 'e1')).toBe(first.edges.find((e) => e.id === 'e1'));
  });

  it('skips edges whose ends are missing (validate reports them)', () => {
    const t = sampleTopology();
    const broken = { ...t, edges: [...t.edges, { id: 'e9', kind: 'scrape' as const, server: 'n2', targets: 'gone' }] };
    expect(toFlow(broken, derived).edges.map((e) => e.id)).not.toContain('e9');
  });

  it('reuses the previous objects of untouched nodes and edges', () => {
    const t = sampleTopology();
    const first = toFlow(t, derived);
    const moved = moveNodes(t, { n3: { x: 1, y: 2 } });
    const second = toFlow(moved, derived, first);
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[2]).not.toBe(first.nodes[2]);
    expect(second.nodes[2]!.position).toEqual({ x: 1, y: 2 });
    expect(second.edges[0]).toBe(first.edges[0]);
  });

  it('hands back the previous edges array while a drag or a position-only move changes no edge', () => {
    const t = sampleTopology();
    const first = toFlow(t, derived);
    const dragging = toFlow(t, { ...derived, dragging: new Map([['n3', { x: 5, y: 6 }]]) }, first);
    expect(dragging.edges).toBe(first.edges);
    expect(dragging.nodes).not.toBe(first.nodes);
    expect(dragging.nodes[2]!.position).toEqual({ x: 5, y: 6 });
    const moved = toFlow(moveNodes(t, { n3: { x: 5, y: 6 } }), derived, dragging);
    expect(moved.edges).toBe(first.edges);
  });

  it('hands back the previous nodes array when no node changed, and new arrays when one did', () => {
    const t = sampleTopology();
    const first = toFlow(t, derived);
    const same = toFlow(t, { ...derived, selection: { nodes: ['n2'], edges: [] } }, first);
    expect(same.nodes).toBe(first.nodes);
    const edgeSelected = toFlow(t, { ...derived, selection: { nodes: ['n2'], edges: ['e2'] } }, same);
    expect(edgeSelected.nodes).toBe(first.nodes);
    expect(edgeSelected.edges).not.toBe(first.edges);
    expect(edgeSelected.edges.find((e) => e.id === 'e2')?.selected).toBe(true);
    expect(edgeSelected.edges.find((e) => e.id === 'e1')).toBe(first.edges.find((e) => e.id === 'e1'));
    const relabelled = toFlow(t, { ...derived, load: { ...load, edges: new Map([['e2', { series: 40, samplesPerSecond: 9000 }]]) } }, edgeSelected);
    expect(relabelled.edges).not.toBe(edgeSelected.edges);
    expect(relabelled.edges.find((e) => e.id === 'e2')?.data?.label).toBe('job:.+ · 9k/s');
  });

  it('shows in-drag positions and measured sizes from the canvas', () => {
    const { nodes } = toFlow(sampleTopology(), { ...derived, dragging: new Map([['n1', { x: 9, y: 9 }]]), measured: new Map([['n1', { width: 212, height: 70 }]]) });
    expect(nodes[0]).toMatchObject({ position: { x: 9, y: 9 }, measured: { width: 212, height: 70 } });
  });
});

describe('helpers', () => {
  it.each([
    [undefined, 'none'], [0.1, 'low'], [0.5, 'mid'], [0.85, 'high'], [1, 'over'], [3, 'over'],
  ] as const)('heatOf(%s) = %s', (u, heat) => expect(heatOf(u)).toBe(heat));

  it('edge width grows with samples/s and is capped', () => {
    expect(edgeWidth(undefined)).toBe(1.5);
    expect(edgeWidth(10)).toBeLessThan(edgeWidth(10_000));
    expect(edgeWidth(1e12)).toBe(9);
  });

  it.each([
    [[], 'no match[]'],
    [['{__name__=~"job:.+"}'], 'job:.+'],
    [['up', '{job="node"}', 'x', 'y'], 'up, {job="node"} +2'],
  ])('summarizeMatch(%j) = %s', (match, text) => expect(summarizeMatch(match)).toBe(text));
});

describe('toFlow at 1,000 nodes', () => {
  it('after a one-node move, reuses all other node objects and the edges array', () => {
    let t = sampleTopology();
    const nodes = [...t.nodes];
    for (let i = 0; i < 1000; i++) nodes.push({ ...t.nodes[1]!, id: `x${i}`, name: `leaf-x${i}`, position: { x: (i % 40) * 250, y: Math.floor(i / 40) * 130 } });
    t = { ...t, nodes };
    const first = toFlow(t, derived);
    const second = toFlow(moveNodes(t, { x500: { x: 1, y: 1 } }), derived, first);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]);
    expect(changed.map((n) => n.id)).toEqual(['x500']);
    expect(second.edges).toBe(first.edges);
  });
});
