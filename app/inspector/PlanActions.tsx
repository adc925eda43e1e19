/** The Plan commands for the inspected server: Split, Make HA, Add a global (each opens its preview). */
import type { PrometheusNode } from '../../src/model/types.ts';
import { PLAN_COMMAND_IDS } from '../commands/planCommands.ts';
import { openPlan } from '../commands/planRequest.ts';
import { runCommand } from '../commands/runCommand.ts';
import { designerStore } from '../store/useDesigner.ts';

/** Opens the resharding preview of `node` going to `shards` shards. */
export function previewShardChange(node: PrometheusNode, shards: number): void {
  openPlan({ kind: 'reshard', servers: [node.id], parameters: { into: 2, method: 'job', replicas: 2, grafanaFailover: false, series: 'auto', shards } });
}

export function PlanActions({ node }: { node: PrometheusNode }) {
  if (node.external) return null;
  // The inspector shows one selected node: the commands work on the selection.
  const run = (id: string) => {
    designerStore.getState().select({ nodes: [node.id], edges: [] });
    runCommand(id);
  };
  return (
    <div className="pt-plan-actions" role="group" aria-label="Plan">
      <button type="button" className="pt-small-button" data-testid="inspector-plan-split" onClick={() => run(PLAN_COMMAND_IDS.split)}>Split…</button>
      <button type="button" className="pt-small-button" data-testid="inspector-plan-ha" onClick={() => run(PLAN_COMMAND_IDS.ha)}>Make HA…</button>
      {node.role !== 'global' && <button type="button" className="pt-small-button" data-testid="inspector-plan-global" onClick={() => run(PLAN_COMMAND_IDS.global)}>Add a global…</button>}
      <button type="button" className="pt-small-button" data-testid="inspector-plan-reshard" onClick={() => run(PLAN_COMMAND_IDS.reshard)}>Shards…</button>
    </div>
  );
}
