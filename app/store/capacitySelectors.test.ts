import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/document.ts';
import { updateNode } from '../../src/model/edit/updateElement.ts';
import { setDown } from '../../src/whatif/whatIfEdits.ts';
import multiDc from '../../assets/examples/multi-dc.promtopo.json?raw';
import { selectCapacity, selectDownState, selectFailureImpact, selectMachineBadge } from './capacitySelectors.ts';
import { createDesignerStore } from './designerStore.ts';
import { realEngine } from './realEngine.ts';

function store() {
  const parsed = parseTopology(multiDc, 'multi-dc');
  if (!parsed.ok) throw new Error('multi-dc does not parse');
  return createDesignerStore({ document: parsed.topology, engine: realEngine });
}

const idOf = (s: ReturnType<typeof store>, name: string) => s.getState().document.nodes.find((n) => n.name === name)?.id ?? '';

describe('capacity selectors', () => {
  it('the card badge names the needed size, then the chosen one, and says when it is too small', () => {
    const s = store();
    const id = idOf(s, 'prom-eu-1');
    const needed = selectCapacity(s.getState())[id]?.needed?.name;
    expect(selectMachineBadge(id)(s.getState())).toBe(`needs ${needed}`);
    s.getState().apply((t) => updateNode(t, id, { machine: 'large-8x32' }));
    expect(selectMachineBadge(id)(s.getState())).toBe('large-8x32');
    s.getState().apply((t) => ({ ...t, settings: { ...t.settings, machines: { sizes: [{ name: 'pico', vcpu: 0.0001, ramGiB: 0.0001, diskGiB: 0.0001 }] } } }));
    s.getState().apply((t) => updateNode(t, id, { machine: 'pico' }));
    expect(selectMachineBadge(id)(s.getState())).toBe('pico too small');
  });

  it('the what-if state per server follows the document, memoized per document', () => {
    const s = store();
    expect(selectFailureImpact(s.getState())).toBeNull();
    s.getState().apply((t) => setDown(t, 'prom-eu-1/a', true));
    expect(selectDownState(idOf(s, 'prom-eu-1'))(s.getState())).toBe('covered');
    expect(selectDownState(idOf(s, 'prom-us-1'))(s.getState())).toBe('');
    expect(selectFailureImpact(s.getState())).toBe(selectFailureImpact(s.getState()));
    s.getState().undo();
    expect(selectDownState(idOf(s, 'prom-eu-1'))(s.getState())).toBe('');
  });
});
