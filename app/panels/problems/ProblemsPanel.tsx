/**
 * Problems panel: every diagnostic of the document grouped by severity with counts; each shows its
 * code, message and hint; clicking one selects and centres its node or edge.
 */
import { memo, useMemo } from 'react';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { selectDiagnostics } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { useReveal } from '../shared/useReveal.ts';
import { SeverityIcon } from '../shared/SeverityIcon.tsx';
import { countLabel, diagnosticKey, diagnosticTarget, groupDiagnostics } from './groupDiagnostics.ts';
import '../panels.css';
import './problems.css';

export function ProblemsPanel() {
  const diagnostics = useDesigner(selectDiagnostics);
  const groups = useMemo(() => groupDiagnostics(diagnostics), [diagnostics]);
  const reveal = useReveal();
  if (groups.length === 0) {
    return (
      <section className="ptp-panel" aria-label="Problems">
        <p className="ptp-empty" data-testid="problems-empty">
          No problems. The topology is ready to export.
        </p>
      </section>
    );
  }
  return (
    <section className="ptp-panel" aria-label="Problems">
      {groups.map((group) => (
        <section key={group.severity} className={`ptp-problem-group ptp-sev-${group.severity}`} data-severity={group.severity}>
          <h3 className="ptp-panel-heading">
            <SeverityIcon severity={group.severity} />
            {countLabel(group.severity, group.diagnostics.length)}
          </h3>
          <ul className="ptp-problem-list">
            {group.diagnostics.map((d, i) => (
              <ProblemItem key={`${diagnosticKey(d)}#${i}`} diagnostic={d} onReveal={reveal} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

const ProblemItem = memo(function ProblemItem({
  diagnostic,
  onReveal,
}: {
  diagnostic: Diagnostic;
  onReveal: ReturnType<typeof useReveal>;
}) {
  const target = diagnosticTarget(diagnostic);
  const body = (
    <>
      <span className="ptp-problem-head">
        <SeverityIcon severity={diagnostic.severity} />
        <code className="ptp-code">{diagnostic.code}</code>
        {diagnostic.at.field ? <span className="ptp-field">{diagnostic.at.field}</span> : null}
      </span>
      <span className="ptp-problem-message">{diagnostic.message}</span>
      {diagnostic.hint ? <span className="ptp-problem-hint">{diagnostic.hint}</span> : null}
    </>
  );
  return (
    <li className="ptp-problem" data-code={diagnostic.code} data-severity={diagnostic.severity}>
      {target ? (
        <button
          type="button"
          className="ptp-problem-button"
          data-target-kind={target.kind}
          data-target-id={target.id}
          title={`Select the ${target.kind} on the canvas`}
          onClick={() => onReveal(target)}
        >
          {body}
        </button>
      ) : (
        <div className="ptp-problem-button ptp-static">{body}</div>
      )}
    </li>
  );
});
