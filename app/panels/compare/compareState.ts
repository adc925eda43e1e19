/**
 * "Compare with file...": the document read from the chosen file (the "before" side) and whether the
 * in-page path dialog is open. View state only, kept out of the document and its history; the diff
 * itself is derived from this and the current document (ComparePanel), so it follows every edit.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Topology } from '../../../src/model/types.ts';

export interface Comparison {
  /** Path of the file compared with, as the host answered it. */
  readonly path: string;
  readonly topology: Topology;
}

export interface CompareState {
  readonly comparison: Comparison | null;
  /** Browser mode: the dialog asking for the file's path is open. */
  readonly asking: boolean;
}

export const compareStore = createStore<CompareState>()(() => ({ comparison: null, asking: false }));

export function useCompareState<T>(select: (state: CompareState) => T): T {
  return useStore(compareStore, select);
}
