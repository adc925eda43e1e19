/** Registers the running-server commands and reads the server links from local settings once. */
import { useEffect } from 'react';
import { registerCommands } from '../../commands/registry.ts';
import type { SlotContribution } from '../../layout/slots.ts';
import { singleSelection } from '../../store/selectors.ts';
import { nodeLinkKeys } from './useLinkedView.ts';
import { linkedServers } from './linkedServers.ts';
import type { DesignerState } from '../../store/designerStore.ts';

/** The link keys of the one selected server node (empty when the selection is anything else). */
function selectedLinkKeys(state: DesignerState): string[] {
  const one = singleSelection(state.selection);
  return one?.kind === 'node' ? nodeLinkKeys(state.document, one.id) : [];
}

registerCommands([
  {
    id: 'server.measure',
    label: 'Measure linked running server',
    group: 'view',
    keybindings: ['Shift+M'],
    enabled: (state) => {
      const { links } = linkedServers.getState();
      return selectedLinkKeys(state).some((k) => links[k] !== undefined);
    },
    run: ({ store }) => linkedServers.measure(selectedLinkKeys(store.getState())),
  },
]);

function LoadServerLinks() {
  useEffect(() => {
    void linkedServers.load();
  }, []);
  return null;
}

export const slot: SlotContribution = { id: 'server-links', slot: 'overlay', title: 'Server links', order: 50, component: LoadServerLinks };
