/** A plain list of diagnostics (file, field, message, hint) for dialogs and the export result. */
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { SeverityIcon } from './SeverityIcon.tsx';
import '../problems/problems.css';

export function DiagnosticList({ diagnostics, testId }: { diagnostics: readonly Diagnostic[]; testId?: string }) {
  return (
    <ul className="ptp-diag-list" data-testid={testId}>
      {diagnostics.map((d, i) => (
        <li key={`${d.code}|${d.message}|${i}`} data-code={d.code} data-severity={d.severity}>
          <span className="ptp-problem-head">
            <SeverityIcon severity={d.severity} />
            <code className="ptp-code">{d.code}</code>
            {d.at.file ? <span className="ptp-field">{d.at.file}{d.at.line ? `:${d.at.line}${d.at.column ? `:${d.at.column}` : ''}` : ''}</span> : null}
            {d.at.field ? <span className="ptp-field">{d.at.field}</span> : null}
          </span>
          <span className="ptp-problem-message">{d.message}</span>
          {d.hint ? <span className="ptp-problem-hint">{d.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}
