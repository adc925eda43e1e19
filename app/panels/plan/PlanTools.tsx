/** Toolbar buttons of the Plan commands, enabled by the selection (the same commands as the menus). */
import { getCommand } from '../../commands/registry.ts';
import { PLAN_COMMAND_IDS } from '../../commands/planCommands.ts';
import { runCommand } from '../../commands/runCommand.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import type { DesignerState } from '../../store/designerStore.ts';

const BUTTONS = [
  { id: PLAN_COMMAND_IDS.split, text: 'Split' },
  { id: PLAN_COMMAND_IDS.ha, text: 'Make HA' },
  { id: PLAN_COMMAND_IDS.global, text: 'Add global' },
] as const;

const enabledOf = (s: DesignerState) => BUTTONS.map((b) => getCommand(b.id)?.enabled?.(s) ?? true).join(',');

export function PlanTools() {
  const enabled = useDesigner(enabledOf).split(',');
  return (
    <div className="ptp-plan-tools" role="toolbar" aria-label="Plan">
      {BUTTONS.map((b, i) => (
        <button key={b.id} type="button" className="pt-tool" disabled={enabled[i] !== 'true'} title={getCommand(b.id)?.label} data-testid={`tool-${b.id}`} onClick={() => runCommand(b.id)}>
          {b.text}
        </button>
      ))}
    </div>
  );
}
