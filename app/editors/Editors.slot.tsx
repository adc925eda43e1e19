/** Sidebar tabs of the Monaco panes. Monaco loads on first use (lazy), not with the app. */
import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';
import { provideSelectorEditor } from '../inspector/selectorEditorSeam.ts';
import type { SelectorEditorProps } from '../inspector/selectorEditorSeam.ts';
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

/** The inspector's match[] selectors get the Monaco editor; a plain field shows while Monaco loads. */
const LazySelectorEditor = lazy(async () => ({ default: (await import('./SelectorEditor.tsx')).SelectorEditor }));
function MonacoSelectorEditor(props: SelectorEditorProps) {
  return (
    <Suspense fallback={<input className="pt-input mono" aria-label={props.ariaLabel} value={props.value} readOnly />}>
      <LazySelectorEditor {...props} />
    </Suspense>
  );
}
provideSelectorEditor(MonacoSelectorEditor);

const RawYaml = lazyPane(async () => (await import('./RawYamlPane.tsx')).RawYamlPane);
const Changes = lazyPane(async () => (await import('./ChangesPane.tsx')).ChangesPane);

export const slots: readonly SlotContribution[] = [
  { id: 'config', slot: 'sidebar', title: 'Config', order: 40, component: ConfigPreview },
  { id: 'changes', slot: 'sidebar', title: 'Changes', order: 41, component: Changes },
  { id: 'raw-yaml', slot: 'sidebar', title: 'Raw YAML', order: 42, component: RawYaml },
];
