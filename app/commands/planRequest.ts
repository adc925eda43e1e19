/**
 * Which planning command the user is previewing (split, HA, global, reshard) and on which servers.
 * View state only, in a small store of its own: the document changes once, when the preview is applied.
 */
import { createStore } from 'zustand/vanilla';
import type { ExporterCatalog } from '../../src/estimate/catalog.ts';
import type { Topology } from '../../src/model/types.ts';
import { addGlobal } from '../../src/plan/global.ts';
import { makeHa } from '../../src/plan/ha.ts';
import type { PlanOutcome } from '../../src/plan/outcome.ts';
import { reshard } from '../../src/plan/reshard.ts';
import { splitServer, type SplitMethod } from '../../src/plan/split.ts';
import type { DesignerStore } from '../store/designerStore.ts';

export type PlanKind = 'split' | 'ha' | 'global' | 'reshard';

/** The command's parameters as the preview dialog edits them. */
export interface PlanParameters {
  readonly into: number;
  readonly method: SplitMethod;
  readonly replicas: number;
  /** Make HA: a Grafana data source per replica. */
  readonly grafanaFailover: boolean;
  /** Comma-separated metric names, or `auto`. */
  readonly series: string;
  readonly shards: number;
}

export interface PlanRequest {
  readonly kind: PlanKind;
  /** The server (split, ha, reshard) or the leaves (global). */
  readonly servers: readonly string[];
  readonly parameters: PlanParameters;
}

export const planRequestStore = createStore<{ request: PlanRequest | null }>()(() => ({ request: null }));

export function openPlan(request: PlanRequest): void {
  planRequestStore.setState({ request });
}

export function closePlan(): void {
  planRequestStore.setState({ request: null });
}

export function updatePlanParameters(patch: Partial<PlanParameters>): void {
  const request = planRequestStore.getState().request;
  if (request) planRequestStore.setState({ request: { ...request, parameters: { ...request.parameters, ...patch } } });
}

/** What the request would do to `document` (the pure planning edit). */
export function planOutcome(document: Topology, request: PlanRequest, catalogs: readonly ExporterCatalog[]): PlanOutcome<unknown> {
  const p = request.parameters;
  const first = request.servers[0] ?? '';
  switch (request.kind) {
    case 'split':
      return splitServer(document, first, p.into, p.method, catalogs);
    case 'ha':
      return makeHa(document, first, { replicas: p.replicas, grafanaFailover: p.grafanaFailover });
    case 'global': {
      const series = p.series.trim() === '' || p.series.trim() === 'auto' ? 'auto' : p.series.split(',').map((m) => m.trim()).filter((m) => m !== '');
      return addGlobal(document, request.servers, { series }, catalogs);
    }
    case 'reshard':
      return reshard(document, first, p.shards);
  }
}

/** Applies the request to the store's document as one undo step, selecting the servers it made or changed. */
export function applyPlan(store: DesignerStore, request: PlanRequest, catalogs: readonly ExporterCatalog[]): PlanOutcome<unknown> {
  const before = store.getState().document;
  const outcome = planOutcome(before, request, catalogs);
  if (!outcome.ok) return outcome;
  const after = outcome.topology;
  const known = new Set(before.nodes.map((n) => n.id));
  const added = after.nodes.filter((n) => !known.has(n.id)).map((n) => n.id);
  const selected = added.length > 0 ? [...request.servers.filter((id) => after.nodes.some((n) => n.id === id) && request.kind !== 'global'), ...added] : request.servers.filter((id) => after.nodes.some((n) => n.id === id));
  store.getState().apply(() => after, { nodes: selected, edges: [] });
  return outcome;
}
