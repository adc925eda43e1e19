/**
 * Resharding preview: what changing a hashmod server's shard count does to its targets, computed with
 * the same offline hashmod as the export (model/hashmod.ts). A target whose shard changes starts being
 * scraped by its new shard; its history stays on the old one until retention removes it, so for one
 * retention period a query over that target's past must read both shards.
 */
import { hashmodOf, shardAssignmentProblem, targetLabelsBeforeRelabel } from '../model/hashmod.ts';
import { describeNode } from '../model/lookup.ts';
import { groupTargets } from '../model/targets.ts';
import type { PrometheusNode, TargetGroupNode, Topology } from '../model/types.ts';
import { MAX_SHARDS } from '../validate/hashmod.ts';
import { withInstanceAddresses, baseAddress } from './addresses.ts';
import { planError, type PlanOutcome } from './outcome.ts';
import { findServer, replaceNode } from './servers.ts';

export interface MovedTarget {
  readonly group: string;
  readonly target: string;
  readonly from: number;
  readonly to: number;
}

export interface ReshardPreview {
  readonly server: string;
  readonly serverId: string;
  readonly fromShards: number;
  readonly toShards: number;
  /** Targets whose shard is known offline. */
  readonly targets: number;
  readonly moved: readonly MovedTarget[];
  /** moved / targets (0 when there are none). */
  readonly movedFraction: number;
  /** Target groups whose assignment cannot be computed offline, and why. */
  readonly unknown: readonly { readonly group: string; readonly reason: string }[];
  /** The server's retention: how long moved targets' history stays on their old shard. */
  readonly retention: string;
  /** What the change means for queries and retention, one sentence each. */
  readonly consequences: readonly string[];
}

/** Shard of one target under `modulus`, as Prometheus' hashmod relabel computes it. */
function shardOf(server: PrometheusNode, group: TargetGroupNode, target: string, modulus: number): number {
  const labels = targetLabelsBeforeRelabel(server, group, target);
  const sourceLabels = server.hashmod?.sourceLabels ?? ['__address__'];
  return hashmodOf(sourceLabels.map((l) => labels[l] ?? ''), modulus);
}

/** The preview of setting `serverRef`'s shard count to `toShards` (a server without hashmod counts as 1 shard). */
export function previewReshard(topology: Topology, serverRef: string, toShards: number): PlanOutcome<ReshardPreview> {
  const found = findServer(topology, serverRef);
  if (!found.ok) return planError(found.error, found.node);
  const server = found.server;
  if (!Number.isInteger(toShards) || toShards < 1 || toShards > MAX_SHARDS) {
    return planError(`${describeNode(server)}, hashmod.shards: ${toShards} is not a shard count (1 to ${MAX_SHARDS})`, server.id, 'hashmod.shards');
  }
  const fromShards = server.hashmod ? Math.max(1, server.hashmod.shards) : 1;
  const probe: PrometheusNode = server.hashmod ? server : { ...server, hashmod: { shards: 1, sourceLabels: ['__address__'] } };
  const groupIds = new Set(topology.edges.filter((e) => e.kind === 'scrape' && e.server === server.id).map((e) => (e.kind === 'scrape' ? e.targets : '')));
  const groups = topology.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets' && groupIds.has(n.id));
  const moved: MovedTarget[] = [];
  const unknown: { group: string; reason: string }[] = [];
  let targets = 0;
  for (const group of groups) {
    const problem = shardAssignmentProblem(probe, group);
    if (problem !== undefined) {
      unknown.push({ group: group.name, reason: problem });
      continue;
    }
    for (const target of groupTargets(group).targets) {
      targets++;
      const from = fromShards === 1 ? 0 : shardOf(probe, group, target, fromShards);
      const to = toShards === 1 ? 0 : shardOf(probe, group, target, toShards);
      if (from !== to) moved.push({ group: group.name, target, from, to });
    }
  }
  const movedFraction = targets === 0 ? 0 : moved.length / targets;
  const retentionText = server.retention;
  const consequences = [
    `${moved.length} of ${targets} targets (${(movedFraction * 100).toFixed(1)}%) change shard: each new shard starts their series from empty`,
    `their history stays on the shard that scraped them before, until its retention (${retentionText}) removes it`,
    `for ${retentionText}, a query over a moved target's past must read both its old and its new shard (a global, or Grafana's data sources side by side); a single shard shows a gap`,
    toShards < fromShards
      ? `shards ${toShards} to ${fromShards - 1} stop scraping: keep them running (read-only) for ${retentionText}, or their history is lost`
      : `keep every old shard's data for ${retentionText}; rate() and increase() over the moment of the change see a counter start on the new shard`,
  ];
  return {
    ok: true,
    topology,
    summary: { server: server.name, serverId: server.id, fromShards, toShards, targets, moved, movedFraction, unknown, retention: retentionText, consequences },
    notes: unknown.map((u) => `target group ${u.group}: shards unknown offline (${u.reason})`),
  };
}

/** Sets the shard count (the edit the preview is about); 1 turns hashmod off. */
export function reshard(topology: Topology, serverRef: string, toShards: number): PlanOutcome<ReshardPreview> {
  const preview = previewReshard(topology, serverRef, toShards);
  if (!preview.ok) return preview;
  const found = findServer(topology, serverRef);
  if (!found.ok) return planError(found.error, found.node);
  const server = found.server;
  if (preview.summary.fromShards === toShards) {
    return planError(`${describeNode(server)}, hashmod.shards: already ${toShards} shard(s)`, server.id, 'hashmod.shards');
  }
  const base = baseAddress(server);
  const { hashmod: _old, ...rest } = server;
  const next: PrometheusNode = toShards === 1 ? rest : { ...server, hashmod: { shards: toShards, sourceLabels: server.hashmod?.sourceLabels ?? ['__address__'] } };
  // Instances of the shards that stay keep their addresses (same index: shard-major, replicas unchanged).
  const kept = (server.instanceAddresses ?? []).slice(0, Math.min(preview.summary.fromShards, toShards) * (server.ha ? Math.max(1, server.ha.replicas) : 1));
  return { ...preview, topology: replaceNode(topology, withInstanceAddresses(next, base, kept)) };
}
