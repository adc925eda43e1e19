/** Test builders: a small topology (2 leaves with targets, a global, an Alertmanager, Grafana). */
import { emptyTopology } from '../document.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../types.ts';
import { newNode } from './nodeTemplates.ts';
import type { NodeTemplate } from './nodeTemplates.ts';

/** Adds nodes from templates (ids n1, n2, ... in order) and the given edges. */
export function makeTopology(templates: readonly NodeTemplate[], edges: readonly TopologyEdge[] = []): Topology {
  let t = emptyTopology('test');
  templates.forEach((template, i) => {
    const node: TopologyNode = newNode(t, template, { x: i * 100, y: 0 });
    t = { ...t, nodes: [...t.nodes, node] };
  });
  return { ...t, edges: [...edges] };
}

/** n1 targets -> n2 leaf -> n4 global <- n3 leaf, n4 -> n5 alertmanager, n6 grafana -> n4. */
export function sampleTopology(): Topology {
  return makeTopology(['targets', 'leaf', 'leaf', 'global', 'alertmanager', 'grafana'], [
    { id: 'e1', kind: 'scrape', server: 'n2', targets: 'n1' },
    { id: 'e2', kind: 'federation', server: 'n4', source: 'n2', match: ['{__name__=~"job:.+"}'], honorLabels: true },
    { id: 'e3', kind: 'federation', server: 'n4', source: 'n3', match: ['up'], honorLabels: true },
    { id: 'e4', kind: 'alert', server: 'n4', alertmanager: 'n5' },
    { id: 'e5', kind: 'datasource', grafana: 'n6', server: 'n4', isDefault: true },
  ]);
}
