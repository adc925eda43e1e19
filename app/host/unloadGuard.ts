/**
 * Browser mode's guard against losing work: while the document has unsaved changes, reloading or
 * closing the tab asks first (the browser's own "Leave site?" prompt). The listener exists only
 * while the document is dirty, so a saved or untouched document closes without a prompt. Electron
 * guards its window in the main process instead (a beforeunload veto there would close nothing).
 */
import { selectDirty } from '../store/selectors.ts';
import type { DesignerStore } from '../store/designerStore.ts';

function onBeforeUnload(event: BeforeUnloadEvent): void {
  // The standard way to ask for the prompt (Chromium 119+, Firefox, Safari).
  event.preventDefault();
}

/** Keeps the `beforeunload` listener on `target` in step with the store's dirty state; returns the uninstaller. */
export function installUnloadGuard(store: DesignerStore, target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  let guarded = false;
  const sync = () => {
    const dirty = selectDirty(store.getState());
    if (dirty === guarded) return;
    guarded = dirty;
    if (dirty) target.addEventListener('beforeunload', onBeforeUnload);
    else target.removeEventListener('beforeunload', onBeforeUnload);
  };
  sync();
  const unsubscribe = store.subscribe(sync);
  return () => {
    unsubscribe();
    if (guarded) target.removeEventListener('beforeunload', onBeforeUnload);
  };
}
