/**
 * Random documents (deterministic seed) from pools of good and bad values: validateTopology never
 * throws, and every diagnostic is well formed (known severity, namespaced code, a message naming
 * something, a place).
 */
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/types.ts';
import { validateTopology } from './validateTopology.ts';
import { makeTopology } from './testBuilders.ts';

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pools = {
  name: ['leaf', 'global', 'Leaf EU', '', 'a'.repeat(70), 'node', 'dup', 'dup', 'x-1'],
  address: ['h:9090', 'h:9091', 'http://h:9090', 'h', 'h:0', '[::1]:9090', '', 'h:9090/x', 'a b:1'],
  duration: ['15s', '1m', '0', '', '1h30m', '30m1h', '10', '5s', '1.5s', '-1s'],
  label: ['dc', '__x', '1a', 'a-b', 'replica', 'prometheus_shard', ''],
  selector: ['up', '{__name__=~"job:.*"}', '{__name__=~".+"}', 'sum(up)', '{job=~".*"}', 'up{', '{"a"="b"}', '{job=~"(?=x)"}', '', 'node_load1{a="\\q"}'],
  expr: ['sum(up)', 'up == 0', 'rate(x[5m]', '', 'histogram_quantile(0.9, x)', '{'],
  yaml: ['- job_name: x', 'a: [', 'job_name: y', 'a: 1\na: 2', '- {}', ''],
};

function randomTopology(random: () => number): Topology {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const maybe = <T,>(value: T): T | undefined => (random() < 0.5 ? value : undefined);
  const count = 1 + Math.floor(random() * 8);
  const nodes: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const id = `n${i}`;
    const kind = pick(['prometheus', 'prometheus', 'targets', 'alertmanager', 'grafana'] as const);
    const base = { id, name: pick(pools.name) };
    if (kind === 'prometheus') {
      nodes.push({
        ...base, kind, role: pick(['leaf', 'global', 'shard']), address: pick(pools.address),
        externalLabels: random() < 0.7 ? { [pick(pools.label)]: pick(['eu', '', 'x']) } : {},
        scrapeInterval: pick(pools.duration), scrapeTimeout: pick(pools.duration),
        ...(random() < 0.3 ? { ha: { replicas: Math.floor(random() * 4), replicaLabel: pick(pools.label), dropReplicaLabelOnAlerts: random() < 0.5 } } : {}),
        ...(random() < 0.3 ? { hashmod: { shards: Math.floor(random() * 5) - 1, sourceLabels: [pick(['__address__', 'instance', 'a-b'])] } } : {}),
        ...(random() < 0.3 ? { instanceAddresses: [pick(pools.address), pick(pools.address)] } : {}),
        ruleGroups: random() < 0.5 ? [{ name: pick(['g', '', 'g']), rules: [
          random() < 0.5 ? { record: pick(['job:x:sum', 'bad-name', '']), expr: pick(pools.expr) } : { alert: pick(['A', '']), expr: pick(pools.expr), for: maybe(pick(pools.duration)) },
        ] }] : [],
        extraScrapeConfigs: maybe(pick(pools.yaml)), extraConfig: maybe(pick(pools.yaml)),
      });
    } else if (kind === 'targets') {
      nodes.push({ ...base, kind, targets: random() < 0.8 ? [pick(pools.address), pick(pools.address)] : [], count: maybe(Math.floor(random() * 5)),
        scrapeInterval: maybe(pick(pools.duration)), scrapeTimeout: maybe(pick(pools.duration)), labels: { [pick(pools.label)]: 'v' }, extraConfig: maybe(pick(pools.yaml)) });
    } else if (kind === 'alertmanager') {
      nodes.push({ ...base, kind, instances: Array.from({ length: Math.floor(random() * 3) }, () => ({ address: pick(pools.address), clusterAddress: maybe(pick(pools.address)) })) });
    } else {
      nodes.push({ ...base, kind, address: pick(pools.address) });
    }
  }
  const ids = [...nodes.map((n) => n.id as string), 'missing'];
  const edges: Record<string, unknown>[] = [];
  const edgeCount = Math.floor(random() * 10);
  for (let i = 0; i < edgeCount; i++) {
    const id = random() < 0.05 ? 'n0' : `e${i}`;
    const a = pick(ids);
    const b = pick(ids);
    switch (pick(['scrape', 'federation', 'alert', 'datasource'] as const)) {
      case 'scrape': edges.push({ id, kind: 'scrape', server: a, targets: b }); break;
      case 'federation': edges.push({ id, kind: 'federation', server: a, source: b, match: random() < 0.2 ? [] : [pick(pools.selector), pick(pools.selector)],
        scrapeInterval: maybe(pick(pools.duration)), scrapeTimeout: maybe(pick(pools.duration)), honorLabels: random() < 0.8,
        sourceReplica: maybe(pick([0, 1, 3, 'all'] as const)) }); break;
      case 'alert': edges.push({ id, kind: 'alert', server: a, alertmanager: b }); break;
      case 'datasource': edges.push({ id, kind: 'datasource', grafana: a, server: b, isDefault: random() < 0.5 }); break;
    }
  }
  return makeTopology(nodes, edges);
}

describe('validateTopology on random documents', () => {
  it('never throws and returns well-formed, sorted diagnostics', () => {
    const random = prng(20261127);
    const codes = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const t = randomTopology(random);
      const diagnostics = validateTopology(t);
      for (const d of diagnostics) {
        codes.add(d.code);
        expect(['error', 'warning', 'info']).toContain(d.severity);
        expect(d.code).toMatch(/^[a-z0-9]+\/[a-z0-9-]+$/);
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.at.node ?? d.at.edge ?? d.at.field).toBeDefined();
        if (d.at.node) expect(t.nodes.some((n) => n.id === d.at.node)).toBe(true);
        if (d.at.edge) expect(t.edges.some((e) => e.id === d.at.edge)).toBe(true);
      }
      expect(validateTopology(t)).toEqual(diagnostics);
    }
    // The pools reach most checks: a regression that silences a theme shows up here.
    expect(codes.size).toBeGreaterThan(40);
  });
});
