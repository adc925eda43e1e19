import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../../src/estimate/estimateLoad.ts';
import { TopologySchema } from '../../../src/model/schema.ts';
import type { Topology } from '../../../src/model/types.ts';
import { loadRows } from './loadRows.ts';
import { bottleneckSentence, findBottleneck, resourceRatio } from './loadTable.ts';

/** A leaf HA pair scraping 100 node_exporters, with a 16 GiB memory capacity per instance. */
function makeTopology(): Topology {
  return TopologySchema.parse({
    format: 'promtopo',
    version: 1,
    name: 't',
    nodes: [
      { id: 'leaf', kind: 'prometheus', role: 'leaf', name: 'leaf-eu', address: 'leaf-eu:9090', ha: { replicas: 2 }, capacity: { memoryBytes: 16 * 1024 ** 3 }, position: { x: 0, y: 0 } },
      { id: 'tg', kind: 'targets', name: 'node', count: 100, port: 9100, exporter: 'node_exporter', position: { x: 0, y: 0 } },
    ],
    edges: [{ id: 'e1', kind: 'scrape', server: 'leaf', targets: 'tg' }],
  });
}

describe('loadRows', () => {
  it('takes totals over instances and per-instance peaks from the load model', () => {
    const estimate = estimateLoad(makeTopology(), builtinCatalogs);
    const [row] = loadRows(estimate);
    const server = estimate.servers['leaf'];
    expect(row).toBeDefined();
    expect(server).toBeDefined();
    if (!row || !server) return;
    expect(row.name).toBe('leaf-eu');
    expect(row.instanceCount).toBe(2);
    expect(row.activeSeries).toBe(server.activeSeries);
    expect(row.activeSeries).toBeGreaterThan(0);
    // An HA pair: each replica holds everything, so the busiest instance holds half the total.
    expect(row.peak.activeSeries).toBeCloseTo(row.activeSeries / 2);
    expect(row.capacity.memoryBytes).toBe(16 * 1024 ** 3);
    expect(resourceRatio(row, 'memoryBytes')).toBeCloseTo(server.utilisationBy.memoryBytes ?? Number.NaN);
    const sentence = bottleneckSentence(findBottleneck([row]));
    expect(sentence).toContain('leaf-eu');
    expect(sentence).toMatch(/\(busiest of its 2 instances\)\.$/);
  });
});
