/** Split a server, functionally and by hashmod, on the built-in examples and imported real configurations. */
import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { assignShards } from '../../src/model/hashmod.ts';
import type { PrometheusNode, TargetGroupNode, Topology } from '../../src/model/types.ts';
import { splitServer } from '../../src/plan/split.ts';
import { errorsOf, example, importedReal } from './support.ts';

const servers = (t: Topology) => t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus');
const edgesOfKind = (t: Topology, kind: string) => t.edges.filter((e) => e.kind === kind);

describe('split by job', () => {
  it('spreads the target groups of prom-eu-app (multi-dc) over 2 servers, and federation, alerts and Grafana follow', () => {
    const before = example('multi-dc');
    const frozen = JSON.stringify(before);
    const result = splitServer(before, 'prom-eu-app', 2, 'job', builtinCatalogs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = result.topology;
    expect(JSON.stringify(before)).toBe(frozen);
    expect(errorsOf(after)).toEqual([]);
    const parts = result.summary.parts;
    expect(parts.map((p) => p.name)).toEqual(['prom-eu-app-1', 'prom-eu-app-2']);
    expect(parts[0]?.id).toBe('p-app');
    // Each target group is scraped by exactly one part.
    const scrapedBy = (group: string) => after.edges.filter((e) => e.kind === 'scrape' && e.targets === group).map((e) => (e.kind === 'scrape' ? e.server : ''));
    expect(scrapedBy('t-cadvisor-eu')).toHaveLength(1);
    expect(scrapedBy('t-ksm-eu')).toHaveLength(1);
    expect(scrapedBy('t-cadvisor-eu')[0]).not.toBe(scrapedBy('t-ksm-eu')[0]);
    // The global federates both parts with the selectors it had for the server; both alert; Grafana has both.
    const partIds = parts.map((p) => p.id);
    const fed = after.edges.filter((e) => e.kind === 'federation' && partIds.includes(e.source));
    expect(fed).toHaveLength(2);
    const original = before.edges.find((e) => e.id === 'e9');
    for (const e of fed) expect(e.kind === 'federation' && original?.kind === 'federation' ? e.match : null).toEqual(original?.kind === 'federation' ? original.match : []);
    expect(after.edges.filter((e) => e.kind === 'alert' && partIds.includes(e.server))).toHaveLength(2);
    expect(after.edges.filter((e) => e.kind === 'datasource' && partIds.includes(e.server))).toHaveLength(2);
    expect(result.summary.edgesAdded).toBe(3);
    // The parts are told apart at the global.
    const labels = servers(after).filter((s) => partIds.includes(s.id)).map((s) => JSON.stringify(s.externalLabels));
    expect(new Set(labels).size).toBe(2);
    // The model's series along the parts' scrape edges add up to what the server scraped from its groups.
    const scrapeSeries = (t: Topology, ids: readonly string[]) => {
      const load = estimateLoad(t, builtinCatalogs);
      return t.edges.filter((e) => e.kind === 'scrape' && ids.includes(e.server)).reduce((sum, e) => sum + (load.edges[e.id]?.series ?? 0), 0);
    };
    expect(scrapeSeries(after, partIds)).toBe(scrapeSeries(before, ['p-app']));
    expect(scrapeSeries(before, ['p-app'])).toBeGreaterThan(0);
  });

  it('balances predicted load: the heaviest group alone, the lighter ones together', () => {
    const base = example('federation');
    // Give prom-eu-1 four groups of very different sizes.
    const leaf = 'p-eu';
    const sizes = [100, 10, 10, 10];
    const groups: TargetGroupNode[] = sizes.map((count, i) => ({
      id: `tg${i}`, kind: 'targets', name: `g${i}`, targets: [], count, port: 9100, exporter: 'node_exporter', labels: {}, position: { x: 0, y: i * 100 },
    }));
    const t: Topology = {
      ...base,
      nodes: [...base.nodes.filter((n) => n.id !== 't-node-eu'), ...groups],
      edges: [...base.edges.filter((e) => !(e.kind === 'scrape' && e.server === leaf)), ...groups.map((g, i) => ({ id: `s${i}`, kind: 'scrape' as const, server: leaf, targets: g.id }))],
    };
    const result = splitServer(t, leaf, 2, 'job', builtinCatalogs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.parts.map((p) => p.targetGroups)).toEqual([['g0'], ['g1', 'g2', 'g3']]);
    const [heavy, light] = result.summary.parts;
    expect(heavy && light ? heavy.predictedSeries / light.predictedSeries : 0).toBeCloseTo(100 / 30, 5);
    expect(errorsOf(result.topology)).toEqual([]);
  });

  it('refuses to split a server into more parts than it has target groups, naming it', () => {
    const result = splitServer(example('federation'), 'prom-eu-1', 2, 'job', builtinCatalogs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('leaf "prom-eu-1" scrapes 1 target group(s)');
    expect(result.node).toBe('p-eu');
  });

  it('splits an imported real configuration (dockprom) by job into 2 servers that validate', () => {
    const t = importedReal('dockprom');
    const server = servers(t)[0];
    expect(server).toBeDefined();
    if (!server) return;
    const result = splitServer(t, server.name, 2, 'job', builtinCatalogs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(errorsOf(result.topology)).toEqual([]);
    const groupsBefore = t.edges.filter((e) => e.kind === 'scrape' && e.server === server.id).length;
    const partIds = result.summary.parts.map((p) => p.id);
    expect(result.topology.edges.filter((e) => e.kind === 'scrape' && partIds.includes(e.server)).length).toBe(groupsBefore);
    expect(result.summary.parts.every((p) => p.targetGroups.length > 0)).toBe(true);
  });
});

describe('split by hashmod', () => {
  it('turns prom-us-1 (federation) into 3 hashmod shards whose assignment covers every target once', () => {
    const before = example('federation');
    const result = splitServer(before, 'prom-us-1', 3, 'hashmod');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(errorsOf(result.topology)).toEqual([]);
    const server = servers(result.topology).find((s) => s.id === 'p-us');
    expect(server?.hashmod).toEqual({ shards: 3, sourceLabels: ['__address__'] });
    // The edges are unchanged: they point at the server node, whose shards they now reach.
    expect(result.topology.edges).toEqual(before.edges);
    const group = result.topology.nodes.find((n): n is TargetGroupNode => n.kind === 'targets' && n.id === 't-node-us');
    const shards = server && group ? assignShards(server, group) : new Map();
    expect(shards.size).toBe(group?.targets.length || group?.count);
    expect([...shards.values()].every((s) => s >= 0 && s < 3)).toBe(true);
  });

  it('refuses an already sharded server, pointing to reshard', () => {
    const result = splitServer(example('hashmod-shards'), 'prom-node', 4, 'hashmod');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('plan reshard');
  });

  it('shards an imported real configuration (prom-docs-default) into 2 that validate', () => {
    const t = importedReal('prom-docs-default');
    const server = servers(t)[0];
    if (!server) throw new Error('prom-docs-default imported no server');
    const result = splitServer(t, server.name, 2, 'hashmod');
    expect(result.ok).toBe(true);
    if (result.ok) expect(errorsOf(result.topology)).toEqual([]);
  });
});
