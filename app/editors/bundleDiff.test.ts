import { describe, expect, it } from 'vitest';
import federation from '../../assets/examples/federation.promtopo.json' with { type: 'json' };
import { parseTopologyValue } from '../../src/model/document.ts';
import type { PrometheusNode, Topology } from '../../src/model/types.ts';
import { bundleDiff, describeDiff } from './bundleDiff.ts';

function example(): Topology {
  const parsed = parseTopologyValue(federation, 'federation.promtopo.json');
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
  return parsed.topology;
}

function setInterval(t: Topology, id: string, interval: string): Topology {
  return { ...t, nodes: t.nodes.map((n) => (n.id === id ? ({ ...n, scrapeInterval: interval } as PrometheusNode) : n)) };
}

describe('bundleDiff', () => {
  const t = example();

  it('shows exactly the file a scrape interval change touches, before and after', () => {
    const diff = bundleDiff(t, setInterval(t, 'p-eu', '1m'));
    expect(diff.files).toEqual([{ path: 'prometheus/prom-eu-1/prometheus.yml', change: 'changed' }]);
    expect(diff.original).toContain('scrape_interval: 15s');
    expect(diff.modified).toContain('scrape_interval: 1m');
    expect(diff.modified.startsWith('# ==> prometheus/prom-eu-1/prometheus.yml <==\n')).toBe(true);
    expect(describeDiff(diff)).toBe('1 file changed: prometheus/prom-eu-1/prometheus.yml');
  });

  it('reports added and removed files', () => {
    const withoutUs: Topology = { ...t, nodes: t.nodes.filter((n) => n.id !== 'p-us'), edges: t.edges.filter((e) => !('server' in e && e.server === 'p-us') && !(e.kind === 'federation' && e.source === 'p-us')) };
    const removed = bundleDiff(t, withoutUs);
    expect(removed.files).toContainEqual({ path: 'prometheus/prom-us-1/prometheus.yml', change: 'removed' });
    expect(removed.modified).toContain('# ==> prometheus/prom-us-1/prometheus.yml <== (absent)');
    const added = bundleDiff(withoutUs, t);
    expect(added.files).toContainEqual({ path: 'prometheus/prom-us-1/prometheus.yml', change: 'added' });
  });

  it('treats "no previous design" as every file added', () => {
    const diff = bundleDiff(undefined, t);
    expect(diff.files.every((f) => f.change === 'added')).toBe(true);
    expect(diff.files.length).toBeGreaterThanOrEqual(4);
  });

  it('says so when nothing changes (layout moves do not touch configs)', () => {
    const moved = { ...t, nodes: t.nodes.map((n) => ({ ...n, position: { x: n.position.x + 10, y: n.position.y } })) };
    const diff = bundleDiff(t, moved);
    expect(diff.files).toEqual([]);
    expect(describeDiff(diff)).toBe('No change to the generated configuration.');
  });
});
