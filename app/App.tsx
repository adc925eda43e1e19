/**
 * The designer window. Layout:
 *
 *   +-------------------------------------------------------------+
 *   | Toolbar: title, undo/redo, layout, theme | toolbar slots     |
 *   +---------+-------------------------------+-------------------+
 *   | Palette |           Canvas              | Sidebar tabs:     |
 *   | (left)  |     (React Flow, centre)      | Inspector + slots |
 *   +---------+-------------------------------+-------------------+
 *   | Status bar: message | statusbar slots                       |
 *   +-------------------------------------------------------------+
 *
 * HOW TO MOUNT A PANEL (U1, U3, ...): create `app/panels/<x>/<Name>.slot.tsx` (or under
 * `app/editors/`) exporting `export const slot: SlotContribution = { id: 'problems', slot: 'sidebar',
 * title: 'Problems', order: 10, component: ProblemsPanel }` (or `slots: [...]` for several). Slots:
 * `toolbar`, `sidebar`, `statusbar`, `overlay` (see app/layout/slots.ts). App picks the file up at
 * build time; nothing to edit here. Open a sidebar tab from code with
 * `designerStore.getState().setView({ sidebarTab: 'problems' })`.
 * State and actions: app/store/ (useDesigner + selectors); user actions: app/commands/ (runCommand).
 */
import { AppShell } from './layout/AppShell.tsx';
import { collectSlots } from './layout/slots.ts';
import type { SlotModule } from './layout/slots.ts';

const slotModules = import.meta.glob<SlotModule>(['./panels/**/*.slot.tsx', './editors/**/*.slot.tsx'], { eager: true });
const contributions = collectSlots(slotModules);

export function App() {
  return <AppShell contributions={contributions} />;
}
