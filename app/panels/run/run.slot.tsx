/** Mounts the Run locally control in the toolbar and registers its commands. */
import { registerCommands } from '../../commands/registry.ts';
import type { SlotContribution } from '../../layout/slots.ts';
import { serializeTopology } from '../../../src/model/document.ts';
import { localRunStore, startLocalRun, stopLocalRun } from './localRunStore.ts';
import { RunControl } from './RunControl.tsx';

registerCommands([
  {
    id: 'run.local',
    label: 'Run locally',
    group: 'file',
    enabled: () => localRunStore.getState().phase === 'idle',
    run: ({ store }) => startLocalRun(serializeTopology(store.getState().document)),
  },
  {
    id: 'run.stop',
    label: 'Stop local run',
    group: 'file',
    enabled: () => localRunStore.getState().phase === 'running',
    run: () => stopLocalRun(),
  },
]);

export const slot: SlotContribution = { id: 'run', slot: 'toolbar', title: 'Run locally', order: 90, component: RunControl };
