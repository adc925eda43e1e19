import { describe, expect, it } from 'vitest';
import { sampleTopology } from '../../src/model/edit/testTopology.ts';
import { updateNode } from '../../src/model/edit/updateElement.ts';
import { createDesignerStore } from '../store/designerStore.ts';
import { installUnloadGuard } from './unloadGuard.ts';

/** Dispatches a cancelable beforeunload; true when a listener asked the browser to prompt. */
function unloadIsVetoed(target: EventTarget): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('installUnloadGuard', () => {
  it('asks before unloading only while the document has unsaved changes', () => {
    const store = createDesignerStore({ document: sampleTopology() });
    const window = new EventTarget();
    const remove = installUnloadGuard(store, window as unknown as Window);
    expect(unloadIsVetoed(window)).toBe(false);

    store.getState().apply((t) => updateNode(t, 'n2', { name: 'leaf-renamed' }));
    expect(unloadIsVetoed(window)).toBe(true);

    store.getState().markSaved('/tmp/x.promtopo.json');
    expect(unloadIsVetoed(window)).toBe(false);

    store.getState().apply((t) => updateNode(t, 'n2', { name: 'leaf-again' }));
    store.getState().undo();
    expect(unloadIsVetoed(window)).toBe(false); // back to the saved document

    store.getState().redo();
    remove();
    expect(unloadIsVetoed(window)).toBe(false);
  });
});
