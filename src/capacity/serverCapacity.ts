/**
 * The capacity of every Prometheus server in machine terms: the needs of its busiest instance, the
 * smallest machine size that holds them within the headroom, the bottleneck, the chosen size and
 * whether it fits. Pure; one entry per server that has a load estimate.
 */
import type { LoadEstimate } from '../estimate/types.ts';
import type { MachineSize, PrometheusNode, Topology } from '../model/types.ts';
import { GIB } from './constants.ts';
import { busiestNeeds, instanceNeeds } from './machineNeeds.ts';
import { bottleneckOf, fitsOn, machineHeadroom, machineSizes, neededSize, sizesSmallestFirst, utilisationOn } from './machineSizes.ts';
import type { MachineNeeds, MachineResource, ServerCapacity } from './types.ts';

/** User words for a resource. */
export const RESOURCE_LABEL: Readonly<Record<MachineResource, string>> = { cpu: 'CPU', ram: 'RAM', disk: 'disk', network: 'network' };

/** Capacity of every server with a load estimate, keyed by server id. */
export function serverCapacity(topology: Topology, load: LoadEstimate): Readonly<Record<string, ServerCapacity>> {
  const sizes = machineSizes(topology);
  const headroom = machineHeadroom(topology);
  const out: Record<string, ServerCapacity> = {};
  for (const node of topology.nodes) {
    if (node.kind !== 'prometheus' || node.external) continue;
    const serverLoad = load.servers[node.id];
    if (!serverLoad) continue;
    const needs = busiestNeeds(serverLoad.instances.map((i) => instanceNeeds(topology, node, i, load)));
    if (!needs) continue;
    out[node.id] = capacityOf(node, serverLoad.instanceCount, needs, sizes, headroom);
  }
  return out;
}

function capacityOf(server: PrometheusNode, instanceCount: number, needs: MachineNeeds, sizes: readonly MachineSize[], headroom: number): ServerCapacity {
  const needed = neededSize(needs, sizes, headroom);
  const chosen = server.machine === undefined ? undefined : sizes.find((s) => s.name === server.machine);
  const shown = chosen ?? needed ?? sizesSmallestFirst(sizes).at(-1);
  const utilisation = shown ? utilisationOn(needs, shown) : {};
  const bottleneck = bottleneckOf(needed ? utilisationOn(needs, needed) : utilisation);
  const fits = chosen ? fitsOn(needs, chosen, headroom) : true;
  const priced = chosen ?? needed;
  return {
    id: server.id,
    name: server.name,
    instanceCount,
    needs,
    needed,
    bottleneck,
    reason: reasonText(needs, needed, bottleneck, headroom),
    chosen,
    utilisation,
    fits,
    pricePerMonth: priced?.pricePerMonth === undefined ? undefined : priced.pricePerMonth * instanceCount,
  };
}

/** `8.4 GiB` style amounts for the reason sentence. */
function amount(resource: MachineResource, needs: MachineNeeds): string {
  switch (resource) {
    case 'cpu': return `${needs.cpuCores >= 0.1 ? needs.cpuCores.toFixed(2) : needs.cpuCores.toPrecision(2)} cores`;
    case 'ram': return `${(needs.ramBytes / GIB).toFixed(1)} GiB RAM`;
    case 'disk': return `${(needs.disk.total / GIB).toFixed(1)} GiB disk`;
    case 'network': return `${((needs.network.total * 8) / 1e6).toFixed(1)} Mbit/s`;
  }
}

function reasonText(needs: MachineNeeds, needed: MachineSize | undefined, bottleneck: MachineResource | undefined, headroom: number): string {
  const keep = `${Math.round(headroom * 100)}% headroom`;
  if (!needed) {
    return bottleneck
      ? `no size holds ${amount(bottleneck, needs)} with ${keep}: split the server (shard) or add a larger size`
      : 'no machine size is defined';
  }
  return bottleneck
    ? `${needed.name}: ${RESOURCE_LABEL[bottleneck]} decides (${amount(bottleneck, needs)} with ${keep})`
    : needed.name;
}
