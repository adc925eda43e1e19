import { describe, expect, it } from 'vitest';
import { moveNodes } from '../../src/model/edit/selectionEdits.ts';
import { sampleTopology } from '../../src/model/edit/testTopology.ts';
import { updateNode } from '../../src/model/edit/updateElement.ts';
import { emptyTopology } from '../../src/model/document.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { createDesignerStore } from './designerStore.ts';
import { selectDiagnostics, selectDirty, selectMarkers } from './selectors.ts';

const history = (store: ReturnType<typeof createDesignerStore>) => store.temporal.getState();

describe('designer store history', () => {
  it('one apply = one undo step; undo and redo restore the exact documents', () => {
    const store = createDesignerStore({ document: sampleTopology() });
    const d0 = store.getState().document;
    store.getState().apply((t) => updateNode(t, 'n2', { scrapeInterval: '30s' }));
    const d1 = store.getState().document;
    store.getState().apply((t) => updateNode(t, 'n2', { retention: '30d' }));
    expect(history(store).pastStates).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().document).toBe(d1);
    store.getState().undo();
    expect(store.getState().document).toBe(d0);
    store.getState().redo();
    expect(store.getState().document).toBe(d1);
  });

  it('selection, view and status changes are not steps; a no-op edit records nothing', () => {
    const store = createDesignerStore({ document: sampleTopology() });
    store.getState().select({ nodes: ['n1'], edges: [] });
    store.getState().setView({ sidebarTab: 'problems' });
    store.getState().notify('hello');
    store.getState().apply((t) => t);
    store.getState().apply((t) => updateNode(t, 'n2', { scrapeInterval: '15s' }));
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('a drag committed with moveNodes is one step, whatever the pointer moves before it', () => {
    const store = createDesignerStore({ document: sampleTopology() });
    // The canvas keeps in-drag positions locally and commits once at drag stop.
    store.getState().apply((t) => moveNodes(t, { n1: { x: 300, y: 200 }, n2: { x: 400, y: 200 } }));
    expect(history(store).pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document.nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('undo drops selected ids that no longer exist', () => {
    const store = createDesignerStore({ document: emptyTopology() });
    store.getState().apply((t) => ({ ...t, nodes: sampleTopology().nodes.slice(0, 1) }), { nodes: ['n1'], edges: [] });
    expect(store.getState().selection.nodes).toEqual(['n1']);
    store.getState().undo();
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('loadDocument clears history and selection; dirty follows the saved document through undo', () => {
    const store = createDesignerStore();
    store.getState().apply((t) => ({ ...t, name: 'x' }));
    store.getState().loadDocument(sampleTopology(), '/tmp/a.promtopo.json');
    expect(history(store).pastStates).toHaveLength(0);
    expect(selectDirty(store.getState())).toBe(false);
    expect(store.getState().loadSeq).toBe(1);
    store.getState().apply((t) => updateNode(t, 'n2', { scrapeInterval: '1m' }));
    expect(selectDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(selectDirty(store.getState())).toBe(false);
    store.getState().redo();
    store.getState().markSaved('/tmp/b.promtopo.json');
    expect(selectDirty(store.getState())).toBe(false);
    expect(store.getState().filePath).toBe('/tmp/b.promtopo.json');
  });

  it('keeps at most historyLimit steps', () => {
    const store = createDesignerStore({ document: sampleTopology(), historyLimit: 3 });
    for (let i = 0; i < 5; i++) store.getState().apply((t) => ({ ...t, name: `v${i}` }));
    expect(history(store).pastStates).toHaveLength(3);
  });
});

describe('derived selectors', () => {
  it('compute diagnostics once per document and count markers per node and edge', () => {
    let calls = 0;
    const findings: Diagnostic[] = [
      { code: 'a', severity: 'error', message: 'm', at: { node: 'n2' } },
      { code: 'b', severity: 'warning', message: 'm', at: { node: 'n2' } },
      { code: 'c', severity: 'warning', message: 'm', at: { edge: 'e2', field: 'match[0]' } },
    ];
    const store = createDesignerStore({
      document: sampleTopology(),
      engine: { validate: () => { calls++; return findings; }, estimate: () => ({ servers: new Map(), edges: new Map() }) },
    });
    const s = store.getState();
    expect(selectDiagnostics(s)).toBe(selectDiagnostics(store.getState()));
    expect(selectMarkers(s).get('n2')).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(selectMarkers(s).get('e2')).toEqual({ errors: 0, warnings: 1, infos: 0 });
    expect(calls).toBe(1); // once per document, shared by the list and the markers
    store.getState().select({ nodes: ['n1'], edges: [] });
    selectDiagnostics(store.getState());
    expect(calls).toBe(1);
    store.getState().apply((t) => ({ ...t, name: 'changed' }));
    selectMarkers(store.getState());
    expect(calls).toBe(2);
  });
});
