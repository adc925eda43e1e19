// The example topologies: canonical files (what Save writes), described, and showing what each is for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/model/document.ts';
import { isDnsSafeName } from '../../src/model/names.ts';
import type { PrometheusNode, Topology } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import { examplesDir, loadExamples } from './support.ts';

const examples = loadExamples();
const byFile = (file: string): Topology => {
  const found = examples.find((e) => e.file === file);
  if (!found) throw new Error(`example ${file} is missing from assets/examples`);
  return found.topology;
};
const servers = (t: Topology) => t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus');
const edges = <K extends Topology['edges'][number]['kind']>(t: Topology, kind: K) =>
  t.edges.filter((e): e is Extract<Topology['edges'][number], { kind: K }> => e.kind === kind);

describe.each(examples)('example $file', ({ file, topology }) => {
  it('is stored canonically (as PromTopo saves it)', () => {
    expect(readFileSync(join(examplesDir, file), 'utf8')).toBe(serializeTopology(topology));
  });

  it('has a name, a description and DNS-safe unique node names', () => {
    expect(topology.name.length).toBeGreaterThan(0);
    expect(topology.description?.length ?? 0).toBeGreaterThan(40);
    const names = topology.nodes.map((n) => n.name);
    expect(names.filter((n) => !isDnsSafeName(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('validates without errors or warnings (infos explain the design choices)', () => {
    const findings = validateTopology(topology).filter((d) => d.severity !== 'info');
    expect(findings.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });

  it('lays the canvas out left to right: targets, then scrapers, then federating servers', () => {
    const x = (id: string) => topology.nodes.find((n) => n.id === id)!.position.x;
    for (const e of edges(topology, 'scrape')) expect(x(e.targets)).toBeLessThan(x(e.server));
    for (const e of edges(topology, 'federation')) expect(x(e.source)).toBeLessThan(x(e.server));
  });

  it('lists targets for every target group', () => {
    for (const g of topology.nodes.filter((n) => n.kind === 'targets')) expect(g.kind === 'targets' && g.targets.length).toBeGreaterThan(0);
  });
});

describe('what each example shows', () => {
  it('federation: 2-3 DC leaves with job: rules, a global federating job:* and chosen node_ series', () => {
    const t = byFile('federation.promtopo.json');
    const leaves = servers(t).filter((s) => s.role === 'leaf');
    expect(leaves.length).toBeGreaterThanOrEqual(2);
    expect(leaves.length).toBeLessThanOrEqual(3);
    for (const l of leaves) expect(l.ruleGroups.flatMap((g) => g.rules).some((r) => 'record' in r && r.record.startsWith('job:'))).toBe(true);
    const match = edges(t, 'federation').flatMap((e) => e.match);
    expect(match).toContain('{__name__=~"job:.*"}');
    expect(match.some((m) => m.startsWith('node_'))).toBe(true);
  });

  it('functional-sharding: db, app and node shards, each a Grafana data source', () => {
    const t = byFile('functional-sharding.promtopo.json');
    const shards = servers(t).filter((s) => s.role === 'shard').map((s) => s.name).sort();
    expect(shards).toEqual(['prom-app', 'prom-db', 'prom-node']);
    const sourced = new Set(edges(t, 'datasource').map((e) => e.server));
    for (const s of servers(t)) expect(sourced.has(s.id)).toBe(true);
  });

  it('ha-pair: an HA group alerting to an Alertmanager cluster', () => {
    const t = byFile('ha-pair.promtopo.json');
    expect(servers(t).some((s) => (s.ha?.replicas ?? 0) >= 2)).toBe(true);
    expect(edges(t, 'alert').length).toBeGreaterThan(0);
  });

  it('hashmod-shards: a hashmod-sharded server', () => {
    expect(servers(byFile('hashmod-shards.promtopo.json')).some((s) => (s.hashmod?.shards ?? 0) >= 2)).toBe(true);
  });

  it('remote-write: agents in several DCs writing to a central receiver, Grafana on the receiver', () => {
    const t = byFile('remote-write.promtopo.json');
    const agents = servers(t).filter((s) => s.mode === 'agent');
    expect(new Set(agents.map((s) => s.externalLabels.dc)).size).toBeGreaterThanOrEqual(2);
    const central = servers(t).find((s) => s.remoteWriteReceiver === true);
    expect(central).toBeDefined();
    expect(edges(t, 'remote_write').map((e) => [e.server, e.receiver]).sort()).toEqual(agents.map((a) => [a.id, central!.id]).sort());
    expect(edges(t, 'datasource').map((e) => e.server)).toEqual([central!.id]);
    expect(validateTopology(t).filter((d) => d.code.startsWith('agent/') || d.code.startsWith('remote-write/'))).toEqual([]);
  });

  it('multi-dc: leaves in several DCs, one HA, functional shards, a global federating rules, an Alertmanager cluster of 2-3, Grafana', () => {
    const t = byFile('multi-dc.promtopo.json');
    const all = servers(t);
    expect(new Set(all.filter((s) => s.role === 'leaf').map((s) => s.externalLabels.dc)).size).toBeGreaterThanOrEqual(2);
    expect(all.filter((s) => s.ha).length).toBe(1);
    expect(all.filter((s) => s.role === 'shard').length).toBeGreaterThanOrEqual(2);
    expect(edges(t, 'federation').every((e) => e.match.includes('{__name__=~"job:.*"}'))).toBe(true);
    const ams = t.nodes.filter((n) => n.kind === 'alertmanager');
    expect(ams).toHaveLength(1);
    expect(ams[0]!.kind === 'alertmanager' && ams[0]!.instances.length).toBeGreaterThanOrEqual(2);
    expect(t.nodes.some((n) => n.kind === 'grafana')).toBe(true);
  });
});
