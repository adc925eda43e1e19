/**
 * Sizes the estimate refuses to enumerate: a server with more HA replicas or hashmod shards than
 * PromTopo generates, or a target group with more placeholder targets than MAX_PLACEHOLDER_TARGETS.
 * Such a document (a typo: 1000000000 replicas) would otherwise make the estimate run for ever; the
 * validator reports the same sizes as errors.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Topology } from '../model/types.ts';
import { MAX_REPLICAS } from '../validate/ha.ts';
import { MAX_SHARDS } from '../validate/hashmod.ts';

/** Most placeholder targets (`count`) one target group may have. */
export const MAX_PLACEHOLDER_TARGETS = 100_000;

/** One `load/too-large` error per node whose size the estimate will not enumerate. */
export function oversizedNodes(topology: Topology): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (id: string, name: string, field: string, what: string) =>
    found.push({ code: 'load/too-large', severity: 'error', message: `"${name}": ${what}; the load is not estimated`, at: { node: id, field } });
  for (const node of topology.nodes) {
    if (node.kind === 'prometheus') {
      if ((node.ha?.replicas ?? 1) > MAX_REPLICAS) report(node.id, node.name, 'ha.replicas', `${node.ha?.replicas} replicas is more than ${MAX_REPLICAS}`);
      if ((node.hashmod?.shards ?? 1) > MAX_SHARDS) report(node.id, node.name, 'hashmod.shards', `${node.hashmod?.shards} shards is more than ${MAX_SHARDS}`);
    } else if (node.kind === 'targets' && node.targets.length === 0 && (node.count ?? 0) > MAX_PLACEHOLDER_TARGETS) {
      report(node.id, node.name, 'count', `${node.count} placeholder targets is more than ${MAX_PLACEHOLDER_TARGETS}`);
    }
  }
  return found;
}
