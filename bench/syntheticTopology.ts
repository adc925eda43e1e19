/**
 * Synthetic topologies for the benches: `servers` Prometheus servers, of which one in 50 (at least
 * one) is a global; the leaves each scrape a node_exporter group and their own Prometheus, record
 * job: rules, and are federated (`{__name__=~"job:.*"}`) by the globals in turn.
 */
import { TopologySchema } from '../src/model/schema.ts';
import type { Topology } from '../src/model/types.ts';

/** A valid topology with `servers` Prometheus servers (leaves + globals). */
export function syntheticTopology(servers: number, targetsPerGroup = 20): Topology {
  const globals = Math.max(1, Math.floor(servers / 50));
  const leaves = Math.max(0, servers - globals);
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let g = 0; g < globals; g++) {
    nodes.push({ id: `g${g}`, kind: 'prometheus', role: 'global', name: `global-${g}`, address: `global-${g}:9090`, externalLabels: { tier: `global-${g}` }, position: { x: g * 300, y: 0 } });
  }
  for (let i = 0; i < leaves; i++) {
    nodes.push({
      id: `l${i}`, kind: 'prometheus', role: 'leaf', name: `leaf-${i}`, address: `leaf-${i}:9090`,
      externalLabels: { dc: `dc-${i}` },
      ruleGroups: [{ name: 'job-aggregates', rules: [
        { record: 'job:up:sum', expr: 'sum by (job) (up)' },
        { record: 'job:node_cpu_seconds:rate5m', expr: 'sum by (job, mode) (rate(node_cpu_seconds_total[5m]))' },
      ] }],
      position: { x: i * 250, y: 300 },
    });
    nodes.push({
      id: `t${i}`, kind: 'targets', name: `node-${i}`, exporter: 'node_exporter', labels: { dc: `dc-${i}` },
      targets: Array.from({ length: targetsPerGroup }, (_, k) => `host-${i}-${k}:9100`), position: { x: i * 250, y: 500 },
    });
    nodes.push({ id: `p${i}`, kind: 'targets', name: `prometheus-${i}`, exporter: 'prometheus', targets: [`leaf-${i}:9090`], position: { x: i * 250, y: 650 } });
    edges.push({ id: `s${i}`, kind: 'scrape', server: `l${i}`, targets: `t${i}` });
    edges.push({ id: `sp${i}`, kind: 'scrape', server: `l${i}`, targets: `p${i}` });
    edges.push({ id: `f${i}`, kind: 'federation', server: `g${i % globals}`, source: `l${i}`, match: ['{__name__=~"job:.*"}'], scrapeInterval: '30s', scrapeTimeout: '25s' });
  }
  return TopologySchema.parse({ format: 'promtopo', version: 1, name: `synthetic ${servers} servers`, nodes, edges });
}
