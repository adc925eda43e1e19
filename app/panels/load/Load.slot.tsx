/** Mounts the Load tab in the sidebar. */
import type { SlotContribution } from '../../layout/slots.ts';
import { LoadPanel } from './LoadPanel.tsx';

export const slot: SlotContribution = { id: 'load', slot: 'sidebar', title: 'Load', order: 20, component: LoadPanel };
