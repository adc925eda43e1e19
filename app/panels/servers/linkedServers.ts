/** The renderer's one linked-server store, on the app's host, and hooks over it. */
import { useStore } from 'zustand';
import { host } from '../../host/host.ts';
import { createLinkedServerStore, type LinkedServerState } from './linkedServerStore.ts';

export const linkedServers = createLinkedServerStore((op, request) => host.call(op, request));

export function useLinkedServers<T>(select: (s: LinkedServerState) => T): T {
  return useStore(linkedServers, select);
}
