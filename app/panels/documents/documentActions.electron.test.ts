// The file commands in Electron: native dialogs via chooseFile, no in-page dialogs.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyTopology, serializeTopology } from '../../../src/model/document.ts';
import type { HostOperation } from '../../../src/host-api.ts';
import { designerStore } from '../../store/useDesigner.ts';

const calls: { op: HostOperation; request: unknown }[] = [];
let chosen: string[] = [];
vi.mock('../../host/host.ts', () => ({
  host: {
    mode: 'electron',
    nativeDialogs: true,
    onMenuCommand: () => () => {},
    call: async (op: HostOperation, request: { path?: string }) => {
      calls.push({ op, request });
      switch (op) {
        case 'chooseFile':
          return { supported: true, paths: chosen };
        case 'openDocument':
          return { ok: true, path: request.path, text: serializeTopology(emptyTopology('from-disk')), diagnostics: [] };
        case 'saveDocument':
          return { ok: true, path: request.path };
        default:
          throw new Error(`${op}: not scripted`);
      }
    },
  },
}));

const { dialogStore } = await import('./dialogState.ts');
const { openDocumentInteractive, saveDocumentAsInteractive } = await import('./documentActions.ts');

beforeEach(() => {
  calls.length = 0;
  dialogStore.setState({ dialog: null });
  designerStore.getState().loadDocument(emptyTopology('current'), null);
});

describe('native dialogs', () => {
  it('Open uses the native file dialog and opens the chosen file', async () => {
    chosen = ['/home/me/a.promtopo.json'];
    expect(await openDocumentInteractive()).toBe(true);
    expect(calls.map((c) => c.op)).toEqual(['chooseFile', 'openDocument']);
    expect(calls[0]?.request).toEqual({ purpose: 'open' });
    expect(designerStore.getState().document.name).toBe('from-disk');
    expect(dialogStore.getState().dialog).toBeNull();
  });

  it('a cancelled native dialog changes nothing', async () => {
    chosen = [];
    expect(await openDocumentInteractive()).toBe(false);
    expect(calls.map((c) => c.op)).toEqual(['chooseFile']);
    expect(designerStore.getState().document.name).toBe('current');
  });

  it('Save As writes where the native dialog says', async () => {
    chosen = ['/home/me/b'];
    expect(await saveDocumentAsInteractive()).toBe(true);
    expect(calls.map((c) => c.op)).toEqual(['chooseFile', 'saveDocument']);
    expect(designerStore.getState().filePath).toBe('/home/me/b.promtopo.json');
  });
});
