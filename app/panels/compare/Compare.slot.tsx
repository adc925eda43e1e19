/** Mounts the Compare tab in the sidebar and its in-page path dialog in the overlay. */
import type { SlotContribution } from '../../layout/slots.ts';
import { COMPARE_TAB } from './compareActions.ts';
import { CompareDialog } from './CompareDialog.tsx';
import { ComparePanel } from './ComparePanel.tsx';

export const slots: readonly SlotContribution[] = [
  { id: COMPARE_TAB, slot: 'sidebar', title: 'Compare', order: 70, component: ComparePanel },
  { id: 'compare-dialog', slot: 'overlay', title: 'Compare dialog', order: 10, component: CompareDialog },
];
