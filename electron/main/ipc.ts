/**
 * IPC handlers of the main process: one `ipcMain.handle('promtopo:<op>')` per host operation and
 * nothing else. Each checks the sender (the frame must be the app's own page) and re-parses the
 * payload with the operation's schema (invokeHostOperation) before any service runs. Takes the
 * `ipcMain`-like object as a parameter, so tests run without Electron.
 */
import { hostChannel, hostOperations } from '../../src/host-api.ts';
import type { HostHandlers } from '../services/hostHandlers.ts';
import { invokeHostOperation } from '../services/hostHandlers.ts';
import { isTrustedSenderUrl } from './security.ts';

/** The part of an IPC event we look at: the sending frame's URL. */
export interface IpcEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The subset of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>): void;
}

/** Handles one IPC call: refused sender or invalid payload -> a thrown Error with a one-line message. */
export async function handleIpcCall(handlers: HostHandlers, op: string, event: IpcEventLike, payload: unknown): Promise<unknown> {
  const url = event.senderFrame?.url;
  if (!isTrustedSenderUrl(url)) throw new Error(`${op}: refused: the request does not come from the PromTopo window`);
  const result = await invokeHostOperation(handlers, op, payload);
  if (!result.ok) throw new Error(result.error);
  return result.body;
}

/** Registers every host operation; returns the channels registered. */
export function registerHostIpc(ipcMain: IpcMainLike, handlers: HostHandlers): string[] {
  const channels: string[] = [];
  for (const op of hostOperations) {
    const channel = hostChannel(op);
    ipcMain.handle(channel, (event, payload) => handleIpcCall(handlers, op, event, payload));
    channels.push(channel);
  }
  return channels;
}
