/**
 * Slots other parts of the renderer fill without editing App.tsx. A file named `*.slot.tsx` under
 * `app/panels/` or `app/editors/` exports `slot` (one SlotContribution) or `slots` (a list); App
 * finds them with Vite's `import.meta.glob` at build time.
 */
import type { ComponentType } from 'react';

/**
 * - `toolbar`: buttons at the right end of the top bar (Open, Save, Export, ...).
 * - `sidebar`: a tab of the right sidebar, next to Inspector (Problems, Load, Export, Preview, ...).
 * - `statusbar`: an item of the bottom status bar (counts, file name, host mode, ...).
 * - `overlay`: rendered once above everything (dialogs, toasts).
 */
export type SlotName = 'toolbar' | 'sidebar' | 'statusbar' | 'overlay';

export interface SlotContribution {
  /** Unique id; for sidebar tabs also the value of `view.sidebarTab` that opens it. */
  readonly id: string;
  readonly slot: SlotName;
  /** Tab title / accessible label. */
  readonly title: string;
  /** Lower comes first (default 100). Inspector is 0. */
  readonly order?: number;
  readonly component: ComponentType;
}

export interface SlotModule {
  readonly slot?: SlotContribution;
  readonly slots?: readonly SlotContribution[];
}

/** Flattens the modules' contributions, sorted by slot order then id. */
export function collectSlots(modules: Record<string, SlotModule>): SlotContribution[] {
  const out: SlotContribution[] = [];
  for (const key of Object.keys(modules).sort()) {
    const m = modules[key];
    if (!m) continue;
    if (m.slot) out.push(m.slot);
    if (m.slots) out.push(...m.slots);
  }
  return out.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
}

export function slotsOf(all: readonly SlotContribution[], name: SlotName): SlotContribution[] {
  return all.filter((s) => s.slot === name);
}
