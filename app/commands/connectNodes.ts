/**
 * Connecting two nodes, from the canvas (a handle dragged onto another) or from the inspector's
 * "Connect to" field: the connection rules decide the edge, a refusal is told in the status bar,
 * and the new edge is selected. One undo step.
 */
import { connect, planConnection } from '../../src/model/edit/connect.ts';
import { edgeKindLabel } from '../../src/model/lookup.ts';
import type { DesignerStore } from '../store/designerStore.ts';

/** Connects `from` to `to`; returns the new edge's id, or undefined when the rules refuse. */
export function connectNodes(store: DesignerStore, from: string, to: string): string | undefined {
  const state = store.getState();
  const before = state.document;
  const plan = planConnection(before, from, to);
  if (!plan.ok) {
    state.notify(`Not connected: ${plan.reason}`, 'error');
    return undefined;
  }
  const after = connect(before, from, to);
  const created = after.edges.at(-1);
  state.apply(() => after, { nodes: [], edges: created ? [created.id] : [] });
  state.notify(`Connected: ${edgeKindLabel(plan.edge.kind)} edge.`, 'success');
  return created?.id;
}
