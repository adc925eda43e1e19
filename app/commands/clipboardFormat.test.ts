import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/document.ts';
import { copySelection } from '../../src/model/edit/selectionEdits.ts';
import multiDc from '../../assets/examples/multi-dc.promtopo.json?raw';
import { fragmentFromClipboardText, fragmentToClipboardText } from './clipboardFormat.ts';

const EXAMPLE = 'assets/examples/multi-dc.promtopo.json';

function example() {
  const parsed = parseTopology(multiDc, EXAMPLE);
  if (!parsed.ok) throw new Error(`${EXAMPLE} does not parse`);
  return parsed.topology;
}

describe('clipboard text', () => {
  it('is a complete topology document holding the copied nodes and the edges between them, and reads back', () => {
    const t = example();
    const fragment = copySelection(t, { nodes: ['p-eu', 't-node-eu', 'p-global'], edges: [] });
    const text = fragmentToClipboardText(t, fragment);
    const asDocument = parseTopology(text, 'clipboard');
    expect(asDocument.ok).toBe(true);
    const back = fragmentFromClipboardText(text);
    expect(back).toEqual({ ok: true, fragment: { nodes: fragment.nodes, edges: fragment.edges } });
    expect(fragment.edges.map((e) => e.id).sort()).toEqual(['e1', 'e7']);
  });

  it.each([
    ['', 'the clipboard is empty'],
    ['hello from a chat', 'clipboard: not valid JSON'],
    ['{"format":"something-else"}', 'clipboard:'],
  ])('refuses %j with a reason', (text, reason) => {
    const result = fragmentFromClipboardText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('accepts a whole example document pasted in (every node of it)', () => {
    const text = multiDc;
    const result = fragmentFromClipboardText(text);
    expect(result.ok && result.fragment.nodes.length).toBe(example().nodes.length);
  });
});
