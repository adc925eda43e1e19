/**
 * Load panel: the bottleneck in a sentence, a per-server table sortable by every column (human units,
 * exact numbers in tooltips), bars of series, samples/s, memory and disk against capacity, and the
 * remote_write tables (edges and receivers).
 * Derived from the document by the load model (memoized per document), so it updates on every edit.
 * Where a server is linked to a running Prometheus, a Measured column shows what it measured.
 */
import { useMemo, useState } from 'react';
import { formatBytes, formatCount, formatExact, formatPercent } from '../format.ts';
import { useReveal } from '../shared/useReveal.ts';
import { LoadBars } from './LoadBars.tsx';
import { MeasuredCell, useAnyLinked } from '../servers/MeasuredCell.tsx';
import { MachinesSection } from './MachinesSection.tsx';
import { RemoteWriteSection } from './RemoteWriteSection.tsx';
import { WhatIfSection } from './WhatIfSection.tsx';
import { loadRows } from './loadRows.ts';
import { useLoadEstimate } from './useLoadEstimate.ts';
import { bottleneckSentence, findBottleneck, heat, nextSort, sortRows } from './loadTable.ts';
import type { Column, LoadRow, SortOrder } from './loadTable.ts';
import '../panels.css';
import './load.css';

interface ColumnSpec {
  readonly column: Column;
  /** Header text; a `/` may break onto a second line in the narrow sidebar. */
  readonly label: string;
  readonly title: string;
  readonly show: (row: LoadRow) => string;
  readonly exact: (row: LoadRow) => string;
}

const COLUMN_SPECS: readonly ColumnSpec[] = [
  { column: 'name', label: 'Server', title: 'Server name', show: (r) => r.name, exact: (r) => r.name },
  { column: 'activeSeries', label: 'Series', title: 'Active head series', show: (r) => formatCount(r.activeSeries), exact: (r) => `${formatExact(r.activeSeries)} series` },
  { column: 'samplesPerSecond', label: 'Samples/s', title: 'Ingested samples per second', show: (r) => formatCount(r.samplesPerSecond), exact: (r) => `${formatExact(r.samplesPerSecond)} samples/s` },
  { column: 'scrapesPerSecond', label: 'Scrapes/s', title: 'Scrapes per second', show: (r) => formatCount(r.scrapesPerSecond), exact: (r) => `${formatExact(r.scrapesPerSecond)} scrapes/s` },
  { column: 'memoryBytes', label: 'Head mem', title: 'Estimated head memory (TSDB head only)', show: (r) => formatBytes(r.memoryBytes), exact: (r) => `${formatExact(r.memoryBytes)} bytes of head memory` },
  { column: 'residentMemoryBytes', label: 'RSS', title: 'Estimated process memory (RSS, as process_resident_memory_bytes reports it)', show: (r) => formatBytes(r.residentMemoryBytes), exact: (r) => `${formatExact(r.residentMemoryBytes)} bytes resident` },
  { column: 'diskBytes', label: 'Disk', title: 'Estimated disk for the retention', show: (r) => formatBytes(r.diskBytes), exact: (r) => `${formatExact(r.diskBytes)} bytes` },
  {
    column: 'utilisation',
    label: 'Used',
    title: 'Highest share of capacity used',
    show: (r) => (r.utilisation === undefined ? '—' : formatPercent(r.utilisation)),
    exact: (r) => (r.utilisation === undefined ? 'No capacity set' : `${formatExact(r.utilisation * 100)}% of capacity`),
  },
];

export function LoadPanel() {
  const estimate = useLoadEstimate();
  const rows = useMemo(() => loadRows(estimate), [estimate]);
  const [order, setOrder] = useState<SortOrder>({ column: 'activeSeries', descending: true });
  const sorted = useMemo(() => sortRows(rows, order), [rows, order]);
  const bottleneck = useMemo(() => findBottleneck(rows), [rows]);
  const reveal = useReveal();
  const linked = useAnyLinked();

  if (rows.length === 0) {
    return (
      <section className="ptp-panel" aria-label="Load">
        <p className="ptp-empty" data-testid="load-empty">
          No Prometheus server yet. Add a leaf from the palette and connect a target group to see its load.
        </p>
      </section>
    );
  }
  return (
    <section className="ptp-panel" aria-label="Load">
      <p className={`ptp-bottleneck ptp-heat-${heat(bottleneck?.ratio)}`} data-testid="load-bottleneck">
        {bottleneckSentence(bottleneck)}
      </p>
      <div className="ptp-table-wrap">
        <table className="ptp-load-table" data-testid="load-table">
          <thead>
            <tr>
              {COLUMN_SPECS.map((spec) => {
                const active = order.column === spec.column;
                return (
                  <th
                    key={spec.column}
                    scope="col"
                    aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'}
                    className={spec.column === 'name' ? 'ptp-col-name' : 'ptp-col-num'}
                    data-column={spec.column}
                  >
                    <button type="button" title={`${spec.title}: sort`} onClick={() => setOrder((o) => nextSort(o, spec.column))}>
                      {active ? (
                        <span className="ptp-sort-mark" aria-hidden="true">
                          {order.descending ? '▼' : '▲'}
                        </span>
                      ) : null}
                      {spec.label.split('/').map((part, i) => (i === 0 ? part : <span key={i}><wbr />/{part}</span>))}
                    </button>
                  </th>
                );
              })}
              {linked ? (
                <th scope="col" className="ptp-col-num" data-column="measured" title="Measured on the linked running server (error of the prediction in percent)">
                  Measured
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.id} data-server-id={row.id} data-server-name={row.name} className={`ptp-heat-row-${heat(row.utilisation)}`}>
                {COLUMN_SPECS.map((spec) =>
                  spec.column === 'name' ? (
                    <th key={spec.column} scope="row" className="ptp-col-name">
                      <button type="button" className="ptp-link" title={`${row.name}: select on the canvas`} onClick={() => reveal({ kind: 'node', id: row.id })}>
                        {row.name}
                      </button>
                    </th>
                  ) : (
                    <td key={spec.column} className="ptp-col-num" data-column={spec.column} title={spec.exact(row)}>
                      {spec.show(row)}
                    </td>
                  ),
                )}
                {linked ? <MeasuredCell id={row.id} /> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="ptp-muted ptp-narrow-note">Widen the side panels (drag their left edge) to see Scrapes/s, Head mem and Disk in the table.</p>
      <LoadBars rows={sorted} />
      <RemoteWriteSection />
      <MachinesSection />
      <WhatIfSection />
    </section>
  );
}
