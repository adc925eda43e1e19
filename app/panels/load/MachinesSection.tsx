/**
 * Load panel, machines: per server the machine size its busiest instance needs and why (the
 * bottleneck), the size chosen on the server and whether it fits, and the price per month.
 */
import { GIB } from '../../../src/capacity/constants.ts';
import { RESOURCE_LABEL } from '../../../src/capacity/serverCapacity.ts';
import type { ServerCapacity } from '../../../src/capacity/types.ts';
import { machineHeadroom } from '../../../src/capacity/machineSizes.ts';
import { selectDocument } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { formatPercent } from '../format.ts';
import { useCapacity } from './useCapacity.ts';

function needsTitle(c: ServerCapacity): string {
  const n = c.needs;
  return `${n.cpuCores.toPrecision(2)} cores, ${(n.ramBytes / GIB).toFixed(2)} GiB RAM, ${(n.disk.total / GIB).toFixed(2)} GiB disk ` +
    `(blocks ${(n.disk.blocks / GIB).toFixed(2)}, WAL ${(n.disk.wal / GIB).toFixed(2)}, compaction ${(n.disk.compaction / GIB).toFixed(2)}), ` +
    `${((n.network.total * 8) / 1e6).toFixed(2)} Mbit/s`;
}

export function MachinesSection() {
  const document = useDesigner(selectDocument);
  const capacity = useCapacity();
  const rows = Object.values(capacity).sort((a, b) => a.name.localeCompare(b.name));
  if (rows.length === 0) return null;
  return (
    <section aria-label="Machines" data-testid="load-machines">
      <h3 className="ptp-subheading">Machines (busiest instance, {formatPercent(machineHeadroom(document))} headroom)</h3>
      <table className="ptp-load-table ptp-machines-table">
        <thead>
          <tr>
            <th scope="col" className="ptp-col-name">Server</th>
            <th scope="col">Needs</th>
            <th scope="col">Because of</th>
            <th scope="col">Runs on</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-machine-server={c.name} className={c.fits ? '' : 'ptp-heat-row-hot'}>
              <th scope="row" className="ptp-col-name">{c.name}</th>
              <td data-column="needed" title={`${c.reason}. ${needsTitle(c)}`}>{c.needed?.name ?? 'none fits'}</td>
              <td data-column="bottleneck">{c.bottleneck ? RESOURCE_LABEL[c.bottleneck] : '—'}</td>
              <td data-column="chosen">
                {c.chosen ? `${c.chosen.name}${c.fits ? '' : ' (too small)'}` : '—'}
                {c.pricePerMonth !== undefined ? ` · ${c.pricePerMonth}/month` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
