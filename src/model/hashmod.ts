/**
 * Prometheus' `hashmod` relabel action, computed offline, so PromTopo can tell which hashmod shard
 * keeps which static target. Same arithmetic as model/relabel/relabel.go: md5 of the source label
 * values joined by the separator (`;`), the last 8 bytes of the digest as a big-endian uint64, mod N.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { durationMs, formatDuration } from './duration.ts';
import type { PrometheusNode, TargetGroupNode } from './types.ts';
import { scrapeJobName } from './jobs.ts';
import { groupTargets } from './targets.ts';

/**
 * Placeholder for the shard number in a target group's own relabel_configs (its extraConfig): the
 * shard-selecting rules of an imported sharded job, written out per shard with the number in place,
 * as prometheus-operator's config reloader does.
 */
export const SHARD_PLACEHOLDER = '$(SHARD)';

/** True when the group carries its own shard selection (SHARD_PLACEHOLDER in extraConfig). */
export function hasOwnShardSelection(group: Pick<TargetGroupNode, 'extraConfig'>): boolean {
  return group.extraConfig !== undefined && group.extraConfig.includes(SHARD_PLACEHOLDER);
}

/** Prometheus' default relabel separator. */
export const HASHMOD_SEPARATOR = ';';

/** `md5(values.join(';'))`, last 8 bytes big-endian, mod `modulus` (> 0). */
export function hashmodOf(values: readonly string[], modulus: number): number {
  if (!Number.isInteger(modulus) || modulus < 1) throw new RangeError(`hashmod modulus must be a positive integer, got ${modulus}`);
  const digest = md5(utf8ToBytes(values.join(HASHMOD_SEPARATOR)));
  let value = 0n;
  for (let i = 8; i < 16; i++) value = (value << 8n) | BigInt(digest[i] ?? 0);
  return Number(value % BigInt(modulus));
}

/**
 * Why the shards of a group's targets cannot be computed offline, or undefined when they can.
 * They cannot when the group's own relabel_configs (raw `extraConfig`) run before the hashmod and may
 * change the hashed labels, or when a source label is a service-discovery `__meta_*` label.
 */
export function shardAssignmentProblem(server: Pick<PrometheusNode, 'hashmod'>, group: Pick<TargetGroupNode, 'extraConfig'>): string | undefined {
  if (!server.hashmod) return 'the server is not hashmod-sharded';
  if (group.extraConfig && /(^|\n)\s*relabel_configs\s*:/.test(group.extraConfig)) {
    return "the group's own relabel_configs run before the hashmod and may change the hashed labels";
  }
  const meta = server.hashmod.sourceLabels.find((l) => l.startsWith('__meta_'));
  if (meta) return `source label ${meta} comes from service discovery`;
  return undefined;
}

/**
 * The labels a static target carries when relabelling starts (before `instance` is set):
 * `__address__`, `job`, `__scheme__`, `__metrics_path__`, `__scrape_interval__`, `__scrape_timeout__`
 * and the group's labels. A label missing here hashes as the empty string, as in Prometheus.
 */
export function targetLabelsBeforeRelabel(
  server: Pick<PrometheusNode, 'scrapeInterval' | 'scrapeTimeout'>,
  group: TargetGroupNode,
  address: string,
): Record<string, string> {
  const interval = group.scrapeInterval ?? server.scrapeInterval;
  const intervalMs = durationMs(interval);
  const globalTimeoutMs = durationMs(server.scrapeTimeout);
  let timeout = group.scrapeTimeout ?? server.scrapeTimeout;
  if (!group.scrapeTimeout && intervalMs !== undefined && globalTimeoutMs !== undefined && globalTimeoutMs > intervalMs) timeout = interval;
  const asDuration = (d: string) => {
    const ms = durationMs(d);
    return ms === undefined ? d : formatDuration(ms);
  };
  return {
    ...group.labels,
    job: scrapeJobName(group),
    __address__: address,
    __scheme__: group.scheme ?? 'http',
    __metrics_path__: group.metricsPath ?? '/metrics',
    __scrape_interval__: asDuration(interval),
    __scrape_timeout__: asDuration(timeout),
  };
}

/**
 * Which shard keeps each target of the group (static targets, or the placeholders of `count`).
 * Empty when the server is not hashmod-sharded or the assignment cannot be computed
 * (see shardAssignmentProblem).
 */
export function assignShards(server: PrometheusNode, group: TargetGroupNode): Map<string, number> {
  const out = new Map<string, number>();
  if (!server.hashmod || shardAssignmentProblem(server, group) !== undefined) return out;
  const modulus = Math.max(1, server.hashmod.shards);
  for (const address of groupTargets(group).targets) {
    const labels = targetLabelsBeforeRelabel(server, group, address);
    out.set(address, hashmodOf(server.hashmod.sourceLabels.map((l) => labels[l] ?? ''), modulus));
  }
  return out;
}
