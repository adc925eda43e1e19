/**
 * Machine-size fragments of the capacity report: the size a server needs and the one it is set to,
 * what decides it, its price, and the busiest instance's share of each resource of that size.
 */
import { RESOURCE_LABEL } from '../capacity/serverCapacity.ts';
import { MACHINE_RESOURCES, type ServerCapacity } from '../capacity/types.ts';
import { formatCount, formatPercent } from '../diff/units.ts';
import type { MachineSize } from '../model/types.ts';
import { escapeHtml as e } from './escapeHtml.ts';

export const NOT_SET = '<span class="unset">not set</span>';

/** `medium-4x16 (4 vCPU, 16 GiB RAM, 250 GiB disk)`. */
export function sizeText(size: MachineSize): string {
  return `${size.name} (${size.vcpu} vCPU, ${size.ramGiB} GiB RAM, ${size.diskGiB} GiB disk${size.networkMbps === undefined ? '' : `, ${size.networkMbps} Mbit/s`})`;
}

/** `240 per month (2 instances)`, or undefined when the size has no price. */
export function priceText(capacity: ServerCapacity): string | undefined {
  if (capacity.pricePerMonth === undefined) return undefined;
  return `${formatCount(capacity.pricePerMonth)} per month${capacity.instanceCount > 1 ? ` (${capacity.instanceCount} instances)` : ''}`;
}

/** The size the server runs on: the chosen one, else the needed one. */
function shownSize(capacity: ServerCapacity): MachineSize | undefined {
  return capacity.chosen ?? capacity.needed;
}

/** The "Machine size" cell of the load table: the size and a bar per resource of it. */
export function machineLoadCell(capacity: ServerCapacity | undefined, headroom: number): string {
  if (!capacity) return `<td>${NOT_SET}</td>`;
  const size = shownSize(capacity);
  const title = size ? `${e(size.name)}${capacity.chosen ? '' : ' <span class="of">(needed)</span>'}` : '<span class="over">no size holds it</span>';
  const bars = MACHINE_RESOURCES.flatMap((r) => {
    const ratio = capacity.utilisation[r];
    if (ratio === undefined) return [];
    const level = ratio >= 1 ? 'over' : ratio > 1 - headroom ? 'near' : 'ok';
    const width = Math.min(100, Math.max(1, ratio * 100));
    return [`<div class="bar ${level}"><span style="width:${width.toFixed(1)}%"></span></div><div class="of">${e(`${RESOURCE_LABEL[r]} ${formatPercent(ratio)}`)}</div>`];
  });
  const fit = capacity.fits ? '' : `<div class="of over">does not fit: needs ${capacity.needed ? e(capacity.needed.name) : 'a larger size'}</div>`;
  return `<td>${title}${bars.join('')}${fit}</td>`;
}

/** One row of the machine-size table: needed, chosen, decided by (with the reason), price. */
export function machineRow(name: string, capacity: ServerCapacity | undefined): string {
  if (!capacity) return `<tr><th scope="row">${e(name)}</th><td>${NOT_SET}</td><td>${NOT_SET}</td><td>${NOT_SET}</td><td>${NOT_SET}</td></tr>`;
  const needed = capacity.needed ? e(sizeText(capacity.needed)) : '<span class="over">no size holds it</span>';
  const chosen = capacity.chosen ? `${e(sizeText(capacity.chosen))}${capacity.fits ? '' : ' <span class="over">(too small)</span>'}` : NOT_SET;
  const decided = `${capacity.bottleneck ? e(RESOURCE_LABEL[capacity.bottleneck]) : NOT_SET}<div class="of">${e(capacity.reason)}</div>`;
  const price = priceText(capacity);
  return `<tr><th scope="row">${e(name)}</th><td>${needed}</td><td>${chosen}</td><td>${decided}</td><td>${price === undefined ? NOT_SET : e(price)}</td></tr>`;
}

/** The needed size in a scenario column: `needs large-8x32 (RAM)`. */
export function scenarioMachineLine(capacity: ServerCapacity | undefined): string {
  if (!capacity) return '';
  const size = capacity.needed ? `needs ${e(capacity.needed.name)}` : 'no size holds it';
  const price = priceText(capacity);
  return `<br>${size}${capacity.bottleneck ? ` (${e(RESOURCE_LABEL[capacity.bottleneck])})` : ''}${price === undefined ? '' : `, ${e(price)}`}`;
}
