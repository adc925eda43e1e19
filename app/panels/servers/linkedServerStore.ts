/**
 * Links of server instances to running Prometheus servers, and their last measurements. The links
 * live in the host's local settings (serverLinks), never in the document or its undo history; this
 * store mirrors them and holds the measurements. `createLinkedServerStore(call)` takes the host's
 * `call`, so tests drive it against a real host.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HostClient } from '../../host/hostClient.ts';
import type { InstanceMeasurement } from './linkedView.ts';

export interface LinkedServerState {
  /** Link key -> URL, as the host's settings hold them. */
  readonly links: Readonly<Record<string, string>>;
  readonly measurements: Readonly<Record<string, InstanceMeasurement>>;
  /** Why the last link change was refused, per link key. */
  readonly linkErrors: Readonly<Record<string, string>>;
}

export interface LinkedServerActions {
  /** Reads every link from the host's settings. */
  load(): Promise<void>;
  /** Links `key` to `url` (empty: unlinks). Resolves the refusal message, or undefined when stored. */
  setLink(key: string, url: string): Promise<string | undefined>;
  /** Measures every linked key of `keys` (one host call each, side by side). */
  measure(keys: readonly string[]): Promise<void>;
}

export type LinkedServerStore = StoreApi<LinkedServerState> & LinkedServerActions;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createLinkedServerStore(call: HostClient['call']): LinkedServerStore {
  const store = createStore<LinkedServerState>()(() => ({ links: {}, measurements: {}, linkErrors: {} }));
  const withoutKey = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
    const next = { ...record };
    delete next[key];
    return next;
  };

  async function load(): Promise<void> {
    try {
      const r = await call('serverLinks', {});
      store.setState({ links: r.links });
    } catch {
      // No settings reachable: nothing is linked.
    }
  }

  async function setLink(key: string, url: string): Promise<string | undefined> {
    const trimmed = url.trim();
    try {
      const r = await call('serverLinks', { set: { key, url: trimmed === '' ? null : trimmed } });
      if (!r.ok) {
        const error = r.error ?? `${trimmed}: refused`;
        store.setState((s) => ({ linkErrors: { ...s.linkErrors, [key]: error } }));
        return error;
      }
      store.setState((s) => ({ links: r.links, linkErrors: withoutKey(s.linkErrors, key), measurements: withoutKey(s.measurements, key) }));
      return undefined;
    } catch (e) {
      const error = `${trimmed}: could not be saved (${message(e)})`;
      store.setState((s) => ({ linkErrors: { ...s.linkErrors, [key]: error } }));
      return error;
    }
  }

  async function measureOne(key: string, url: string): Promise<void> {
    store.setState((s) => ({ measurements: { ...s.measurements, [key]: { state: 'measuring', url } } }));
    let result: InstanceMeasurement;
    try {
      const r = await call('measureServer', { url });
      result = r.ok && r.measured ? { state: 'measured', url, measured: r.measured } : { state: 'failed', url, error: r.error ?? `${url}: no measurement` };
    } catch (e) {
      result = { state: 'failed', url, error: `${url}: ${message(e)}` };
    }
    // A link changed while measuring keeps its own state.
    if (store.getState().links[key] !== url) return;
    store.setState((s) => ({ measurements: { ...s.measurements, [key]: result } }));
  }

  async function measure(keys: readonly string[]): Promise<void> {
    const { links } = store.getState();
    await Promise.all(keys.flatMap((k) => (links[k] !== undefined ? [measureOne(k, links[k])] : [])));
  }

  return Object.assign(store, { load, setLink, measure });
}
