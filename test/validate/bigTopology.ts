/** A large, healthy topology for performance tests: `servers` leaves (each scraping its own group) under one global per 50 leaves. */
import { makeTopology, federation, scrape, server, targets } from '../../src/validate/testBuilders.ts';
import type { Topology } from '../../src/model/types.ts';

export function bigTopology(servers: number): Topology {
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const globals = Math.max(1, Math.ceil(servers / 50));
  for (let g = 0; g < globals; g++) nodes.push(server(`global-${g}`, { role: 'global' }));
  for (let i = 0; i < servers - globals; i++) {
    const leaf = `leaf-${i}`;
    const group = `node-${i}`;
    nodes.push(server(leaf, {
      ruleGroups: [{ name: 'node', rules: [{ record: 'job:node_cpu:rate5m', expr: 'sum by (job) (rate(node_cpu_seconds_total[5m]))' }] }],
    }));
    nodes.push(targets(group, Array.from({ length: 5 }, (_, t) => `${group}-${t}:9100`)));
    edges.push(scrape(leaf, group));
    edges.push(federation(`global-${i % globals}`, leaf, ['{__name__=~"job:.*"}', 'up{job="node"}']));
  }
  return makeTopology(nodes, edges);
}
