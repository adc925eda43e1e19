import { describe, expect, it } from 'vitest';
import { emptyTopology, parseTopology, serializeTopology } from './document.ts';
import { isDnsSafeName, nextId, toDnsSafeName, uniqueName } from './names.ts';
import { replicaValue, serverInstances } from './instances.ts';
import type { PrometheusNode } from './types.ts';

const server = (extra: Partial<PrometheusNode> = {}): PrometheusNode => ({
  id: 'n1', kind: 'prometheus', role: 'leaf', name: 'leaf-eu', address: '127.0.0.1:9090',
  externalLabels: {}, scrapeInterval: '15s', scrapeTimeout: '10s', evaluationInterval: '15s',
  retention: '15d', ruleGroups: [], position: { x: 0, y: 0 }, ...extra,
});

describe('parseTopology', () => {
  it('round-trips an empty document byte for byte', () => {
    const text = serializeTopology(emptyTopology('x'));
    const r = parseTopology(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(serializeTopology(r.topology)).toBe(text);
  });

  it('fills defaults of a minimal server', () => {
    const r = parseTopology(JSON.stringify({ format: 'promtopo', version: 1, name: 't', nodes: [
      { id: 'a', kind: 'prometheus', role: 'leaf', name: 'a', address: 'a:9090', position: { x: 1, y: 2 } }], edges: [] }));
    expect(r.ok && r.topology.nodes[0]).toMatchObject({ scrapeInterval: '15s', externalLabels: {}, ruleGroups: [] });
  });

  it('names file and JSON path on a schema error', () => {
    const r = parseTopology(JSON.stringify({ format: 'promtopo', version: 1, name: 't', nodes: [{ id: 'a', kind: 'prometheus', role: 'boss' }], edges: [] }), 'x.promtopo.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]?.message).toMatch(/^x\.promtopo\.json: nodes\[0\]\./);
      expect(r.diagnostics.some((d) => d.at.field === 'nodes[0].role')).toBe(true);
    }
  });

  it.each([
    ['{not json', 'file/json'],
    ['[]', 'file/not-topology'],
    ['{"format":"other"}', 'file/not-topology'],
    ['{"format":"promtopo","version":99,"name":"t","nodes":[],"edges":[]}', 'file/version'],
    ['{"format":"promtopo","version":1,"name":"t","nodes":[],"edges":[],"extra":1}', 'schema/invalid'],
  ])('rejects %s with %s', (text, code) => {
    const r = parseTopology(text, 'f.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]?.code).toBe(code);
      expect(r.diagnostics[0]?.message.startsWith('f.json')).toBe(true);
    }
  });
});

describe('names', () => {
  it('accepts DNS labels only', () => {
    expect(isDnsSafeName('leaf-eu-1')).toBe(true);
    for (const bad of ['', '../x', 'a b', 'Leaf', '-a', 'a-', 'é', 'a'.repeat(64)]) expect(isDnsSafeName(bad)).toBe(false);
  });
  it('cleans odd names', () => {
    expect(toDnsSafeName('../EU West/1')).toBe('eu-west-1');
    expect(toDnsSafeName('Zürich DC')).toBe('zurich-dc');
    expect(toDnsSafeName('日本')).toBe('node');
  });
  it('makes unique names and ids', () => {
    expect(uniqueName('leaf', ['leaf', 'leaf-2'])).toBe('leaf-3');
    expect(nextId({ nodes: [server({ id: 'n7' })], edges: [] }, 'n')).toBe('n8');
  });
});

describe('serverInstances', () => {
  it('is one instance for a plain server', () => {
    expect(serverInstances(server())).toEqual([{ key: '', index: 0, address: '127.0.0.1:9090' }]);
  });
  it('derives ports for replicas x shards', () => {
    const list = serverInstances(server({ ha: { replicas: 2, replicaLabel: "replica", dropReplicaLabelOnAlerts: true }, hashmod: { shards: 2, sourceLabels: ['__address__'] }, instanceAddresses: ['h:1'] }));
    expect(list.map((i) => [i.key, i.address])).toEqual([
      ['shard-0-a', 'h:1'], ['shard-0-b', '127.0.0.1:9091'], ['shard-1-a', '127.0.0.1:9092'], ['shard-1-b', '127.0.0.1:9093'],
    ]);
  });
  it('names replicas a..z, aa', () => {
    expect([0, 1, 25, 26].map(replicaValue)).toEqual(['a', 'b', 'z', 'aa']);
  });
});
