import { describe, expect, it } from 'vitest';
import { addedIds, copySelection, deleteSelection, duplicate, moveNodes, paste } from './selectionEdits.ts';
import { sampleTopology } from './testTopology.ts';

describe('deleteSelection', () => {
  it('removes nodes with every edge touching them', () => {
    const t = sampleTopology();
    const out = deleteSelection(t, { nodes: ['n4'], edges: [] });
    expect(out.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n5', 'n6']);
    expect(out.edges.map((e) => e.id)).toEqual(['e1']);
  });
  it('removes selected edges only', () => {
    const out = deleteSelection(sampleTopology(), { nodes: [], edges: ['e2', 'e5'] });
    expect(out.edges.map((e) => e.id)).toEqual(['e1', 'e3', 'e4']);
    expect(out.nodes).toHaveLength(6);
  });
  it('returns the same object when nothing is removed', () => {
    const t = sampleTopology();
    expect(deleteSelection(t, { nodes: [], edges: [] })).toBe(t);
    expect(deleteSelection(t, { nodes: ['nope'], edges: [] })).toBe(t);
  });
});

describe('copy / paste / duplicate', () => {
  it('copies selected nodes and only the edges between them', () => {
    const f = copySelection(sampleTopology(), { nodes: ['n1', 'n2', 'n5'], edges: [] });
    expect(f.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n5']);
    expect(f.edges.map((e) => e.id)).toEqual(['e1']);
  });
  it('pastes with fresh ids, unique names, rewired edges and an offset', () => {
    const t = sampleTopology();
    const out = paste(t, copySelection(t, { nodes: ['n1', 'n2'], edges: [] }), { x: 40, y: 40 });
    const added = addedIds(t, out);
    expect(added).toEqual({ nodes: ['n7', 'n8'], edges: ['e6'] });
    const leafCopy = out.nodes.find((n) => n.id === 'n8');
    expect(leafCopy).toMatchObject({ name: 'leaf-3', address: 'leaf-3:9090', position: { x: 140, y: 40 } });
    expect(out.nodes.find((n) => n.id === 'n7')?.name).toBe('node-exporter-2');
    expect(out.edges.at(-1)).toEqual({ id: 'e6', kind: 'scrape', server: 'n8', targets: 'n7' });
  });
  it('duplicate = copy + paste 40px away; a datasource copy is never the default', () => {
    const t = sampleTopology();
    const out = duplicate(t, { nodes: ['n4', 'n6'], edges: [] });
    expect(addedIds(t, out).nodes).toHaveLength(2);
    expect(out.edges.at(-1)).toMatchObject({ kind: 'datasource', isDefault: false });
  });
  it('pasting nothing changes nothing', () => {
    const t = sampleTopology();
    expect(paste(t, { nodes: [], edges: [] }, { x: 1, y: 1 })).toBe(t);
  });
});

describe('moveNodes', () => {
  it('moves the given nodes only and keeps other node objects', () => {
    const t = sampleTopology();
    const out = moveNodes(t, { n2: { x: 5, y: 6 }, ghost: { x: 0, y: 0 } });
    expect(out.nodes[1]?.position).toEqual({ x: 5, y: 6 });
    expect(out.nodes[0]).toBe(t.nodes[0]);
  });
  it('returns the same object when positions do not change', () => {
    const t = sampleTopology();
    expect(moveNodes(t, { n2: { ...t.nodes[1]!.position } })).toBe(t);
  });
});
