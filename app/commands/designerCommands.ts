/** The designer's own commands: insert, edit, select, layout, view. */
import { autoLayout } from '../../src/model/edit/autoLayout.ts';
import { reachable } from '../../src/model/edit/graphQueries.ts';
import { NODE_TEMPLATES, TEMPLATE_LABELS, addNode, newNode } from '../../src/model/edit/nodeTemplates.ts';
import type { NodeTemplate } from '../../src/model/edit/nodeTemplates.ts';
import { freeSpot, TYPICAL_CARD } from '../../src/model/edit/placement.ts';
import { addedIds, copySelection, deleteSelection, duplicate, paste } from '../../src/model/edit/selectionEdits.ts';
import type { Clipboard, DesignerState, DesignerStore } from '../store/designerStore.ts';
import { readSystemClipboard, writeSystemClipboard } from '../host/systemClipboard.ts';
import { fragmentFromClipboardText, fragmentToClipboardText } from './clipboardFormat.ts';
import type { Command } from './registry.ts';

const hasSelection = (s: DesignerState) => s.selection.nodes.length + s.selection.edges.length > 0;
const hasNodeSelection = (s: DesignerState) => s.selection.nodes.length > 0;

/** The command that adds each palette item (the palette and the menus share it). */
export const addCommandIds: Record<NodeTemplate, string> = {
  leaf: 'topology.addLeaf',
  global: 'topology.addGlobal',
  shard: 'topology.addShard',
  targets: 'topology.addTargetGroup',
  alertmanager: 'topology.addAlertmanager',
  grafana: 'topology.addGrafana',
  agent: 'topology.addAgent',
  mimir: 'topology.addMimir',
  'thanos-receive': 'topology.addThanosReceive',
  victoriametrics: 'topology.addVictoriaMetrics',
  'thanos-querier': 'topology.addThanosQuerier',
};

/** Adds a node of the template at `position` (top-left corner) and selects it: one undo step. */
export function addNodeAt(store: DesignerStore, template: NodeTemplate, position: { x: number; y: number }): string {
  const node = newNode(store.getState().document, template, position);
  store.getState().apply((t) => addNode(t, node), { nodes: [node.id], edges: [] });
  return node.id;
}

/** Applies an edit and selects what it created. */
function applyCreating(store: DesignerStore, edit: (t: DesignerState['document']) => DesignerState['document']): void {
  const before = store.getState().document;
  const after = edit(before);
  if (after === before) return;
  store.getState().apply(() => after, addedIds(before, after));
}

/** Half a node card, so a node added "at the centre" is centred there. */
const HALF_NODE = { x: 100, y: 40 };

export const designerCommands: readonly Command[] = [
  ...NODE_TEMPLATES.map(
    (template): Command => ({
      id: addCommandIds[template],
      label: `Add ${TEMPLATE_LABELS[template]}`,
      group: 'insert',
      run: ({ store, canvas }) => {
        const c = canvas.centre();
        // Repeated adds at the same centre go next to each other, never on a card as it is drawn.
        const wanted = { x: Math.round(c.x - HALF_NODE.x), y: Math.round(c.y - HALF_NODE.y) };
        const spot = freeSpot(store.getState().document, wanted, canvas.cardSizes());
        addNodeAt(store, template, spot);
        // A spot off to the side may be outside the view or under the minimap: bring the card into view.
        canvas.ensureVisible({ x: spot.x, y: spot.y, ...TYPICAL_CARD });
      },
    }),
  ),
  { id: 'edit.undo', label: 'Undo', group: 'edit', keybindings: ['CmdOrCtrl+Z'], run: ({ store }) => store.getState().undo() },
  { id: 'edit.redo', label: 'Redo', group: 'edit', keybindings: ['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y'], run: ({ store }) => store.getState().redo() },
  {
    id: 'edit.delete',
    label: 'Delete',
    group: 'edit',
    keybindings: ['Delete', 'Backspace'],
    enabled: hasSelection,
    run: ({ store }) => {
      const { selection } = store.getState();
      store.getState().apply((t) => deleteSelection(t, selection), { nodes: [], edges: [] });
    },
  },
  {
    id: 'edit.copy',
    label: 'Copy',
    group: 'edit',
    keybindings: ['CmdOrCtrl+C'],
    enabled: hasNodeSelection,
    run: async ({ store }) => {
      const copied = await copyToClipboard(store);
      if (copied) store.getState().notify(copied);
    },
  },
  {
    id: 'edit.cut',
    label: 'Cut',
    group: 'edit',
    keybindings: ['CmdOrCtrl+X'],
    enabled: hasNodeSelection,
    run: async ({ store }) => {
      const s = store.getState();
      const selection = s.selection;
      const copied = await copyToClipboard(store);
      if (!copied) return;
      s.apply((t) => deleteSelection(t, selection), { nodes: [], edges: [] });
      store.getState().notify(copied.replace(/^Copied/, 'Cut'));
    },
  },
  {
    id: 'edit.paste',
    label: 'Paste',
    group: 'edit',
    keybindings: ['CmdOrCtrl+V'],
    run: async ({ store }) => pasteFromClipboard(store),
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    group: 'edit',
    keybindings: ['CmdOrCtrl+D'],
    enabled: hasNodeSelection,
    run: ({ store }) => {
      const { selection } = store.getState();
      applyCreating(store, (t) => duplicate(t, selection));
    },
  },
  {
    id: 'edit.selectAll',
    label: 'Select all',
    group: 'select',
    keybindings: ['CmdOrCtrl+A'],
    run: ({ store }) => {
      const t = store.getState().document;
      store.getState().select({ nodes: t.nodes.map((n) => n.id), edges: t.edges.map((e) => e.id) });
    },
  },
  { id: 'edit.selectNone', label: 'Select none', group: 'select', keybindings: ['Escape'], run: ({ store }) => store.getState().select({ nodes: [], edges: [] }) },
  {
    id: 'edit.selectUpstream',
    label: 'Select upstream',
    group: 'select',
    keybindings: ['Shift+U'],
    enabled: hasNodeSelection,
    run: ({ store }) => selectAlongFlow(store, 'upstream'),
  },
  {
    id: 'edit.selectDownstream',
    label: 'Select downstream',
    group: 'select',
    keybindings: ['Shift+D'],
    enabled: hasNodeSelection,
    run: ({ store }) => selectAlongFlow(store, 'downstream'),
  },
  {
    id: 'layout.auto',
    label: 'Auto-layout',
    group: 'view',
    keybindings: ['CmdOrCtrl+Shift+L'],
    run: ({ store, canvas }) => {
      store.getState().apply(autoLayout);
      // Fit after React Flow has the new positions.
      setTimeout(() => canvas.fitView(), 50);
    },
  },
  { id: 'view.fit', label: 'Fit view', group: 'view', keybindings: ['Shift+1'], run: ({ canvas }) => canvas.fitView() },
  { id: 'view.zoomIn', label: 'Zoom in', group: 'view', keybindings: ['CmdOrCtrl+='], run: ({ canvas }) => canvas.zoomIn() },
  { id: 'view.zoomOut', label: 'Zoom out', group: 'view', keybindings: ['CmdOrCtrl+-'], run: ({ canvas }) => canvas.zoomOut() },
  {
    id: 'view.toggleTheme',
    label: 'Toggle light/dark theme',
    group: 'view',
    run: ({ store }) => {
      const s = store.getState();
      const dark = s.view.theme === 'dark' || (s.view.theme === 'system' && systemPrefersDark());
      s.setView({ theme: dark ? 'light' : 'dark' });
    },
  },
  {
    id: 'view.themeSystem',
    label: 'Theme: follow the system',
    group: 'view',
    run: ({ store }) => store.getState().setView({ theme: 'system' }),
  },
  {
    id: 'view.showPanel',
    label: 'Show panel',
    group: 'view',
    run: ({ store, argument }) => store.getState().setView({ sidebarTab: argument ?? 'inspector' }),
  },
  {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    group: 'help',
    keybindings: ['?'],
    run: ({ store }) => store.getState().setView({ shortcutsOpen: !store.getState().view.shortcutsOpen }),
  },
];

/**
 * Puts the selected nodes (and the edges among them) on the designer's clipboard and, as topology
 * JSON, on the system clipboard. Returns the message to show, or undefined when nothing was copied.
 */
async function copyToClipboard(store: DesignerStore): Promise<string | undefined> {
  const s = store.getState();
  const fragment = copySelection(s.document, s.selection);
  if (fragment.nodes.length === 0) return undefined;
  const text = fragmentToClipboardText(s.document, fragment);
  s.setClipboard({ ...fragment, pastes: 0 });
  const written = await writeSystemClipboard(text);
  const what = `Copied ${plural(fragment.nodes.length, 'node')}`;
  if (!written.ok) return `${what} inside PromTopo only: the system clipboard refused it (${written.reason}).`;
  const clip = store.getState().clipboard;
  if (clip) store.getState().setClipboard({ ...clip, text });
  return `${what} (also on the system clipboard as topology JSON).`;
}

/**
 * Pastes what the system clipboard holds: the designer's own last copy when it still holds that,
 * else the topology JSON it holds (from another window, a file, a chat). When the system clipboard
 * cannot be read, the designer's own copy is pasted and the message says why.
 */
async function pasteFromClipboard(store: DesignerStore): Promise<void> {
  const own = store.getState().clipboard;
  const read = await readSystemClipboard();
  if (!read.ok) {
    if (!own) {
      store.getState().notify(`Nothing to paste: the system clipboard could not be read (${read.reason}).`, 'error');
      return;
    }
    pasteClip(store, own);
    store.getState().notify(`Pasted PromTopo's own copy: the system clipboard could not be read (${read.reason}).`);
    return;
  }
  if (own && read.value === own.text) {
    pasteClip(store, own);
    return;
  }
  const parsed = fragmentFromClipboardText(read.value);
  if (!parsed.ok) {
    store.getState().notify(`Nothing to paste: ${parsed.reason}.`, 'error');
    return;
  }
  pasteClip(store, { ...parsed.fragment, pastes: 0, text: read.value });
}

/** One undo step; each paste of the same copy lands a little further away. */
function pasteClip(store: DesignerStore, clip: Clipboard): void {
  const step = 40 * (clip.pastes + 1);
  applyCreating(store, (t) => paste(t, clip, { x: step, y: step }));
  store.getState().setClipboard({ ...clip, pastes: clip.pastes + 1 });
}

function selectAlongFlow(store: DesignerStore, direction: 'upstream' | 'downstream'): void {
  const s = store.getState();
  s.select(reachable(s.document, s.selection.nodes, direction));
}

function systemPrefersDark(): boolean {
  return typeof globalThis.matchMedia === 'function' && globalThis.matchMedia('(prefers-color-scheme: dark)').matches;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
