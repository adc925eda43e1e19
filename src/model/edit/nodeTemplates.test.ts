import { describe, expect, it } from 'vitest';
import { TopologySchema } from '../schema.ts';
import { NODE_TEMPLATES, addNode, newNode } from './nodeTemplates.ts';
import { sampleTopology } from './testTopology.ts';

describe('newNode', () => {
  it.each(NODE_TEMPLATES)('%s: a schema-valid node with a fresh id and a unique name', (template) => {
    const t = sampleTopology();
    const node = newNode(t, template, { x: 10.4, y: 20.6 });
    expect(node.id).toBe('n7');
    expect(t.nodes.map((n) => n.name)).not.toContain(node.name);
    expect(node.position).toEqual({ x: 10, y: 21 });
    expect(TopologySchema.safeParse(addNode(t, node)).success).toBe(true);
  });
  it('gives roles and addresses that read right', () => {
    const t = sampleTopology();
    expect(newNode(t, 'leaf', { x: 0, y: 0 })).toMatchObject({ kind: 'prometheus', role: 'leaf', name: 'leaf-3', address: 'leaf-3:9090', externalLabels: { dc: 'leaf-3' } });
    expect(newNode(t, 'global', { x: 0, y: 0 })).toMatchObject({ role: 'global', name: 'global-2', retention: '90d' });
    expect(newNode(t, 'targets', { x: 0, y: 0 })).toMatchObject({ kind: 'targets', count: 3, port: 9100, exporter: 'node_exporter' });
  });
});
