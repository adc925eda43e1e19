/** Edits of the document's machine sizes and headroom (`settings.machines`), each a new document. */
import type { MachineSettings, MachineSize, Topology } from '../model/types.ts';
import { DEFAULT_MACHINE_SIZES } from './constants.ts';

function withMachines(t: Topology, machines: MachineSettings): Topology {
  const { machines: _old, ...rest } = t.settings;
  const empty = machines.sizes === undefined && machines.headroom === undefined;
  return { ...t, settings: empty ? rest : { ...rest, machines } };
}

/** The sizes as the document edits them: its own list, else a copy of the presets. */
export function editableSizes(t: Topology): readonly MachineSize[] {
  return t.settings.machines?.sizes ?? DEFAULT_MACHINE_SIZES;
}

/** Replaces the document's sizes (undefined: back to the presets). */
export function setMachineSizes(t: Topology, sizes: readonly MachineSize[] | undefined): Topology {
  const { sizes: _old, ...rest } = t.settings.machines ?? {};
  return withMachines(t, sizes === undefined ? rest : { ...rest, sizes: [...sizes] });
}

/** Changes one size (the presets become the document's list on the first change). */
export function updateMachineSize(t: Topology, index: number, patch: Partial<MachineSize>): Topology {
  const sizes = editableSizes(t);
  const current = sizes[index];
  if (!current) return t;
  const next: MachineSize = { ...current, ...patch };
  if (patch.pricePerMonth === undefined && 'pricePerMonth' in patch) delete (next as { pricePerMonth?: number }).pricePerMonth;
  return setMachineSizes(t, sizes.map((s, i) => (i === index ? next : s)));
}

/** Adds a size after the last one, named `size-N` (unique). */
export function addMachineSize(t: Topology): Topology {
  const sizes = editableSizes(t);
  let n = sizes.length + 1;
  while (sizes.some((s) => s.name === `size-${n}`)) n++;
  return setMachineSizes(t, [...sizes, { name: `size-${n}`, vcpu: 4, ramGiB: 16, diskGiB: 250 }]);
}

/** Removes one size. */
export function removeMachineSize(t: Topology, index: number): Topology {
  const sizes = editableSizes(t);
  if (!sizes[index]) return t;
  return setMachineSizes(t, sizes.filter((_, i) => i !== index));
}

/** Sets the headroom kept free (undefined: the default). */
export function setHeadroom(t: Topology, headroom: number | undefined): Topology {
  const { headroom: _old, ...rest } = t.settings.machines ?? {};
  return withMachines(t, headroom === undefined ? rest : { ...rest, headroom });
}
