/**
 * First start: open the richest built-in example (`multi-dc`, else `federation`, else the first one)
 * so a new user sees a working topology. Does nothing when a document is already loaded.
 */
import { parseTopology } from '../../src/model/document.ts';
import type { HostClient } from '../host/hostClient.ts';
import type { DesignerStore } from '../store/designerStore.ts';

/** Examples in order of preference for the first start. */
export const FIRST_START_EXAMPLES = ['multi-dc', 'federation'] as const;

export function chooseFirstExample(ids: readonly string[]): string | undefined {
  return FIRST_START_EXAMPLES.find((id) => ids.includes(id)) ?? ids[0];
}

/** Loads the first-start example into the store; returns its id, or undefined (with a status message). */
export async function openFirstExample(host: Pick<HostClient, 'call'>, store: DesignerStore): Promise<string | undefined> {
  const untouched = store.getState().document;
  try {
    const { examples } = await host.call('listExamples', {});
    const id = chooseFirstExample(examples.map((e) => e.id));
    if (!id) return undefined;
    const res = await host.call('loadExample', { id });
    if (!res.ok || res.text === undefined) {
      store.getState().notify(`Could not open the example "${id}": ${res.error ?? 'no text'}`, 'error');
      return undefined;
    }
    const parsed = parseTopology(res.text, `example ${id}`);
    if (!parsed.ok) {
      store.getState().notify(parsed.diagnostics[0]?.message ?? `example ${id} is not a valid topology`, 'error');
      return undefined;
    }
    // The user may have started drawing meanwhile: never replace their work.
    if (store.getState().document !== untouched) return undefined;
    store.getState().loadDocument(parsed.topology, null);
    return id;
  } catch (e) {
    store.getState().notify(`Could not open an example: ${e instanceof Error ? e.message : String(e)}`, 'error');
    return undefined;
  }
}
