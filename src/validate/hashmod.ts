/**
 * Hashmod shards: a positive shard count, valid source labels that are set when relabelling runs
 * (otherwise every target hashes alike and lands on one shard), no clash with the shard label, and
 * enough targets for every shard.
 */
import { HASHMOD_SHARD_LABEL } from '../generate/prometheusConfig.ts';
import { groupTargets } from '../model/targets.ts';
import { assignShards, shardAssignmentProblem } from '../model/hashmod.ts';
import { isValidLabelName } from '../model/names.ts';
import type { PrometheusNode, TargetGroupNode } from '../model/types.ts';
import { nodeOfKind, reportNode, q, type ValidationContext } from './context.ts';

/** Labels a static target has when relabelling starts (model/hashmod.ts targetLabelsBeforeRelabel), besides group labels. */
const PRESET_LABELS = new Set(['__address__', 'job', '__scheme__', '__metrics_path__', '__scrape_interval__', '__scrape_timeout__']);

/** Most shards one server may have (each is a process and a folder in the bundle). */
export const MAX_SHARDS = 1000;

/** Beyond this many targets the exact shard assignment is not computed here (md5 per target). */
const MAX_ASSIGNED_TARGETS = 5000;

function scrapedGroups(ctx: ValidationContext, server: PrometheusNode): TargetGroupNode[] {
  const out: TargetGroupNode[] = [];
  for (const edge of ctx.index.edgesOf.get(server.id) ?? []) {
    if (edge.kind !== 'scrape' || edge.server !== server.id) continue;
    const group = nodeOfKind(ctx, edge.targets, 'targets');
    if (group && !out.includes(group)) out.push(group);
  }
  return out;
}

export function checkHashmod(ctx: ValidationContext): void {
  for (const server of ctx.servers) {
    const hashmod = server.hashmod;
    if (!hashmod) continue;
    if (hashmod.shards < 1) {
      reportNode(ctx, 'hashmod/shards', 'error', server, 'hashmod.shards', `relabel configuration for hashmod requires non-zero modulus (shards is ${hashmod.shards})`, {
        hint: 'Set shards to 2 or more.',
      });
    } else if (hashmod.shards > MAX_SHARDS) {
      reportNode(ctx, 'hashmod/shards', 'error', server, 'hashmod.shards', `${hashmod.shards} shards is more than PromTopo generates (at most ${MAX_SHARDS})`, {
        hint: 'Use fewer, bigger shards.',
      });
      continue;
    } else if (hashmod.shards === 1) {
      reportNode(ctx, 'hashmod/single-shard', 'info', server, 'hashmod.shards', 'one hashmod shard keeps every target: sharding does nothing yet', {
        hint: 'Raise shards when one server is no longer enough, or turn hashmod off.',
      });
    }
    if (HASHMOD_SHARD_LABEL in server.externalLabels) {
      reportNode(ctx, 'hashmod/shard-label-collision', 'error', server, `externalLabels.${HASHMOD_SHARD_LABEL}`,
        `the external label ${q(HASHMOD_SHARD_LABEL)} is set by PromTopo on every hashmod shard`, { hint: 'Remove or rename this external label.' });
    }
    if (hashmod.sourceLabels.length === 0) {
      reportNode(ctx, 'hashmod/source-labels', 'error', server, 'hashmod.sourceLabels', 'no source labels: there is nothing to hash', {
        hint: 'Hash __address__ (the default).',
      });
    }
    hashmod.sourceLabels.forEach((label, i) => {
      if (!isValidLabelName(label)) {
        reportNode(ctx, 'hashmod/source-labels', 'error', server, `hashmod.sourceLabels[${i}]`, `invalid source label name ${q(label)}`, {
          hint: 'Use label names such as __address__.',
        });
      }
    });
    if (hashmod.shards < 2) continue;
    const rules = server.ruleGroups.reduce((n, g) => n + g.rules.length, 0);
    if (rules > 0) {
      reportNode(ctx, 'hashmod/partial-rules', 'info', server, 'ruleGroups',
        `each of the ${hashmod.shards} shards evaluates the ${rules} rule(s) over its own share of the targets only; results differ by ${q(HASHMOD_SHARD_LABEL)}`,
        { hint: `Aggregate shard results again where they meet, e.g. sum without (${HASHMOD_SHARD_LABEL}) (...) on the global; alert thresholds on aggregates see one shard's slice.` });
    }
    const groups = scrapedGroups(ctx, server);
    checkConstantKey(ctx, server, groups);
    checkIdleShards(ctx, server, groups);
  }
}

function checkConstantKey(ctx: ValidationContext, server: PrometheusNode, groups: readonly TargetGroupNode[]): void {
  const labels = server.hashmod?.sourceLabels ?? [];
  for (const group of groups) {
    const unset = labels.filter((l) => !PRESET_LABELS.has(l) && !(l in group.labels) && !l.startsWith('__meta_') && !l.startsWith('__param_'));
    if (unset.length === 0 || unset.length < labels.length) continue;
    reportNode(ctx, 'hashmod/constant-key', 'warning', server, 'hashmod.sourceLabels',
      `${unset.map(q).join(', ')} ${unset.length === 1 ? 'is' : 'are'} not set on the targets of ${q(group.name)} when relabelling runs: every target hashes alike and lands on the same shard`,
      { hint: 'Hash __address__, or a label the target group sets (instance is set only after relabelling).' });
  }
}

function checkIdleShards(ctx: ValidationContext, server: PrometheusNode, groups: readonly TargetGroupNode[]): void {
  const shards = server.hashmod?.shards ?? 1;
  const total = groups.reduce((n, g) => n + groupTargets(g).targets.length, 0);
  if (total === 0) return; // server/idle or targets/empty already say so
  const exact = total <= MAX_ASSIGNED_TARGETS && groups.every((g) => shardAssignmentProblem(server, g) === undefined);
  if (!exact) {
    if (total < shards) {
      reportNode(ctx, 'hashmod/idle-shards', 'warning', server, 'hashmod.shards', `${shards} shards for ${total} target(s): at least ${shards - total} shard(s) scrape nothing`, {
        hint: 'Use fewer shards, or add targets.',
      });
    }
    return;
  }
  const used = new Set<number>();
  for (const group of groups) for (const shard of assignShards(server, group).values()) used.add(shard);
  const idle: number[] = [];
  for (let s = 0; s < shards; s++) if (!used.has(s)) idle.push(s);
  if (idle.length === 0) return;
  reportNode(ctx, 'hashmod/idle-shards', 'warning', server, 'hashmod.shards',
    `shard${idle.length === 1 ? '' : 's'} ${idle.join(', ')} of ${shards} get${idle.length === 1 ? 's' : ''} no target (${total} target(s) hashed offline)`,
    { hint: 'Use fewer shards, or add targets.' });
}
