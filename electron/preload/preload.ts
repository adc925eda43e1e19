/**
 * Electron preload (sandboxed, bundled to one file by scripts/build.mjs): exposes the narrow bridge
 * of bridge.ts as `window.promtopo`. The page never sees `ipcRenderer` or the IPC event objects.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

const bridge = createBridge(
  (channel, payload) => ipcRenderer.invoke(channel, payload),
  (channel, listener) => {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  },
);

contextBridge.exposeInMainWorld('promtopo', bridge);
