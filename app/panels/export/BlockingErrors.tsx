/** The errors that block an export, each with a link that selects the node or edge to fix. */
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import type { Topology } from '../../../src/model/types.ts';
import { diagnosticTarget } from '../problems/groupDiagnostics.ts';
import type { useReveal } from '../shared/useReveal.ts';
import { SeverityIcon } from '../shared/SeverityIcon.tsx';
import { fixLinkLabel } from './exportView.ts';

export function BlockingErrors({
  errors,
  topology,
  onReveal,
}: {
  errors: readonly Diagnostic[];
  topology: Topology;
  onReveal: ReturnType<typeof useReveal>;
}) {
  return (
    <div className="ptp-alert ptp-alert-error" data-testid="export-blocked">
      <strong>
        {errors.length === 1 ? '1 error blocks the export.' : `${errors.length} errors block the export.`} Fix{' '}
        {errors.length === 1 ? 'it' : 'them'} first:
      </strong>
      <ul className="ptp-blocking-list">
        {errors.map((d, i) => {
          const target = diagnosticTarget(d);
          const label = fixLinkLabel(d, topology);
          return (
            <li key={`${d.code}|${d.message}|${i}`} data-code={d.code}>
              <SeverityIcon severity="error" /> {d.message}{' '}
              {target && label ? (
                <button type="button" className="ptp-link" onClick={() => onReveal(target)}>
                  {label}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
