import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyTopology, serializeTopology } from '../../../src/model/document.ts';
import type { HostOperation } from '../../../src/host-api.ts';
import type { Topology } from '../../../src/model/types.ts';
import { selectDirty } from '../../store/selectors.ts';
import { designerStore } from '../../store/useDesigner.ts';

/** A scripted browser-mode host: answers per operation, records every call. */
const calls: { op: HostOperation; request: unknown }[] = [];
let answers: Partial<Record<HostOperation, (request: never) => unknown>> = {};
vi.mock('../../host/host.ts', () => ({
  host: {
    mode: 'browser',
    nativeDialogs: false,
    onMenuCommand: () => () => {},
    call: async (op: HostOperation, request: never) => {
      calls.push({ op, request });
      const answer = answers[op];
      if (!answer) throw new Error(`${op}: no scripted answer`);
      return answer(request);
    },
  },
}));

const { dialogStore } = await import('./dialogState.ts');
const { confirmReplace, newDocument, openDocumentAt, saveDocument, saveDocumentTo } = await import('./documentActions.ts');

function named(name: string): Topology {
  return { ...emptyTopology(name) };
}

function dialogKind(): string | undefined {
  return dialogStore.getState().dialog?.kind;
}

/** Answers the pending unsaved-changes question. */
function answerDiscard(choice: 'save' | 'discard' | 'cancel'): void {
  const d = dialogStore.getState().dialog;
  if (d?.kind !== 'confirmDiscard') throw new Error(`expected the unsaved-changes dialog, got ${d?.kind}`);
  d.resolve(choice);
}

beforeEach(() => {
  calls.length = 0;
  answers = {};
  dialogStore.setState({ dialog: null });
  designerStore.getState().loadDocument(named('current'), '/docs/current.promtopo.json');
});

describe('openDocumentAt', () => {
  it('opens a valid file: document, path, clean state', async () => {
    answers.openDocument = () => ({ ok: true, path: '/docs/other.promtopo.json', text: serializeTopology(named('other')), diagnostics: [] });
    expect(await openDocumentAt('/docs/other.promtopo.json')).toBe(true);
    const s = designerStore.getState();
    expect(s.document.name).toBe('other');
    expect(s.filePath).toBe('/docs/other.promtopo.json');
    expect(selectDirty(s)).toBe(false);
  });

  it.each([
    ['the host cannot read it', () => ({ ok: false, path: '/x.json', diagnostics: [{ code: 'file/unreadable', severity: 'error', message: '/x.json: ENOENT', at: { file: '/x.json' } }] }), 'file/unreadable'],
    ['it is not JSON', () => ({ ok: true, path: '/x.json', text: '{nope', diagnostics: [] }), 'file/json'],
    ['it fails the schema', () => ({ ok: true, path: '/x.json', text: '{"format":"promtopo","version":1,"name":"x","nodes":[{"kind":"prometheus"}],"edges":[]}', diagnostics: [] }), 'schema/invalid'],
  ])('opens nothing and shows the diagnostics when %s', async (_why, answer, code) => {
    answers.openDocument = answer;
    const before = designerStore.getState().document;
    expect(await openDocumentAt('/x.json')).toBe(false);
    expect(designerStore.getState().document).toBe(before);
    const d = dialogStore.getState().dialog;
    expect(d?.kind).toBe('problems');
    expect(d?.kind === 'problems' && d.title).toBe('Cannot open x.json' + (code === 'file/unreadable' ? '' : ': not a valid PromTopo document'));
    expect(d?.kind === 'problems' && d.diagnostics.map((x) => x.code)).toContain(code);
  });
});

describe('unsaved changes', () => {
  beforeEach(() => {
    designerStore.getState().apply((t) => ({ ...t, name: 'edited' }));
    expect(selectDirty(designerStore.getState())).toBe(true);
  });

  it('Cancel keeps the dirty document and does not call the host', async () => {
    const pending = newDocument();
    await Promise.resolve();
    expect(dialogKind()).toBe('confirmDiscard');
    answerDiscard('cancel');
    expect(await pending).toBe(false);
    expect(designerStore.getState().document.name).toBe('edited');
    expect(calls).toEqual([]);
  });

  it('Discard replaces the document', async () => {
    const pending = newDocument();
    await Promise.resolve();
    answerDiscard('discard');
    expect(await pending).toBe(true);
    expect(designerStore.getState().document.nodes).toEqual([]);
    expect(designerStore.getState().document.name).toBe('Untitled topology');
  });

  it('Save first writes the file, then replaces the document', async () => {
    answers.saveDocument = (req: { path: string }) => ({ ok: true, path: req.path });
    const pending = confirmReplace('open another document');
    await Promise.resolve();
    answerDiscard('save');
    expect(await pending).toBe(true);
    expect(calls.map((c) => c.op)).toEqual(['saveDocument']);
    const saved = calls[0]?.request as { path: string; document: string };
    expect(saved.path).toBe('/docs/current.promtopo.json');
    expect(JSON.parse(saved.document).name).toBe('edited');
  });

  it('Save first on a document without a file opens Save As and replaces nothing', async () => {
    designerStore.getState().loadDocument(named('fresh'), null, { dirty: true });
    const pending = confirmReplace('create a new document');
    await Promise.resolve();
    answerDiscard('save');
    expect(await pending).toBe(false);
    expect(dialogKind()).toBe('saveAs');
  });
});

describe('saving', () => {
  it('adds the extension and marks the document saved at the path the host reports', async () => {
    answers.saveDocument = (req: { path: string }) => ({ ok: true, path: req.path });
    designerStore.getState().apply((t) => ({ ...t, name: 'edited' }));
    expect(await saveDocumentTo('/docs/new')).toBe(true);
    expect((calls[0]?.request as { path: string }).path).toBe('/docs/new.promtopo.json');
    expect(designerStore.getState().filePath).toBe('/docs/new.promtopo.json');
    expect(selectDirty(designerStore.getState())).toBe(false);
  });

  it('a refused save keeps the document dirty and explains', async () => {
    answers.saveDocument = (req: { path: string }) => ({ ok: false, path: req.path, error: 'EACCES: permission denied' });
    designerStore.getState().apply((t) => ({ ...t, name: 'edited' }));
    expect(await saveDocument()).toBe(false);
    expect(selectDirty(designerStore.getState())).toBe(true);
    const d = dialogStore.getState().dialog;
    expect(d?.kind === 'problems' && d.diagnostics[0]?.message).toContain('EACCES');
  });

  const V1 = `${'a'.repeat(64)}@1`;
  const V2 = `${'b'.repeat(64)}@2`;
  type SaveReq = { path: string; expectedVersion?: string; overwrite?: boolean };

  /** Opens /docs/mine.promtopo.json at version V1 and edits it. */
  async function openAndEdit(): Promise<void> {
    answers.openDocument = () => ({ ok: true, path: '/docs/mine.promtopo.json', text: serializeTopology(named('mine')), version: V1, diagnostics: [] });
    await openDocumentAt('/docs/mine.promtopo.json', { confirmed: true });
    designerStore.getState().apply((t) => ({ ...t, name: 'edited' }));
  }

  function answerOverwrite(overwrite: boolean): void {
    const d = dialogStore.getState().dialog;
    if (d?.kind !== 'confirmOverwrite') throw new Error(`expected the overwrite dialog, got ${d?.kind}`);
    d.resolve(overwrite);
  }

  it('sends the version it opened; a file changed on disk is replaced only after the user says so', async () => {
    await openAndEdit();
    answers.saveDocument = (req: SaveReq) =>
      req.overwrite ? { ok: true, path: req.path, version: V2 } : { ok: false, path: req.path, conflict: 'changed', error: 'changed on disk' };
    const saving = saveDocument();
    await vi.waitFor(() => expect(dialogKind()).toBe('confirmOverwrite'));
    const d = dialogStore.getState().dialog;
    expect(d?.kind === 'confirmOverwrite' && d.reason).toBe('changed');
    answerOverwrite(true);
    expect(await saving).toBe(true);
    const saves = calls.filter((c) => c.op === 'saveDocument').map((c) => c.request as SaveReq);
    expect(saves).toEqual([
      expect.objectContaining({ path: '/docs/mine.promtopo.json', expectedVersion: V1 }),
      expect.objectContaining({ path: '/docs/mine.promtopo.json', expectedVersion: V1, overwrite: true }),
    ]);
    expect(saves[0]?.overwrite).toBeUndefined();
    expect(selectDirty(designerStore.getState())).toBe(false);
    // The next save carries the version of what this save wrote.
    answers.saveDocument = (req: SaveReq) => ({ ok: true, path: req.path, version: V1 });
    designerStore.getState().apply((t) => ({ ...t, name: 'again' }));
    await saveDocument();
    expect((calls.at(-1)?.request as SaveReq).expectedVersion).toBe(V2);
  });

  it('Cancel in the prompt keeps the file on disk and the document dirty', async () => {
    await openAndEdit();
    answers.saveDocument = (req: SaveReq) => ({ ok: false, path: req.path, conflict: 'changed', error: 'changed on disk' });
    const saving = saveDocument();
    await vi.waitFor(() => expect(dialogKind()).toBe('confirmOverwrite'));
    answerOverwrite(false);
    expect(await saving).toBe(false);
    expect(calls.filter((c) => c.op === 'saveDocument')).toHaveLength(1);
    expect(selectDirty(designerStore.getState())).toBe(true);
  });

  it('Save As onto an existing file asks "already exists" first', async () => {
    answers.saveDocument = (req: SaveReq) => (req.overwrite ? { ok: true, path: req.path } : { ok: false, path: req.path, conflict: 'exists', error: 'exists' });
    const saving = saveDocumentTo('/docs/taken');
    await vi.waitFor(() => expect(dialogKind()).toBe('confirmOverwrite'));
    const d = dialogStore.getState().dialog;
    expect(d?.kind === 'confirmOverwrite' && [d.reason, d.path]).toEqual(['exists', '/docs/taken.promtopo.json']);
    answerOverwrite(true);
    expect(await saving).toBe(true);
  });
});
