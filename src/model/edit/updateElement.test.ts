import { describe, expect, it } from 'vitest';
import { sampleTopology } from './testTopology.ts';
import { updateDocument, updateEdge, updateNode } from './updateElement.ts';

describe('updateNode / updateEdge', () => {
  it('patches one node, keeps id and kind, and the other nodes as they were', () => {
    const t = sampleTopology();
    const out = updateNode(t, 'n2', { scrapeInterval: '30s', id: 'x', kind: 'grafana' } as never);
    expect(out.nodes[1]).toMatchObject({ id: 'n2', kind: 'prometheus', scrapeInterval: '30s' });
    expect(out.nodes[0]).toBe(t.nodes[0]);
  });
  it('removes an optional field set to undefined', () => {
    const t = updateNode(sampleTopology(), 'n2', { ha: { replicas: 2, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true } });
    expect(t.nodes[1]).toHaveProperty('ha');
    expect(updateNode(t, 'n2', { ha: undefined }).nodes[1]).not.toHaveProperty('ha');
  });
  it('returns the same document for no change or an unknown id', () => {
    const t = sampleTopology();
    expect(updateNode(t, 'n2', { scrapeInterval: '15s' })).toBe(t);
    expect(updateNode(t, 'nope', { name: 'x' })).toBe(t);
    expect(updateEdge(t, 'e2', { match: ['{__name__=~"job:.+"}'] })).toBe(t);
  });
  it('edits a federation edge match[] list', () => {
    const out = updateEdge(sampleTopology(), 'e2', { match: ['up', 'job:x:rate5m'] });
    expect(out.edges[1]).toMatchObject({ id: 'e2', kind: 'federation', match: ['up', 'job:x:rate5m'] });
  });
  it('renames the document', () => {
    expect(updateDocument(sampleTopology(), { name: 'prod' }).name).toBe('prod');
  });
});
