/** Mounts the Problems tab in the sidebar and the counts in the status bar. */
import type { SlotContribution } from '../../layout/slots.ts';
import { ProblemCounts } from './ProblemCounts.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';

export const slots: readonly SlotContribution[] = [
  { id: 'problems', slot: 'sidebar', title: 'Problems', order: 10, component: ProblemsPanel },
  { id: 'problem-counts', slot: 'statusbar', title: 'Problem counts', order: 10, component: ProblemCounts },
];
