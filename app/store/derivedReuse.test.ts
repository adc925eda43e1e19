import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/document.ts';
import { moveNodes } from '../../src/model/edit/selectionEdits.ts';
import { sampleTopology } from '../../src/model/edit/testTopology.ts';
import { updateNode } from '../../src/model/edit/updateElement.ts';
import type { Topology } from '../../src/model/types.ts';
import multiDc from '../../assets/examples/multi-dc.promtopo.json?raw';
import { createDesignerStore } from './designerStore.ts';
import type { DesignerEngine } from './engine.ts';
import { onlyPositionsDiffer } from './positionOnly.ts';
import { realEngine } from './realEngine.ts';
import { selectDiagnosticCounts, selectDiagnostics, selectLoad, selectMarkers } from './selectors.ts';

/** The real engine, counting how often each function runs. */
function countingEngine(): DesignerEngine & { calls: { validate: number; estimate: number } } {
  const calls = { validate: 0, estimate: 0 };
  return {
    calls,
    validate: (t) => {
      calls.validate++;
      return realEngine.validate(t);
    },
    estimate: (t, previous) => {
      calls.estimate++;
      return realEngine.estimate(t, previous);
    },
  };
}

function multiDcExample(): Topology {
  const parsed = parseTopology(multiDc, 'multi-dc');
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.topology;
}

describe('derived values across edits', () => {
  it('a position-only edit (moveNodes) neither re-validates nor re-estimates, and keeps every derived object', () => {
    const engine = countingEngine();
    const store = createDesignerStore({ document: multiDcExample(), engine });
    const before = { diagnostics: selectDiagnostics(store.getState()), load: selectLoad(store.getState()), markers: selectMarkers(store.getState()), counts: selectDiagnosticCounts(store.getState()) };
    expect(engine.calls).toEqual({ validate: 1, estimate: 1 });
    const [a, b] = store.getState().document.nodes;
    store.getState().apply((t) => moveNodes(t, { [a!.id]: { x: a!.position.x + 40, y: a!.position.y + 10 }, [b!.id]: { x: 0, y: 0 } }));
    const s = store.getState();
    expect(s.document.nodes[0]!.position.x).toBe(a!.position.x + 40);
    expect(selectDiagnostics(s)).toBe(before.diagnostics);
    expect(selectLoad(s)).toBe(before.load);
    expect(selectMarkers(s)).toBe(before.markers);
    expect(selectDiagnosticCounts(s)).toBe(before.counts);
    expect(engine.calls).toEqual({ validate: 1, estimate: 1 });
  });

  it('an edit that changes load re-estimates once; servers whose figures are unchanged keep their view objects', () => {
    const engine = countingEngine();
    const t = multiDcExample();
    const store = createDesignerStore({ document: t, engine });
    const before = selectLoad(store.getState());
    const edited = t.nodes.find((n) => n.kind === 'prometheus' && n.role === 'leaf' && !n.ha)!;
    store.getState().apply((d) => updateNode(d, edited.id, { scrapeInterval: '60s' }));
    const after = selectLoad(store.getState());
    expect(engine.calls.estimate).toBe(2);
    expect(after).not.toBe(before);
    expect(after.servers.get(edited.id)).not.toBe(before.servers.get(edited.id));
    expect(after.servers.get(edited.id)!.samplesPerSecond).toBeLessThan(before.servers.get(edited.id)!.samplesPerSecond);
    // The other leaves and shards pull nothing from the edited one: their figures, and so their objects, stay.
    const untouched = t.nodes.filter((n) => n.kind === 'prometheus' && n.role !== 'global' && n.id !== edited.id);
    expect(untouched.length).toBe(3);
    for (const leaf of untouched) expect(after.servers.get(leaf.id)).toBe(before.servers.get(leaf.id));
    // Its scrape edges carry the same samples: same objects too.
    const otherScrapes = t.edges.filter((e) => e.kind === 'scrape' && e.server !== edited.id);
    for (const e of otherScrapes) expect(after.edges.get(e.id)).toBe(before.edges.get(e.id));
  });

  it('undo after a move returns to the derived values of the first document', () => {
    const engine = countingEngine();
    const store = createDesignerStore({ document: sampleTopology(), engine });
    const first = selectDiagnostics(store.getState());
    store.getState().apply((t) => moveNodes(t, { n1: { x: 500, y: 500 } }));
    expect(selectDiagnostics(store.getState())).toBe(first);
    store.getState().apply((t) => updateNode(t, 'n2', { scrapeInterval: '30s' }));
    selectDiagnostics(store.getState());
    expect(engine.calls.validate).toBe(2);
    store.getState().undo();
    store.getState().undo();
    expect(selectDiagnostics(store.getState())).toBe(first);
    expect(engine.calls.validate).toBe(2);
  });
});

describe('onlyPositionsDiffer', () => {
  const t = sampleTopology();
  it('is true for a move and false for any other change', () => {
    expect(onlyPositionsDiffer(t, moveNodes(t, { n1: { x: 7, y: 8 } }))).toBe(true);
    expect(onlyPositionsDiffer(t, updateNode(t, 'n2', { scrapeInterval: '30s' }))).toBe(false);
    expect(onlyPositionsDiffer(t, { ...t, name: 'renamed' })).toBe(false);
    expect(onlyPositionsDiffer(t, { ...t, edges: t.edges.slice(1) })).toBe(false);
    expect(onlyPositionsDiffer(t, { ...t, nodes: t.nodes.slice(1) })).toBe(false);
    const moved = { ...t, nodes: t.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 1, y: 1 }, name: 'other' } : n)) };
    expect(onlyPositionsDiffer(t, moved)).toBe(false);
  });
});
