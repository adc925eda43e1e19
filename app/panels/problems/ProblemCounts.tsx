/** Status bar item: error / warning / info counts; clicking opens the Problems tab. */
import { selectDiagnosticCounts } from '../../store/selectors.ts';
import { designerStore, useDesigner } from '../../store/useDesigner.ts';
import { SeverityIcon } from '../shared/SeverityIcon.tsx';
import { countLabel } from './groupDiagnostics.ts';
import '../panels.css';
import './problems.css';

export function ProblemCounts() {
  const { errors, warnings, infos } = useDesigner(selectDiagnosticCounts);
  const label = `${countLabel('error', errors)}, ${countLabel('warning', warnings)}, ${countLabel('info', infos)}`;
  return (
    <button
      type="button"
      className="ptp-problem-counts"
      data-testid="problem-counts"
      aria-label={`Problems: ${label}. Open the Problems panel`}
      title="Open the Problems panel"
      onClick={() => designerStore.getState().setView({ sidebarTab: 'problems' })}
    >
      <span className={errors > 0 ? 'ptp-count ptp-count-active' : 'ptp-count'} data-severity="error">
        <SeverityIcon severity="error" /> {errors}
      </span>
      <span className={warnings > 0 ? 'ptp-count ptp-count-active' : 'ptp-count'} data-severity="warning">
        <SeverityIcon severity="warning" /> {warnings}
      </span>
      <span className={infos > 0 ? 'ptp-count ptp-count-active' : 'ptp-count'} data-severity="info">
        <SeverityIcon severity="info" /> {infos}
      </span>
    </button>
  );
}
