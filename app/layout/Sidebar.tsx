/** The right sidebar: tabs (Inspector first, then the contributed ones), one panel shown at a time; `children` go on its edge (the resizer). */
import type { ReactNode } from 'react';
import { Inspector } from '../inspector/Inspector.tsx';
import { selectView } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import type { SlotContribution } from './slots.ts';

const inspectorTab: SlotContribution = { id: 'inspector', slot: 'sidebar', title: 'Inspector', order: 0, component: Inspector };

export function Sidebar({ tabs, children }: { tabs: readonly SlotContribution[]; children?: ReactNode }) {
  const { sidebarTab } = useDesigner(selectView);
  const all = [inspectorTab, ...tabs];
  const active = all.find((t) => t.id === sidebarTab) ?? inspectorTab;
  const Panel = active.component;
  return (
    <aside className="pt-sidebar" aria-label="Side panels">
      {children}
      <div className="pt-tabs" role="tablist">
        {all.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active.id}
            aria-controls={`panel-${t.id}`}
            className={`pt-tab${t.id === active.id ? ' active' : ''}`}
            onClick={() => designerStore.getState().setView({ sidebarTab: t.id })}
          >
            {t.title}
          </button>
        ))}
      </div>
      <div className="pt-tab-panel" role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
        <Panel />
      </div>
    </aside>
  );
}
