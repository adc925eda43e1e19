/**
 * Machine sizes: the document's list (else the built-in presets), and the choice of the smallest size
 * that holds an instance's needs within the headroom, with the resource that decides it.
 */
import type { MachineSize, Topology } from '../model/types.ts';
import { DEFAULT_HEADROOM, DEFAULT_MACHINE_SIZES, GIB } from './constants.ts';
import { MACHINE_RESOURCES, type MachineNeeds, type MachineResource, type MachineUtilisation } from './types.ts';

/** The sizes a document offers: its own list, else the presets. */
export function machineSizes(topology: Topology): readonly MachineSize[] {
  const own = topology.settings.machines?.sizes;
  return own && own.length > 0 ? own : DEFAULT_MACHINE_SIZES;
}

/** The headroom kept free on every resource (0.3 = use at most 70%). */
export function machineHeadroom(topology: Topology): number {
  return topology.settings.machines?.headroom ?? DEFAULT_HEADROOM;
}

/** Share of each resource of `size` that `needs` take (network only when the size states it). */
export function utilisationOn(needs: MachineNeeds, size: MachineSize): MachineUtilisation {
  const out: Partial<Record<MachineResource, number>> = {
    cpu: needs.cpuCores / size.vcpu,
    ram: needs.ramBytes / (size.ramGiB * GIB),
    disk: needs.disk.total / (size.diskGiB * GIB),
  };
  // Mbit/s -> bytes/s.
  if (size.networkMbps !== undefined) out.network = needs.network.total / ((size.networkMbps * 1e6) / 8);
  return out;
}

/** The resource with the highest share. */
export function bottleneckOf(utilisation: MachineUtilisation): MachineResource | undefined {
  let best: MachineResource | undefined;
  for (const r of MACHINE_RESOURCES) {
    const u = utilisation[r];
    if (u !== undefined && (best === undefined || u > (utilisation[best] ?? 0))) best = r;
  }
  return best;
}

/** Every stated resource of `size` holds the needs with `headroom` kept free. */
export function fitsOn(needs: MachineNeeds, size: MachineSize, headroom: number): boolean {
  const limit = 1 - headroom;
  return Object.values(utilisationOn(needs, size)).every((u) => u <= limit);
}

/** Sizes from the smallest: fewest vCPU, then RAM, then disk, then price; ties keep the list order. */
export function sizesSmallestFirst(sizes: readonly MachineSize[]): MachineSize[] {
  return sizes
    .map((size, i) => ({ size, i }))
    .sort((a, b) =>
      a.size.vcpu - b.size.vcpu || a.size.ramGiB - b.size.ramGiB || a.size.diskGiB - b.size.diskGiB ||
      (a.size.pricePerMonth ?? 0) - (b.size.pricePerMonth ?? 0) || a.i - b.i)
    .map((x) => x.size);
}

/** The smallest size that holds the needs within the headroom, or undefined when none does. */
export function neededSize(needs: MachineNeeds, sizes: readonly MachineSize[], headroom: number): MachineSize | undefined {
  return sizesSmallestFirst(sizes).find((s) => fitsOn(needs, s, headroom));
}
