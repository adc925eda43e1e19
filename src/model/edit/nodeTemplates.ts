/**
 * What the palette creates: a new node of each kind with sensible, valid defaults and a unique,
 * DNS-safe name. Pure and deterministic (ids from model/names.ts nextId).
 */
import { nextId, uniqueName } from '../names.ts';
import { RECEIVERS } from '../receivers.ts';
import type { Topology, TopologyNode } from '../types.ts';

/** The palette's items, in palette order. */
export const NODE_TEMPLATES = ['leaf', 'global', 'shard', 'agent', 'targets', 'alertmanager', 'grafana', 'mimir', 'thanos-receive', 'victoriametrics', 'thanos-querier'] as const;
export type NodeTemplate = (typeof NODE_TEMPLATES)[number];

/** The palette names (also the accessible labels). */
export const TEMPLATE_LABELS: Record<NodeTemplate, string> = {
  leaf: 'Leaf Prometheus',
  global: 'Global Prometheus',
  shard: 'Shard Prometheus',
  agent: 'Prometheus agent',
  targets: 'Target group',
  alertmanager: 'Alertmanager',
  grafana: 'Grafana',
  mimir: 'Grafana Mimir',
  'thanos-receive': 'Thanos Receive',
  victoriametrics: 'VictoriaMetrics',
  'thanos-querier': 'Thanos querier',
};

const baseNames: Record<NodeTemplate, string> = {
  leaf: 'leaf',
  global: 'global',
  shard: 'shard',
  agent: 'agent',
  targets: 'node-exporter',
  alertmanager: 'alertmanager',
  grafana: 'grafana',
  mimir: 'mimir',
  'thanos-receive': 'thanos-receive',
  victoriametrics: 'victoriametrics',
  'thanos-querier': 'thanos-query',
};

export function isNodeTemplate(value: string): value is NodeTemplate {
  return (NODE_TEMPLATES as readonly string[]).includes(value);
}

/** A new node of the template's kind at `position`, with an id and name unused in `topology`. */
export function newNode(topology: Topology, template: NodeTemplate, position: { x: number; y: number }): TopologyNode {
  const id = nextId(topology, 'n');
  const name = uniqueName(baseNames[template], topology.nodes.map((n) => n.name));
  const at = { x: Math.round(position.x), y: Math.round(position.y) };
  switch (template) {
    case 'leaf':
    case 'global':
    case 'shard':
      return {
        id,
        kind: 'prometheus',
        role: template,
        name,
        address: `${name}:9090`,
        addressFromName: true,
        externalLabels: template === 'global' ? {} : { dc: name },
        scrapeInterval: template === 'global' ? '30s' : '15s',
        scrapeTimeout: '10s',
        evaluationInterval: template === 'global' ? '30s' : '15s',
        retention: template === 'global' ? '90d' : '15d',
        ruleGroups: [],
        scrapeSelf: true,
        position: at,
      };
    case 'agent':
      return {
        id, kind: 'prometheus', role: 'leaf', mode: 'agent', name, address: `${name}:9090`, addressFromName: true,
        externalLabels: { dc: name }, scrapeInterval: '15s', scrapeTimeout: '10s', evaluationInterval: '15s', retention: '15d',
        ruleGroups: [], scrapeSelf: true, position: at,
      };
    case 'mimir':
    case 'thanos-receive':
    case 'victoriametrics':
      return { id, kind: template, name, address: `${name}:${RECEIVERS[template].defaultPort}`, position: at };
    case 'thanos-querier':
      return { id, kind: 'thanos-querier', name, address: `${name}:10902`, replicaLabels: ['replica'], position: at };
    case 'targets':
      return { id, kind: 'targets', name, targets: [], count: 3, port: 9100, exporter: 'node_exporter', labels: {}, position: at };
    case 'alertmanager':
      return { id, kind: 'alertmanager', name, instances: [{ address: `${name}:9093` }], position: at };
    case 'grafana':
      return { id, kind: 'grafana', name, address: `${name}:3000`, position: at };
  }
}

/** Adds a node (its id must be unused). */
export function addNode(topology: Topology, node: TopologyNode): Topology {
  return { ...topology, nodes: [...topology.nodes, node] };
}
