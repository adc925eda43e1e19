import { describe, expect, it } from 'vitest';
import { estimateLoad } from '../estimate/estimateLoad.ts';
import { alertEdge, alertmanager, datasourceEdge, federationEdge, grafana, makeTopology, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import type { Topology } from '../model/types.ts';
import { dataCentres, parseDownMark, resolveDown } from './downMarks.ts';
import { failureImpact } from './failureImpact.ts';

/**
 * Two data centres: an HA leaf in dc1 whose replica b runs in dc2, a plain leaf in dc2, a global
 * (no dc) federating both, one Alertmanager, one Grafana on the HA leaf and the global.
 */
function twoDcs(haEdge: Record<string, unknown> = {}, grafanaEdge: Record<string, unknown> = {}): Topology {
  return makeTopology([
    targets('nodes-1', [], { count: 10, port: 9100, seriesPerTarget: 100 }),
    targets('nodes-2', [], { count: 5, port: 9100, seriesPerTarget: 100 }),
    server('leaf-1', { externalLabels: { dc: 'dc1' }, ha: { replicas: 2 }, instanceExternalLabels: [{}, { dc: 'dc2' }],
      ruleGroups: [{ name: 'g', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }, { alert: 'TargetDown', expr: 'up == 0' }] }] }),
    server('leaf-2', { externalLabels: { dc: 'dc2' }, ruleGroups: [{ name: 'g', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }] }),
    server('global', { role: 'global', ruleGroups: [{ name: 'dc', rules: [{ record: 'dc:up:sum', expr: 'sum by (dc) (job:up:sum)' }] }] }),
    alertmanager('am', ['am:9093']),
    grafana('grafana'),
  ], [
    scrapeEdge('leaf-1', 'nodes-1'),
    scrapeEdge('leaf-2', 'nodes-2'),
    federationEdge('global', 'leaf-1', ['{__name__=~"job:.*"}'], haEdge),
    federationEdge('global', 'leaf-2', ['{__name__=~"job:.*"}']),
    alertEdge('leaf-1', 'am'),
    alertEdge('leaf-2', 'am'),
    datasourceEdge('grafana', 'leaf-1', grafanaEdge),
    datasourceEdge('grafana', 'global', { isDefault: true }),
  ]);
}

const impact = (t: Topology, marks: string[]) => failureImpact(t, estimateLoad(t), marks);

describe('down marks', () => {
  it('parse a node, an instance and a data centre', () => {
    expect(parseDownMark('leaf-1')).toEqual({ kind: 'node', name: 'leaf-1' });
    expect(parseDownMark('leaf-1/b')).toEqual({ kind: 'instance', server: 'leaf-1', key: 'b' });
    expect(parseDownMark(' dc=dc2 ')).toEqual({ kind: 'dc', dc: 'dc2' });
  });

  it('a data centre is every instance with that dc label, per-instance labels first', () => {
    const t = twoDcs();
    expect(dataCentres(t)).toEqual(['dc1', 'dc2']);
    const set = resolveDown(t, ['dc=dc2']);
    expect([...(set.instances.get('leaf-1') ?? [])]).toEqual(['b']);
    expect([...(set.instances.get('leaf-2') ?? [])]).toEqual(['']);
    expect(set.instances.has('global')).toBe(false);
    expect(resolveDown(t, ['dc=mars', 'nobody', 'leaf-1/z']).unmatched).toEqual(['dc=mars', 'nobody', 'leaf-1/z']);
  });
});

describe('failureImpact', () => {
  it('dc2 down: leaf-2 loses its series, targets and rules; leaf-1 is covered by replica a', () => {
    const t = twoDcs();
    const load = estimateLoad(t);
    const r = failureImpact(t, load, ['dc=dc2']);
    expect(r.servers.map((s) => [s.name, s.state])).toEqual([['leaf-1', 'covered'], ['leaf-2', 'down']]);
    expect(r.servers.find((s) => s.name === 'leaf-1')?.coveredBy).toEqual(['a']);
    expect(r.servers.find((s) => s.name === 'leaf-1')?.seriesLost).toBe(0);
    expect(r.seriesLost).toBe(load.servers['leaf-2']?.activeSeries);
    expect(r.targetGroups).toEqual([{ id: 'nodes-2', name: 'nodes-2', state: 'lost' }]);
    // The global's federation from leaf-2 is gone; from leaf-1 it pulls replica a, which is up.
    expect(r.federation.map((f) => `${f.server}<-${f.source}`)).toEqual(['global<-leaf-2']);
    expect(r.federation[0]?.series).toBe(load.edges['federation:global->leaf-2']?.series);
    expect(r.rules).toEqual(expect.arrayContaining([
      { server: 'leaf-2', group: 'g', rule: 'job:up:sum', kind: 'recording', reason: 'stopped: the server is down' },
      { server: 'global', group: 'dc', rule: 'dc:up:sum', kind: 'recording', reason: 'input lost from leaf-2' },
    ]));
    expect(r.rules.some((x) => x.server === 'leaf-1')).toBe(false);
    // Grafana queries replica a of leaf-1, which is up.
    expect(r.dashboards).toEqual([]);
  });

  it('dc1 down: replica a of leaf-1 is gone, b covers the data, but the global and Grafana pull a', () => {
    const t = twoDcs();
    const r = impact(t, ['dc=dc1']);
    expect(r.servers).toEqual([expect.objectContaining({ name: 'leaf-1', state: 'covered', downInstances: ['a'], coveredBy: ['b'], seriesLost: 0 })]);
    expect(r.federation).toEqual([expect.objectContaining({ server: 'global', source: 'leaf-1', cause: 'source-down' })]);
    expect(r.federation[0]?.reason).toMatch(/pulls replica a only; set sourceReplica: all/);
    expect(r.dashboards).toEqual([expect.objectContaining({ grafana: 'grafana', server: 'leaf-1' })]);
    expect(r.dashboards[0]?.reason).toMatch(/replica b holds the data but the data source points at replica a/);
    expect(r.dashboards[0]?.covered).toBe(false);
    expect(r.rules.map((x) => `${x.server}:${x.rule}:${x.reason}`)).toEqual(['global:dc:up:sum:input lost from leaf-1']);
  });

  it('with replicas: each on the data source, losing replica a is covered by the "(replica b)" data source', () => {
    const r = impact(twoDcs({}, { replicas: 'each' }), ['dc=dc1']);
    expect(r.dashboards).toEqual([{ grafana: 'grafana', server: 'leaf-1', covered: true, reason: 'queried instance a is down; covered: switch to data source "leaf-1 (replica b)"' }]);
    // Both replicas down: nothing to switch to.
    const both = impact(twoDcs({}, { replicas: 'each' }), ['leaf-1']);
    expect(both.dashboards.map((d) => [d.server, d.covered])).toEqual([['leaf-1', false]]);
  });

  it('with sourceReplica: all, losing one replica costs the global nothing', () => {
    const r = impact(twoDcs({ sourceReplica: 'all' }), ['dc=dc1']);
    expect(r.federation).toEqual([]);
    expect(r.rules).toEqual([]);
  });

  it('the whole HA server down: both replicas, its alerts stop, its dashboards go blank', () => {
    const t = twoDcs();
    const r = impact(t, ['leaf-1']);
    expect(r.servers).toEqual([expect.objectContaining({ name: 'leaf-1', state: 'down', downInstances: ['a', 'b'], coveredBy: [] })]);
    expect(r.rules.filter((x) => x.server === 'leaf-1').map((x) => [x.rule, x.kind])).toEqual([['job:up:sum', 'recording'], ['TargetDown', 'alerting']]);
    expect(r.targetGroups.map((g) => g.name)).toEqual(['nodes-1']);
    expect(r.dashboards.map((d) => d.server)).toEqual(['leaf-1']);
  });

  it('the Alertmanager down: the servers that send to it alone reach nobody', () => {
    const r = impact(twoDcs(), ['am']);
    expect(r.servers).toEqual([]);
    expect(r.alerting.map((a) => a.server)).toEqual(['leaf-1', 'leaf-2']);
    expect(r.alerting[0]?.reason).toBe('every Alertmanager it sends to is down (am)');
  });

  it('the global down: every federation edge into it is lost, and its Grafana data source', () => {
    const r = impact(twoDcs(), ['global']);
    expect(r.federation.map((f) => f.cause)).toEqual(['server-down', 'server-down']);
    expect(r.dashboards.map((d) => d.server)).toEqual(['global']);
  });

  it('one hashmod shard down: its share of the targets is lost, the server is partial', () => {
    const t = makeTopology([
      targets('nodes', [], { count: 30, port: 9100, seriesPerTarget: 10 }),
      server('shards', { role: 'shard', hashmod: { shards: 3 } }),
    ], [scrapeEdge('shards', 'nodes')]);
    const load = estimateLoad(t);
    const r = failureImpact(t, load, ['shards/shard-1']);
    expect(r.servers).toEqual([expect.objectContaining({ state: 'partial', downInstances: ['shard-1'], seriesLost: load.servers.shards?.instances[1]?.activeSeries })]);
    expect(r.targetGroups).toEqual([{ id: 'nodes', name: 'nodes', state: 'partial' }]);
  });
});
