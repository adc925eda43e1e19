/**
 * `window.promtopo`: one narrow function per host operation, each bound to its own IPC channel, plus
 * the menu-command subscription. Nothing generic (no `invoke(channel)`, no `ipcRenderer`) crosses
 * into the page. Built from injected `invoke`/`listen` so it is testable without Electron.
 */
import { MENU_COMMAND_CHANNEL, hostChannel } from '../../src/host-api.ts';
import type { HostBridge, MenuCommand } from '../../src/host-api.ts';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
/** Subscribes to an IPC channel; returns an unsubscribe. */
export type Listen = (channel: string, listener: (payload: unknown) => void) => () => void;

export function createBridge(invoke: Invoke, listen: Listen): HostBridge {
  return {
    exportBundle: (request) => invoke(hostChannel('exportBundle'), request),
    openDocument: (request) => invoke(hostChannel('openDocument'), request),
    saveDocument: (request) => invoke(hostChannel('saveDocument'), request),
    listExamples: (request) => invoke(hostChannel('listExamples'), request),
    loadExample: (request) => invoke(hostChannel('loadExample'), request),
    recentFiles: (request) => invoke(hostChannel('recentFiles'), request),
    hostInfo: (request) => invoke(hostChannel('hostInfo'), request),
    chooseFolder: (request) => invoke(hostChannel('chooseFolder'), request),
    chooseFile: (request) => invoke(hostChannel('chooseFile'), request),
    importConfigs: (request) => invoke(hostChannel('importConfigs'), request),
    measureServer: (request) => invoke(hostChannel('measureServer'), request),
    importFromServer: (request) => invoke(hostChannel('importFromServer'), request),
    serverLinks: (request) => invoke(hostChannel('serverLinks'), request),
    setDocumentState: (request) => invoke(hostChannel('setDocumentState'), request),
    nativeEdit: (request) => invoke(hostChannel('nativeEdit'), request),
    startLocalRun: (request) => invoke(hostChannel('startLocalRun'), request),
    localRunStatus: (request) => invoke(hostChannel('localRunStatus'), request),
    stopLocalRun: (request) => invoke(hostChannel('stopLocalRun'), request),
    onMenuCommand: (listener) => listen(MENU_COMMAND_CHANNEL, (payload) => listener(payload as MenuCommand)),
  };
}
