/**
 * Named what-ifs for the capacity report: pure transforms of a document, compared side by side with
 * the design as it is. `promtopo report --scenario ID` picks them by id.
 */
import { placeholderPort } from '../model/targets.ts';
import type { Topology, TopologyNode } from '../model/types.ts';

export interface Scenario {
  /** Stable id for `--scenario` (`targets+50`, `retention-30d`). */
  readonly id: string;
  /** The column heading (`+50% targets`). */
  readonly name: string;
  /** What it changes, in one sentence. */
  readonly description: string;
  readonly apply: (topology: Topology) => Topology;
}

/** Every target group has `factor` times its targets (rounded up): listed, placeholder and discovered ones. */
export function scaleTargets(topology: Topology, factor: number): Topology {
  const grow = (n: number) => Math.ceil(n * factor);
  const nodes = topology.nodes.map((node): TopologyNode => {
    if (node.kind !== 'targets') return node;
    let next = node;
    if (node.targets.length > 0) {
      const extra = grow(node.targets.length) - node.targets.length;
      const port = placeholderPort(node);
      const added = Array.from({ length: Math.max(0, extra) }, (_, i) => `${node.name}-extra-${i + 1}:${port}`);
      next = { ...next, targets: [...node.targets, ...added] };
    } else if (node.count !== undefined) next = { ...next, count: grow(node.count) };
    if (node.discovery?.targets !== undefined) next = { ...next, discovery: { ...node.discovery, targets: grow(node.discovery.targets) } };
    return next;
  });
  return { ...topology, nodes };
}

/** Every server of the topology (not external ones) keeps `retention`. */
export function setRetention(topology: Topology, retention: string): Topology {
  const nodes = topology.nodes.map((node): TopologyNode => (node.kind === 'prometheus' && !node.external ? { ...node, retention } : node));
  return { ...topology, nodes };
}

export const SCENARIOS: readonly Scenario[] = [
  { id: 'targets+50', name: '+50% targets', description: 'Every target group has half as many targets again (rounded up).', apply: (t) => scaleTargets(t, 1.5) },
  { id: 'retention-30d', name: 'retention 30d', description: 'Every server keeps 30 days of data.', apply: (t) => setRetention(t, '30d') },
];

/** The scenarios called `ids` (all when empty), or the first unknown id. */
export function pickScenarios(ids: readonly string[]): { ok: true; scenarios: Scenario[] } | { ok: false; unknown: string } {
  if (ids.length === 0) return { ok: true, scenarios: [...SCENARIOS] };
  const picked: Scenario[] = [];
  for (const id of ids) {
    const found = SCENARIOS.find((s) => s.id === id);
    if (!found) return { ok: false, unknown: id };
    if (!picked.includes(found)) picked.push(found);
  }
  return { ok: true, scenarios: picked };
}
