/** Add a global over leaves: the job: rules, the match[] selectors pulling exactly them, the series before/after. */
import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { isRecordingRule, type FederationEdge, type PrometheusNode, type Topology } from '../../src/model/types.ts';
import { addGlobal, AGGREGATE_GROUP } from '../../src/plan/global.ts';
import { jobRuleFor } from '../../src/plan/recordingRules.ts';
import { errorsOf, example, importedReal } from './support.ts';

const server = (t: Topology, id: string) => t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.id === id);
const records = (s: PrometheusNode | undefined) => (s?.ruleGroups ?? []).flatMap((g) => g.rules.filter(isRecordingRule).map((r) => r.record));

describe('job: rule names (level:metric:operations)', () => {
  it.each([
    [{ metric: 'node_cpu_seconds_total', type: 'counter' }, 'job:node_cpu_seconds:rate5m', 'sum by (job) (rate(node_cpu_seconds_total[5m]))'],
    [{ metric: 'node_memory_MemAvailable_bytes', type: 'gauge' }, 'job:node_memory_MemAvailable_bytes:sum', 'sum by (job) (node_memory_MemAvailable_bytes)'],
    [{ metric: 'up' }, 'job:up:sum', 'sum by (job) (up)'],
    [{ metric: 'prometheus_http_request_duration_seconds_bucket', type: 'histogram' }, 'job:prometheus_http_request_duration_seconds_bucket:rate5m', 'sum by (job, le) (rate(prometheus_http_request_duration_seconds_bucket[5m]))'],
    [{ metric: 'go_gc_duration_seconds', type: 'summary' }, 'job:go_gc_duration_seconds:avg', 'avg by (job, quantile) (go_gc_duration_seconds)'],
    [{ metric: 'go_gc_duration_seconds_count', type: 'summary' }, 'job:go_gc_duration_seconds_count:rate5m', 'sum by (job) (rate(go_gc_duration_seconds_count[5m]))'],
  ])('%o -> %s', (pick, record, expr) => {
    expect(jobRuleFor(pick)).toEqual({ record, expr });
  });

  it('refuses what is not a raw metric name', () => {
    expect(jobRuleFor({ metric: 'job:up:sum' })).toBeUndefined();
    expect(jobRuleFor({ metric: 'rate(x[5m])' })).toBeUndefined();
  });
});

describe('add a global over leaves', () => {
  it('federates the two leaves of a design without a global, pulling exactly the picked job: series', () => {
    const base = example('federation');
    // The same leaves, without their global and without the rules they had.
    const t: Topology = {
      ...base,
      nodes: base.nodes.filter((n) => n.id !== 'p-global').map((n) => (n.kind === 'prometheus' ? { ...n, ruleGroups: [] } : n)),
      edges: base.edges.filter((e) => e.kind !== 'federation'),
    };
    const result = addGlobal(t, ['prom-eu-1', 'prom-us-1'], { series: ['node_cpu_seconds_total', 'node_memory_MemAvailable_bytes', 'up'] }, builtinCatalogs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = result.topology;
    expect(errorsOf(after)).toEqual([]);
    const global = server(after, result.summary.globalId);
    expect(global?.role).toBe('global');
    const wanted = ['job:node_cpu_seconds:rate5m', 'job:node_memory_MemAvailable_bytes:sum', 'job:up:sum'];
    for (const leaf of ['p-eu', 'p-us']) {
      expect(records(server(after, leaf))).toEqual(wanted);
      expect(server(after, leaf)?.ruleGroups.map((g) => g.name)).toEqual([AGGREGATE_GROUP]);
      const edge = after.edges.find((e): e is FederationEdge => e.kind === 'federation' && e.source === leaf);
      expect(edge?.server).toBe(result.summary.globalId);
      expect(edge?.match).toEqual(wanted);
    }
    // The load model: what the global holds is what the rules write, far less than the leaves hold.
    const load = estimateLoad(after, builtinCatalogs);
    const onGlobal = load.servers[result.summary.globalId]?.series.federated ?? 0;
    const written = ['p-eu', 'p-us'].reduce((s, id) => s + (load.servers[id]?.series.rules ?? 0), 0);
    expect(result.summary.seriesAfter).toBe(onGlobal);
    expect(onGlobal).toBe(written);
    // Before: everything the leaves held without the new rules (a rule group also adds Prometheus' own series).
    const loadBefore = estimateLoad(t, builtinCatalogs);
    expect(result.summary.seriesBefore).toBe(['p-eu', 'p-us'].reduce((s, id) => s + (loadBefore.servers[id]?.activeSeries ?? 0), 0));
    expect(result.summary.seriesAfter).toBeLessThan(result.summary.seriesBefore / 10);
  });

  it('does not repeat rules a leaf already records, and still pulls them (multi-dc)', () => {
    const t = example('multi-dc');
    const result = addGlobal(t, ['prom-us-1'], { series: ['node_cpu_seconds_total', 'node_load1'] }, builtinCatalogs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.leaves).toEqual([{ leaf: 'prom-us-1', records: ['job:node_cpu_seconds:rate5m', 'job:node_load1:sum'], added: 1 }]);
    expect(records(server(result.topology, 'p-us')).filter((r) => r === 'job:node_cpu_seconds:rate5m')).toHaveLength(1);
    expect(errorsOf(result.topology)).toEqual([]);
    // Grafana, which queries the leaf, gets the new global too.
    expect(result.topology.edges.some((e) => e.kind === 'datasource' && e.server === result.summary.globalId && e.grafana === 'g')).toBe(true);
  });

  it('picks automatically: up and the largest metrics of each leaf\'s exporters', () => {
    const result = addGlobal(example('multi-dc'), ['prom-eu-app'], { series: 'auto' }, builtinCatalogs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pulled = result.summary.leaves[0]?.records ?? [];
    expect(pulled[0]).toBe('job:up:sum');
    expect(pulled.some((r) => r.startsWith('job:container_'))).toBe(true);
    expect(pulled.some((r) => r.startsWith('job:kube_'))).toBe(true);
    expect(pulled.every((r) => /^job:[a-zA-Z_][a-zA-Z0-9_]*:(rate5m|sum|avg)$/.test(r))).toBe(true);
    expect(errorsOf(result.topology)).toEqual([]);
  });

  it('puts a global over imported real leaves (mlab federation setup, tidb) and it validates', () => {
    for (const setup of ['tidb-docker-compose', 'swarmprom']) {
      const t = importedReal(setup);
      const leaves = t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus' && n.external !== true && n.role !== 'global');
      expect(leaves.length, setup).toBeGreaterThan(0);
      const result = addGlobal(t, leaves.map((l) => l.id), { series: 'auto' }, builtinCatalogs);
      expect(result.ok ? errorsOf(result.topology) : [result.error], setup).toEqual([]);
    }
  });

  it('refuses a leaf named twice and a series that is a rule name', () => {
    const twice = addGlobal(example('federation'), ['prom-eu-1', 'p-eu']);
    expect(twice.ok ? '' : twice.error).toContain('named twice');
    const rule = addGlobal(example('federation'), ['prom-eu-1'], { series: ['job:up:sum'] });
    expect(rule.ok ? '' : rule.error).toContain('series "job:up:sum" is not a metric name');
  });
});
