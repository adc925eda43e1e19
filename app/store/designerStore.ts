/**
 * The designer's store: the document, its file, the selection and the view state. Made by a factory
 * (one store per app instance or test). History (zundo) tracks the document only: one `apply` = one
 * undo step; selection and view changes are never steps. Derived values live in selectors.ts.
 */
import { temporal } from 'zundo';
import type { TemporalState } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { emptyTopology } from '../../src/model/document.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../src/model/types.ts';
import { nullEngine } from './engine.ts';
import type { DesignerEngine } from './engine.ts';

/** Selected node and edge ids. */
export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export type ThemePreference = 'system' | 'light' | 'dark';

/** Layout state that is not part of the document. */
export interface ViewState {
  /** Theme choice; `system` follows `prefers-color-scheme`. */
  readonly theme: ThemePreference;
  /** Id of the open tab of the right sidebar (`inspector`, `problems`, `load`, ...). */
  readonly sidebarTab: string;
  /** The keyboard shortcuts sheet is open. */
  readonly shortcutsOpen: boolean;
}

/** A transient message for the status bar / toast (refused connection, saved, ...). */
export interface StatusMessage {
  readonly text: string;
  readonly kind: 'info' | 'success' | 'error';
  /** Increments with every message, so the same text twice still shows. */
  readonly seq: number;
}

/** Nodes and edges copied with Ctrl+C (kept outside the document and the history). */
export interface Clipboard {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  /** How often it was pasted: each paste lands a little further away. */
  readonly pastes: number;
  /** The text put on the system clipboard for it: the system clipboard still holds this copy. */
  readonly text?: string;
}

export interface DesignerState {
  readonly document: Topology;
  /** Where the document was opened from or saved to; null for a new or example document. */
  readonly filePath: string | null;
  /** The document as last opened or saved; the document is dirty when it is another object. */
  readonly savedDocument: Topology | null;
  readonly selection: Selection;
  /** Increments with every loadDocument (the canvas fits the view to a newly loaded document). */
  readonly loadSeq: number;
  readonly view: ViewState;
  readonly status: StatusMessage | null;
  readonly clipboard: Clipboard | null;
  /** The pure engine functions diagnostics and load are derived with. */
  readonly engine: DesignerEngine;

  /** Applies one edit to the document: one undo step. A no-op edit (same object back) records nothing. */
  apply(edit: (t: Topology) => Topology, selection?: Selection): void;
  /** Replaces the document (open, new, example): clears history and selection. */
  loadDocument(document: Topology, filePath: string | null, options?: { dirty?: boolean }): void;
  /** Records that the current document was saved to `filePath`. */
  markSaved(filePath: string): void;
  select(selection: Selection): void;
  setView(patch: Partial<ViewState>): void;
  notify(text: string, kind?: StatusMessage['kind']): void;
  setClipboard(clipboard: Clipboard | null): void;
  setEngine(engine: DesignerEngine): void;
  undo(): void;
  redo(): void;
}

/** The document part of the state: all that history tracks. */
export type TrackedState = Pick<DesignerState, 'document'>;

export type DesignerStore = StoreApi<DesignerState> & { temporal: StoreApi<TemporalState<TrackedState>> };

export interface DesignerStoreOptions {
  readonly document?: Topology;
  readonly engine?: DesignerEngine;
  readonly theme?: ThemePreference;
  /** Undo steps kept (default 200). */
  readonly historyLimit?: number;
}

export function createDesignerStore(options: DesignerStoreOptions = {}): DesignerStore {
  const initial = options.document ?? emptyTopology();
  const store = createStore<DesignerState>()(
    temporal(
      (set, get) => ({
        document: initial,
        filePath: null,
        savedDocument: initial,
        selection: EMPTY_SELECTION,
        loadSeq: 0,
        view: { theme: options.theme ?? 'system', sidebarTab: 'inspector', shortcutsOpen: false },
        status: null,
        clipboard: null,
        engine: options.engine ?? nullEngine,
        apply(edit, selection) {
          const before = get().document;
          const after = edit(before);
          if (after === before) {
            if (selection) set({ selection });
            return;
          }
          set({ document: after, selection: pruneSelection(selection ?? get().selection, after) });
        },
        loadDocument(document, filePath, opts) {
          store.temporal.getState().pause();
          set({ document, filePath, savedDocument: opts?.dirty ? null : document, selection: EMPTY_SELECTION, loadSeq: get().loadSeq + 1 });
          store.temporal.getState().resume();
          store.temporal.getState().clear();
        },
        markSaved(filePath) {
          set({ filePath, savedDocument: get().document });
        },
        select(selection) {
          set({ selection });
        },
        setView(patch) {
          set({ view: { ...get().view, ...patch } });
        },
        notify(text, kind = 'info') {
          set({ status: { text, kind, seq: (get().status?.seq ?? 0) + 1 } });
        },
        setClipboard(clipboard) {
          set({ clipboard });
        },
        setEngine(engine) {
          set({ engine });
        },
        undo() {
          store.temporal.getState().undo();
          set({ selection: pruneSelection(get().selection, get().document) });
        },
        redo() {
          store.temporal.getState().redo();
          set({ selection: pruneSelection(get().selection, get().document) });
        },
      }),
      {
        partialize: (s): TrackedState => ({ document: s.document }),
        // Only a new document object is a step: selection, view and status changes are not.
        equality: (a, b) => a.document === b.document,
        limit: options.historyLimit ?? 200,
      },
    ),
  );
  return store as DesignerStore;
}

/** Drops ids that are no longer in the document (after delete, undo, redo). */
export function pruneSelection(selection: Selection, document: Topology): Selection {
  if (selection.nodes.length === 0 && selection.edges.length === 0) return selection;
  const nodeIds = new Set(document.nodes.map((n) => n.id));
  const edgeIds = new Set(document.edges.map((e) => e.id));
  const nodes = selection.nodes.filter((id) => nodeIds.has(id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  if (nodes.length === selection.nodes.length && edges.length === selection.edges.length) return selection;
  return { nodes, edges };
}
