/** The Plan commands: enabled by the selection, open the preview, and applying it is one undo step. */
import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import hashmodShards from '../../assets/examples/hashmod-shards.promtopo.json';
import multiDc from '../../assets/examples/multi-dc.promtopo.json';
import { parseTopologyValue } from '../../src/model/document.ts';
import type { PrometheusNode } from '../../src/model/types.ts';
import { createDesignerStore, type DesignerStore } from '../store/designerStore.ts';
import type { CanvasBridge } from './canvasBridge.ts';
import { planCommands } from './planCommands.ts';
import { applyPlan, closePlan, planRequestStore, updatePlanParameters } from './planRequest.ts';
import { registerCommands } from './registry.ts';
import { runCommandWith } from './runCommand.ts';

registerCommands(planCommands);

const canvas: CanvasBridge = { centre: () => ({ x: 0, y: 0 }), fitView: () => {}, zoomIn: () => {}, zoomOut: () => {}, reveal: () => {}, ensureVisible: () => {}, cardSizes: () => new Map() };

function store(selection: string[]): DesignerStore {
  const parsed = parseTopologyValue(multiDc);
  if (!parsed.ok) throw new Error('multi-dc does not parse');
  const s = createDesignerStore({ document: parsed.topology });
  s.getState().select({ nodes: selection, edges: [] });
  return s;
}

/** Runs the command, applies its preview, checks one undo step that undo reverts and redo repeats. */
function doAndUndo(s: DesignerStore, id: string, patch: Parameters<typeof updatePlanParameters>[0] = {}) {
  const before = s.getState().document;
  expect(runCommandWith(id, s, canvas)).toBe(true);
  const request = planRequestStore.getState().request;
  expect(request).not.toBeNull();
  updatePlanParameters(patch);
  const outcome = applyPlan(s, planRequestStore.getState().request!, builtinCatalogs);
  closePlan();
  expect(outcome.ok ? '' : outcome.error).toBe('');
  const after = s.getState().document;
  const selected = s.getState().selection.nodes;
  expect(after).not.toBe(before);
  expect(s.temporal.getState().pastStates).toHaveLength(1);
  s.getState().undo();
  expect(s.getState().document).toBe(before);
  s.getState().redo();
  expect(s.getState().document).toBe(after);
  return selected;
}

const server = (t: DesignerStore, name: string) => t.getState().document.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.name === name);

describe('plan commands', () => {
  it('are disabled without a selected server', () => {
    const s = store(['t-node-eu']);
    for (const c of planCommands) expect(runCommandWith(c.id, s, canvas), c.id).toBe(false);
    expect(planRequestStore.getState().request).toBeNull();
  });

  it('split: one undo step, the parts selected', () => {
    const s = store(['p-app']);
    const selected = doAndUndo(s, 'plan.split', { into: 2, method: 'job' });
    expect(server(s, 'prom-eu-app-2')).toBeDefined();
    expect(selected).toEqual(['p-app', server(s, 'prom-eu-app-2')?.id]);
  });

  it('make HA: one undo step', () => {
    const s = store(['p-us']);
    doAndUndo(s, 'plan.ha', { replicas: 2 });
    expect(server(s, 'prom-us-1')?.ha?.replicas).toBe(2);
  });

  it('make HA with Grafana failover: the data source edges and the server change in one undo step', () => {
    const s = store(['p-us']);
    doAndUndo(s, 'plan.ha', { replicas: 2, grafanaFailover: true });
    const sources = s.getState().document.edges.filter((e) => e.kind === 'datasource' && e.server === 'p-us');
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((e) => e.kind === 'datasource' && e.replicas === 'each')).toBe(true);
  });

  it('add a global over two selected leaves: one undo step, the global selected', () => {
    const s = store(['p-us', 'p-db']);
    const selected = doAndUndo(s, 'plan.global', { series: 'node_load1, up' });
    const global = s.getState().document.nodes.find((n) => n.name === 'global');
    expect(global).toBeDefined();
    expect(selected).toEqual([global?.id]);
    expect(s.getState().document.edges.filter((e) => e.kind === 'federation' && e.server === global?.id)).toHaveLength(2);
  });

  it('reshard: opens with one more shard and applies as one step', () => {
    const parsed = parseTopologyValue(hashmodShards);
    if (!parsed.ok) throw new Error('hashmod-shards does not parse');
    const s = createDesignerStore({ document: parsed.topology });
    s.getState().select({ nodes: ['p-shards'], edges: [] });
    expect(runCommandWith('plan.reshard', s, canvas)).toBe(true);
    expect(planRequestStore.getState().request?.parameters.shards).toBe(4);
    closePlan();
    doAndUndo(s, 'plan.reshard');
    expect(server(s, 'prom-node')?.hashmod?.shards).toBe(4);
  });
});
