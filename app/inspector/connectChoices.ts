/** The nodes the selected node can be connected to, with the edge each connection would make. */
import { planConnection } from '../../src/model/edit/connect.ts';
import type { Topology } from '../../src/model/types.ts';

export interface ConnectChoice {
  readonly id: string;
  readonly name: string;
  /** What the connection would create: `scrape`, `federation`, `alert`, `datasource`. */
  readonly edgeKind: string;
}

/** Every other node `nodeId` can be connected to now, sorted by name. */
export function connectChoices(t: Topology, nodeId: string): ConnectChoice[] {
  const out: ConnectChoice[] = [];
  for (const other of t.nodes) {
    if (other.id === nodeId) continue;
    const plan = planConnection(t, nodeId, other.id);
    if (plan.ok) out.push({ id: other.id, name: other.name, edgeKind: plan.edge.kind });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const edgeWords: Record<string, string> = { scrape: 'scrape', federation: 'federation', alert: 'alerts', datasource: 'data source' };

/** The option text: `prom-eu (scrape)`. */
export function choiceLabel(c: ConnectChoice): string {
  return `${c.name} (${edgeWords[c.edgeKind] ?? c.edgeKind})`;
}
