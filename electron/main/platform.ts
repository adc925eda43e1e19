/**
 * The Electron-only host features (native dialogs, window title and close guard, native edit
 * actions) for one window, as a HostPlatform for the shared host handlers.
 */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { HostPlatform } from '../services/hostHandlers.ts';

const TOPOLOGY_FILTERS = [{ name: 'PromTopo topology', extensions: ['promtopo.json', 'json'] }];
const PROMETHEUS_FILTERS = [{ name: 'Prometheus configuration', extensions: ['yml', 'yaml'] }, { name: 'All files', extensions: ['*'] }];

/** What the window knows about its document (from setDocumentState). */
export interface DocumentState {
  title: string;
  dirty: boolean;
}

export function electronPlatform(window: () => BrowserWindow | undefined, state: DocumentState, version: string): HostPlatform {
  return {
    mode: 'electron',
    version,
    chooseFolder: async (req) => {
      const win = window();
      const options = { title: req.title ?? 'Choose a folder', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[], ...(req.defaultPath ? { defaultPath: req.defaultPath } : {}) };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? undefined : r.filePaths[0];
    },
    chooseFile: async (req) => {
      const win = window();
      const defaultPath = req.defaultPath ? { defaultPath: req.defaultPath } : {};
      if (req.purpose === 'save') {
        // Linux's native dialog asks before choosing an existing file only when told to.
        const options = { title: 'Save topology', filters: TOPOLOGY_FILTERS, properties: ['showOverwriteConfirmation', 'createDirectory'] as ('showOverwriteConfirmation' | 'createDirectory')[], ...defaultPath };
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? [] : [r.filePath];
      }
      const importing = req.purpose === 'import';
      const options = {
        title: importing ? 'Import Prometheus configuration' : 'Open topology',
        filters: importing ? PROMETHEUS_FILTERS : TOPOLOGY_FILTERS,
        properties: (importing ? ['openFile', 'multiSelections'] : ['openFile']) as ('openFile' | 'multiSelections')[],
        ...defaultPath,
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? [] : r.filePaths;
    },
    setDocumentState: (req) => {
      state.title = req.title;
      state.dirty = req.dirty;
      const win = window();
      if (!win) return;
      win.setTitle(`${req.dirty ? '• ' : ''}${req.title} - PromTopo`);
      win.setDocumentEdited(req.dirty);
      if (req.path) win.setRepresentedFilename(req.path);
    },
    nativeEdit: (action) => {
      const contents = window()?.webContents;
      if (!contents) return;
      const actions = { undo: () => contents.undo(), redo: () => contents.redo(), cut: () => contents.cut(), copy: () => contents.copy(), paste: () => contents.paste(), selectAll: () => contents.selectAll() };
      actions[action]();
    },
  };
}
