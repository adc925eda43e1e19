/** Mounts the Export tab in the sidebar. */
import type { SlotContribution } from '../../layout/slots.ts';
import { ExportPanel } from './ExportPanel.tsx';

export const slot: SlotContribution = { id: 'export', slot: 'sidebar', title: 'Export', order: 30, component: ExportPanel };
