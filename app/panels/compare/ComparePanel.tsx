/**
 * The Compare tab: what differs between the file chosen with "Compare with file..." (before) and the
 * open design (after), derived on every edit; each entry reveals its node or edge on the canvas, and
 * the load change per server (with the machine size needed and its price) is listed below.
 */
import { useMemo } from 'react';
import { builtinCatalogs } from '../../../assets/catalogs/builtinCatalogs.ts';
import { diffSummary } from '../../../src/diff/diffText.ts';
import { diffTopologies } from '../../../src/diff/diffTopologies.ts';
import { machineSizeChange, priceChange } from '../../../src/diff/machineChange.ts';
import type { LoadFigures } from '../../../src/diff/types.ts';
import { runCommand } from '../../commands/runCommand.ts';
import { selectDocument } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { formatBytes, formatCount } from '../format.ts';
import { useReveal } from '../shared/useReveal.ts';
import { baseName } from '../documents/paths.ts';
import { clearComparison } from './compareActions.ts';
import { compareRows } from './compareRows.ts';
import { useCompareState } from './compareState.ts';
import '../panels.css';
import './compare.css';

const MARK = { added: '+', removed: '−', changed: '~' } as const;

function change(before: number | undefined, after: number | undefined, format: (n: number) => string): string {
  if (before === undefined) return `${format(after ?? 0)} (new)`;
  if (after === undefined) return `${format(before)} (gone)`;
  return before === after ? format(after) : `${format(before)} → ${format(after)}`;
}

function pick(f: LoadFigures | undefined, key: 'activeSeries' | 'samplesPerSecond' | 'memoryBytes'): number | undefined {
  return f?.[key];
}

export function ComparePanel() {
  const comparison = useCompareState((s) => s.comparison);
  const document = useDesigner(selectDocument);
  const diff = useMemo(() => (comparison ? diffTopologies(comparison.topology, document, builtinCatalogs) : null), [comparison, document]);
  const rows = useMemo(() => (diff ? compareRows(diff) : []), [diff]);
  const reveal = useReveal();

  if (!comparison || !diff) {
    return (
      <section className="ptp-panel" aria-label="Compare">
        <p className="ptp-empty" data-testid="compare-empty">
          Compare the open design with another version of it: servers, targets, edges and selectors added, removed or
          changed, and the load change per server.
        </p>
        <button type="button" className="ptp-primary" onClick={() => runCommand('file.compare')}>
          Compare with file…
        </button>
      </section>
    );
  }
  return (
    <section className="ptp-panel" aria-label="Compare" data-testid="compare-panel">
      <p className="ptp-compare-head">
        <span title={comparison.path}>{baseName(comparison.path)}</span> (before) → this design (after)
      </p>
      <p className="ptp-muted" data-testid="compare-summary">
        {diff.changed ? diffSummary(diff) : 'No changes'}
        {diff.moved.length ? `; ${diff.moved.length} moved on the canvas` : ''}
      </p>
      {rows.length ? (
        <ul className="ptp-compare-list" aria-label="Changes">
          {rows.map((row) => (
            <li key={row.key} className={`ptp-compare-${row.change}`}>
              <button
                type="button"
                disabled={!row.target}
                title={row.target ? 'Show on the canvas' : 'Only in the file compared with'}
                onClick={() => row.target && reveal(row.target)}
              >
                <span className="ptp-compare-mark" aria-label={row.change}>
                  {MARK[row.change]}
                </span>
                <span>{row.text}</span>
              </button>
              {row.details.length ? (
                <ul className="ptp-compare-details">
                  {row.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {diff.load.length ? (
        <>
          <h3 className="ptp-panel-heading">Load change per server</h3>
          <table className="ptp-compare-load" data-testid="compare-load">
            <thead>
              <tr>
                <th scope="col">Server</th>
                <th scope="col">Series</th>
                <th scope="col">Samples/s</th>
                <th scope="col">Memory</th>
                <th scope="col">Machine size</th>
                <th scope="col">Price/month</th>
              </tr>
            </thead>
            <tbody>
              {diff.load.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  <td>{change(pick(l.before, 'activeSeries'), pick(l.after, 'activeSeries'), formatCount)}</td>
                  <td>{change(pick(l.before, 'samplesPerSecond'), pick(l.after, 'samplesPerSecond'), formatCount)}</td>
                  <td>{change(pick(l.before, 'memoryBytes'), pick(l.after, 'memoryBytes'), formatBytes)}</td>
                  <td data-testid="compare-machine">{machineSizeChange(l, '→')}</td>
                  <td data-testid="compare-price">{priceChange(l, '→')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <p>
        <button type="button" onClick={() => runCommand('file.compare')}>
          Compare with another file…
        </button>{' '}
        <button type="button" onClick={clearComparison}>
          Close comparison
        </button>
      </p>
    </section>
  );
}
