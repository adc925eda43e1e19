/** Sidebar tabs of the Monaco panes. Monaco loads on first use (lazy), not with the app. */
import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';
import type { SlotContribution } from '../layout/slots.ts';

function lazyPane(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Pane() {
    return (
      <Suspense fallback={<p className="pt-editor-empty">Loading editor…</p>}>
        <Lazy />
      </Suspense>
    );
  };
}

const ConfigPreview = lazyPane(async () => (await import('./ConfigPreviewPane.tsx')).ConfigPreviewPane);

export const slots: readonly SlotContribution[] = [{ id: 'config', slot: 'sidebar', title: 'Config', order: 40, component: ConfigPreview }];
