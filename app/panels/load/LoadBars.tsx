/**
 * Bars of series, samples/s, memory and disk against capacity, one block per server (plain CSS).
 * Each bar is the busiest instance against one instance's capacity (as the load model rates servers).
 * A bar past 100% is drawn full with an overflow mark; without a capacity the bar is empty and says so.
 */
import { formatExact, formatPercent } from '../format.ts';
import { RESOURCES, RESOURCE_LABEL, formatResource, heat, resourceRatio } from './loadTable.ts';
import type { LoadRow, Resource } from './loadTable.ts';

const SHORT_LABEL: Readonly<Record<Resource, string>> = {
  activeSeries: 'Series',
  samplesPerSecond: 'Samples/s',
  memoryBytes: 'Head memory',
  diskBytes: 'Disk',
};

export function LoadBars({ rows }: { rows: readonly LoadRow[] }) {
  return (
    <div className="ptp-load-bars" data-testid="load-bars" aria-label="Load against capacity">
      {rows.map((row) => (
        <figure key={row.id} className="ptp-load-bar-block" data-server-id={row.id}>
          <figcaption>
            {row.name}
            {row.instanceCount > 1 ? <span className="ptp-muted"> · {row.instanceCount} instances, busiest shown</span> : null}
          </figcaption>
          {RESOURCES.map((resource) => (
            <ResourceBar key={resource} row={row} resource={resource} />
          ))}
        </figure>
      ))}
    </div>
  );
}

function ResourceBar({ row, resource }: { row: LoadRow; resource: Resource }) {
  const ratio = resourceRatio(row, resource);
  const capacity = row.capacity[resource];
  const used = formatResource(resource, row.peak[resource]);
  const text = ratio === undefined || capacity === undefined ? `${used} (no capacity set)` : `${used} of ${formatResource(resource, capacity)} · ${formatPercent(ratio)}`;
  const tooltip =
    capacity === undefined
      ? `${RESOURCE_LABEL[resource]}: ${formatExact(row.peak[resource])}`
      : `${RESOURCE_LABEL[resource]}: ${formatExact(row.peak[resource])} of ${formatExact(capacity)}`;
  const width = ratio === undefined ? 0 : Math.min(1, ratio) * 100;
  return (
    <div className="ptp-bar-row" data-resource={resource} title={tooltip}>
      <span className="ptp-bar-label">{SHORT_LABEL[resource]}</span>
      <span
        className={`ptp-bar-track ptp-heat-${heat(ratio)}${ratio !== undefined && ratio > 1 ? ' ptp-bar-over' : ''}`}
        role="meter"
        aria-label={`${row.name} ${RESOURCE_LABEL[resource]}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={ratio === undefined ? 0 : Math.round(ratio * 100)}
        aria-valuetext={text}
      >
        <span className="ptp-bar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="ptp-bar-text">{text}</span>
    </div>
  );
}
