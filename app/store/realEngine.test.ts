import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/document.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { realEngine } from './realEngine.ts';
import multiDc from '../../assets/examples/multi-dc.promtopo.json?raw';

function example(id: 'multi-dc') {
  const parsed = parseTopology(multiDc, id);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.topology;
}

describe('realEngine', () => {
  it('shows the load model numbers for every server and scrape/federation edge', () => {
    const t = example('multi-dc');
    const view = realEngine.estimate(t);
    const full = estimateLoad(t, builtinCatalogs);
    const servers = t.nodes.filter((n) => n.kind === 'prometheus');
    expect(view.servers.size).toBe(servers.length);
    for (const s of servers) {
      expect(view.servers.get(s.id)?.activeSeries).toBe(full.servers[s.id]?.activeSeries);
      expect(view.servers.get(s.id)?.activeSeries).toBeGreaterThan(0);
    }
    const flowing = t.edges.filter((e) => e.kind === 'scrape' || e.kind === 'federation');
    for (const e of flowing) expect(view.edges.get(e.id)?.samplesPerSecond).toBe(full.edges[e.id]?.samplesPerSecond);
  });
  it('reports validation and load findings, sorted errors first', () => {
    const t = example('multi-dc');
    const broken = { ...t, edges: t.edges.map((e) => (e.kind === 'federation' ? { ...e, match: ['{job='] } : e)) };
    const diagnostics = realEngine.validate(broken);
    expect(diagnostics.some((d) => d.code === 'selector/syntax' && d.severity === 'error')).toBe(true);
    const ranks = diagnostics.map((d) => ['error', 'warning', 'info'].indexOf(d.severity));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
});
