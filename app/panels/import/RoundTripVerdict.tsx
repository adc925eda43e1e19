/**
 * The import dialog's verdict on the round trip: would exporting this import give configurations
 * Prometheus treats the same as the originals? Lists what would change, by file, job and field.
 */
import type { RoundTripVerdict as Verdict } from '../../../src/compare/verifyImport.ts';
import { verdictLine } from '../../../src/compare/verifyImport.ts';
import './import.css';

/** Differences shown before "and N more". */
const SHOWN = 20;

export function RoundTripVerdict({ verdict }: { verdict: Verdict }) {
  const shown = verdict.differences.slice(0, SHOWN);
  const more = verdict.differences.length - shown.length;
  return (
    <div className="ptp-import-verdict" data-testid="import-verdict" data-equal={verdict.equal}>
      <p className={`ptp-alert ${verdict.equal ? 'ptp-alert-success' : 'ptp-alert-warning'}`} role="status">
        Checked by exporting in memory: {verdictLine(verdict)}.
      </p>
      {shown.length > 0 ? (
        <ul className="ptp-import-differences">
          {shown.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
          {more > 0 ? <li className="ptp-muted">and {more} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
