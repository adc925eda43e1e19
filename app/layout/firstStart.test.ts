import { describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/model/document.ts';
import { sampleTopology } from '../../src/model/edit/testTopology.ts';
import { createDesignerStore } from '../store/designerStore.ts';
import { chooseFirstExample, openFirstExample } from './firstStart.ts';

function fakeHost(ids: string[], text: (id: string) => string | undefined) {
  const calls: string[] = [];
  const host = {
    call: async (op: string, req: { id?: string }) => {
      calls.push(req.id ? `${op}:${req.id}` : op);
      if (op === 'listExamples') return { examples: ids.map((id) => ({ id, name: id, description: '' })) };
      const t = text(req.id ?? '');
      return t === undefined ? { ok: false, error: 'gone' } : { ok: true, text: t };
    },
  };
  return { host: host as never, calls };
}

describe('first start', () => {
  it.each([
    [['federation', 'multi-dc', 'ha-pair'], 'multi-dc'],
    [['ha-pair', 'federation'], 'federation'],
    [['ha-pair'], 'ha-pair'],
    [[], undefined],
  ])('chooses from %j: %s', (ids, expected) => expect(chooseFirstExample(ids)).toBe(expected));

  it('loads the chosen example as a clean document with no history', async () => {
    const { host, calls } = fakeHost(['federation', 'multi-dc'], () => serializeTopology(sampleTopology()));
    const store = createDesignerStore();
    await expect(openFirstExample(host, store)).resolves.toBe('multi-dc');
    expect(calls).toEqual(['listExamples', 'loadExample:multi-dc']);
    expect(store.getState().document.nodes).toHaveLength(6);
    expect(store.getState().filePath).toBeNull();
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('says why when the example cannot be read or parsed, and keeps the document', async () => {
    for (const text of [undefined, '{"format":"nope"}']) {
      const store = createDesignerStore();
      const before = store.getState().document;
      await expect(openFirstExample(fakeHost(['federation'], () => text).host, store)).resolves.toBeUndefined();
      expect(store.getState().document).toBe(before);
      expect(store.getState().status).toMatchObject({ kind: 'error', text: expect.stringMatching(/federation/) });
    }
  });
});
