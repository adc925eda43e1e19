/** Status bar item: error / warning / info counts; clicking opens the Problems tab. */
import { selectDiagnosticCounts } from '../../store/selectors.ts';
import { designerStore, useDesigner } from '../../store/useDesigner.ts';
import { SeverityIcon } from '../shared/SeverityIcon.tsx';
import { countLabel } from './groupDiagnostics.ts';
import '../panels.css';
import './problems.css';

/** ` errors,` after the count (the count itself is visible); the last one ends the sentence. */
function countWord(severity: 'error' | 'warning' | 'info', n: number): string {
  const words = countLabel(severity, n).replace(/^\S+\s*/, '');
  return severity === 'info' ? ` ${words}.` : ` ${words}, `;
}

export function ProblemCounts() {
  const { errors, warnings, infos } = useDesigner(selectDiagnosticCounts);
  return (
    <button
      type="button"
      className="ptp-problem-counts"
      data-testid="problem-counts"
      title="Open the Problems panel"
      onClick={() => designerStore.getState().setView({ sidebarTab: 'problems' })}
    >
      {/* The name is the visible counts with their words (screen readers: "Problems: 0 errors, ..."). */}
      <span className="ptp-sr-only">Problems: </span>
      <span className={errors > 0 ? 'ptp-count ptp-count-active' : 'ptp-count'} data-severity="error">
        <SeverityIcon severity="error" /> {errors}
        <span className="ptp-sr-only">{countWord('error', errors)}</span>
      </span>
      <span className={warnings > 0 ? 'ptp-count ptp-count-active' : 'ptp-count'} data-severity="warning">
        <SeverityIcon severity="warning" /> {warnings}
        <span className="ptp-sr-only">{countWord('warning', warnings)}</span>
      </span>
      <span className={infos > 0 ? 'ptp-count ptp-count-active' : 'ptp-count'} data-severity="info">
        <SeverityIcon severity="info" /> {infos}
        <span className="ptp-sr-only">{countWord('info', infos)}</span>
      </span>
    </button>
  );
}
