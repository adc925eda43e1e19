import { describe, expect, it } from 'vitest';
import { sampleTopology } from '../../src/model/edit/testTopology.ts';
import { createDesignerStore } from '../store/designerStore.ts';
import type { DesignerStore } from '../store/designerStore.ts';
import type { CanvasBridge } from './canvasBridge.ts';
import { getCommand } from './registry.ts';
import { runCommandWith } from './runCommand.ts';

/** Areas the commands asked the canvas to bring into view. */
const shown: { x: number; y: number; width: number; height: number }[] = [];
const canvas: CanvasBridge = {
  centre: () => ({ x: 500, y: 300 }), fitView: () => {}, zoomIn: () => {}, zoomOut: () => {}, reveal: () => {},
  ensureVisible: (area) => void shown.push(area),
  cardSizes: () => new Map(),
};

function setup(selection: { nodes: string[]; edges: string[] } = { nodes: [], edges: [] }): DesignerStore {
  const store = createDesignerStore({ document: sampleTopology() });
  store.getState().select(selection);
  return store;
}
const run = (store: DesignerStore, id: string) => runCommandWith(id, store, canvas);
/** Runs a command and waits for it (clipboard commands talk to the system clipboard). */
const runToEnd = async (store: DesignerStore, id: string) => getCommand(id)!.run({ store, canvas });
const ids = (store: DesignerStore) => ({ nodes: store.getState().document.nodes.map((n) => n.id), edges: store.getState().document.edges.map((e) => e.id) });

/** Runs a command, checks it made exactly one undo step, undoes it and checks the document is back. */
function doesAndUndoes(store: DesignerStore, id: string): void {
  const before = store.getState().document;
  expect(run(store, id)).toBe(true);
  expect(store.getState().document).not.toBe(before);
  expect(store.temporal.getState().pastStates).toHaveLength(1);
  store.getState().undo();
  expect(store.getState().document).toBe(before);
  store.getState().redo();
  expect(store.getState().document).not.toBe(before);
}

describe('insert commands', () => {
  it.each([
    ['topology.addLeaf', { kind: 'prometheus', role: 'leaf' }],
    ['topology.addGlobal', { kind: 'prometheus', role: 'global' }],
    ['topology.addShard', { kind: 'prometheus', role: 'shard' }],
    ['topology.addTargetGroup', { kind: 'targets' }],
    ['topology.addAlertmanager', { kind: 'alertmanager' }],
    ['topology.addGrafana', { kind: 'grafana' }],
  ])('%s adds one node near the view centre, selects it, and undoes', (id, shape) => {
    const store = setup();
    run(store, id);
    const node = store.getState().document.nodes.at(-1)!;
    expect(node).toMatchObject({ id: 'n7', ...shape });
    expect(Math.abs(node.position.x + 100 - 500)).toBeLessThan(150);
    expect(store.getState().selection).toEqual({ nodes: ['n7'], edges: [] });
    // The whole card is brought into view, wherever the free spot was.
    expect(shown.at(-1)).toEqual({ x: node.position.x, y: node.position.y, width: 226, height: 126 });
    doesAndUndoes(setup(), id);
  });
});

describe('insert commands and the cards as drawn', () => {
  it('a click-add keeps clear of a card the canvas measured taller than a typical one', () => {
    const store = setup();
    // The Alertmanager card at (400, 0) is drawn 300 tall: the spot wanted at the centre is inside it.
    const tall: CanvasBridge = { ...canvas, cardSizes: () => new Map([['n5', { width: 224, height: 300 }]]) };
    runCommandWith('topology.addLeaf', store, canvas);
    const typical = store.getState().document.nodes.at(-1)!.position;
    expect(typical).toEqual({ x: 400, y: 260 });
    const other = setup();
    runCommandWith('topology.addLeaf', other, tall);
    const p = other.getState().document.nodes.at(-1)!.position;
    const clear = p.x >= 400 + 224 || p.x + 226 <= 400 || p.y >= 300 || p.y + 126 <= 0;
    expect(clear, `added at ${p.x},${p.y}`).toBe(true);
  });
});

describe('edit commands', () => {
  it('edit.delete removes the selection with its edges; undo brings both back', () => {
    const store = setup({ nodes: ['n4'], edges: [] });
    doesAndUndoes(store, 'edit.delete');
    expect(ids(store)).toEqual({ nodes: ['n1', 'n2', 'n3', 'n5', 'n6'], edges: ['e1'] });
  });
  it('edit.delete is disabled with nothing selected', () => {
    expect(run(setup(), 'edit.delete')).toBe(false);
  });
  it('edit.copy then edit.paste twice: two copies further and further away, each one step', async () => {
    const store = setup({ nodes: ['n1', 'n2'], edges: [] });
    await runToEnd(store, 'edit.copy');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    await runToEnd(store, 'edit.paste');
    await runToEnd(store, 'edit.paste');
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    const pos = (id: string) => store.getState().document.nodes.find((n) => n.id === id)!.position;
    expect(pos('n7')).toEqual({ x: 40, y: 40 });
    expect(pos('n9')).toEqual({ x: 80, y: 80 });
    expect(store.getState().selection).toEqual({ nodes: ['n9', 'n10'], edges: ['e7'] });
  });
  it('edit.cut = copy + delete in one step', async () => {
    const store = setup({ nodes: ['n1'], edges: [] });
    const before = store.getState().document;
    await runToEnd(store, 'edit.cut');
    expect(store.getState().document.nodes.map((n) => n.id)).not.toContain('n1');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document).toBe(before);
    expect(store.getState().clipboard?.nodes.map((n) => n.id)).toEqual(['n1']);
  });
  it('edit.paste with nothing copied and no system clipboard says why, and changes nothing', async () => {
    const store = setup();
    await runToEnd(store, 'edit.paste');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().status).toMatchObject({ kind: 'error', text: expect.stringMatching(/^Nothing to paste: /) });
  });
  it('edit.duplicate copies the selection with the edges between them', () => {
    const store = setup({ nodes: ['n1', 'n2'], edges: [] });
    doesAndUndoes(store, 'edit.duplicate');
    expect(ids(store).nodes).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']);
    expect(store.getState().document.edges.at(-1)).toMatchObject({ kind: 'scrape', server: 'n8', targets: 'n7' });
  });
  it('layout.auto moves nodes in one step', () => {
    doesAndUndoes(setup(), 'layout.auto');
  });
});

describe('selection commands (never undo steps)', () => {
  it.each([
    ['edit.selectAll', [], ['n1', 'n2', 'n3', 'n4', 'n5', 'n6']],
    ['edit.selectUpstream', ['n4'], ['n1', 'n2', 'n3', 'n4']],
    ['edit.selectDownstream', ['n2'], ['n2', 'n4', 'n5', 'n6']],
    ['edit.selectNone', ['n2'], []],
  ])('%s', (id, start, expected) => {
    const store = setup({ nodes: start, edges: [] });
    run(store, id);
    expect(store.getState().selection.nodes).toEqual(expected);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('registry', () => {
  it('unknown ids are refused; undo/redo commands reach the store history', () => {
    const store = setup({ nodes: ['n1'], edges: [] });
    expect(run(store, 'no.such')).toBe(false);
    run(store, 'edit.delete');
    run(store, 'edit.undo');
    expect(store.getState().document.nodes).toHaveLength(6);
    run(store, 'edit.redo');
    expect(store.getState().document.nodes).toHaveLength(5);
  });
  it('menu-facing commands carry accelerators', () => {
    expect(getCommand('edit.redo')?.keybindings).toEqual(['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y']);
    expect(getCommand('edit.delete')?.keybindings).toContain('Backspace');
  });
  it('view.showPanel opens the sidebar tab given as argument', () => {
    const store = setup();
    runCommandWith('view.showPanel', store, canvas, 'problems');
    expect(store.getState().view.sidebarTab).toBe('problems');
  });
});
