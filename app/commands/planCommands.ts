/**
 * The Plan commands (menus, shortcuts, toolbar and inspector buttons): each opens the preview of one
 * planning edit on the selected server(s); applying the preview is one undo step (planRequest.ts).
 */
import type { PrometheusNode } from '../../src/model/types.ts';
import type { DesignerState } from '../store/designerStore.ts';
import { openPlan, type PlanKind, type PlanParameters } from './planRequest.ts';
import type { Command } from './registry.ts';

/** The selected Prometheus servers that a plan can work on (not external sources). */
export function selectedServers(s: DesignerState): PrometheusNode[] {
  const ids = new Set(s.selection.nodes);
  return s.document.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus' && ids.has(n.id) && n.external !== true);
}

const oneServer = (s: DesignerState) => selectedServers(s).length === 1;
const someServers = (s: DesignerState) => selectedServers(s).some((n) => n.role !== 'global');

function defaults(server: PrometheusNode | undefined): PlanParameters {
  const shards = server?.hashmod?.shards ?? 1;
  return { into: 2, method: 'job', replicas: Math.max(2, server?.ha?.replicas ?? 2), grafanaFailover: false, series: 'auto', shards: shards + 1 };
}

function open(kind: PlanKind, s: DesignerState): void {
  const servers = selectedServers(s).filter((n) => kind !== 'global' || n.role !== 'global');
  openPlan({ kind, servers: servers.map((n) => n.id), parameters: defaults(servers[0]) });
}

export const PLAN_COMMAND_IDS = { split: 'plan.split', ha: 'plan.ha', global: 'plan.global', reshard: 'plan.reshard' } as const;

export const planCommands: readonly Command[] = [
  { id: PLAN_COMMAND_IDS.split, label: 'Split this server…', group: 'edit', keybindings: ['CmdOrCtrl+Alt+S'], enabled: oneServer, run: ({ store }) => open('split', store.getState()) },
  { id: PLAN_COMMAND_IDS.ha, label: 'Make HA…', group: 'edit', keybindings: ['CmdOrCtrl+Alt+H'], enabled: oneServer, run: ({ store }) => open('ha', store.getState()) },
  { id: PLAN_COMMAND_IDS.global, label: 'Add a global over these leaves…', group: 'edit', keybindings: ['CmdOrCtrl+Alt+G'], enabled: someServers, run: ({ store }) => open('global', store.getState()) },
  { id: PLAN_COMMAND_IDS.reshard, label: 'Change shard count…', group: 'edit', enabled: oneServer, run: ({ store }) => open('reshard', store.getState()) },
];
