/** Mounts the Plan commands: registers them (menus, shortcuts), toolbar buttons, and the preview dialog. */
import { planCommands } from '../../commands/planCommands.ts';
import { registerCommands } from '../../commands/registry.ts';
import type { SlotContribution } from '../../layout/slots.ts';
import { PlanDialog } from './PlanDialog.tsx';
import { PlanTools } from './PlanTools.tsx';

registerCommands(planCommands);

export const slots: readonly SlotContribution[] = [
  { id: 'plan-tools', slot: 'toolbar', title: 'Plan', order: 5, component: PlanTools },
  { id: 'plan-dialog', slot: 'overlay', title: 'Plan preview', order: 5, component: PlanDialog },
];
