/**
 * Which imported prometheus.yml files are instances of one server: hashmod shards (every scrape job
 * ends with the same `hashmod` + `keep regex: N` pair) and HA replicas (files identical but for a
 * replica-like external label) of the same configuration become one server node.
 */
import type { ParsedConfig, ParsedJob } from './parseConfig.ts';
import type { RelabelRule } from './relabel.ts';
import type { ServerHint } from './hints.ts';

/** One imported prometheus.yml with what was found around it. */
export interface ImportedInstance {
  readonly file: string;
  readonly config: ParsedConfig;
  readonly hint?: ServerHint;
  /** `--storage.tsdb.retention.time` of a run file next to it. */
  readonly retention?: string;
  /** `--web.listen-address` of a run file next to it. */
  readonly listenAddress?: string;
  /** This instance's hashmod shard, when every scrape job keeps one shard. */
  readonly shard?: { readonly sourceLabels: readonly string[]; readonly modulus: number; readonly shard: number };
  /** The file carries PromTopo's `N placeholder targets (count)` comments. */
  readonly placeholders?: boolean;
  /** Jobs with the hashmod pair removed. */
  readonly jobs: readonly ParsedJob[];
}

/** Instances that form one server node. */
export interface ServerGroup {
  /** Ordered by shard, then replica value. */
  readonly instances: readonly ImportedInstance[];
  readonly replicaLabel?: string;
  /** Distinct replica values, sorted. */
  readonly replicaValues: readonly string[];
  readonly hashmod?: { readonly sourceLabels: readonly string[]; readonly shards: number };
}

const isFederation = (job: ParsedJob) => job.metricsPath === '/federate';

function hashmodPair(rules: readonly RelabelRule[]): { sourceLabels: readonly string[]; modulus: number; shard: number } | undefined {
  const [hash, keep] = rules.slice(-2);
  if (!hash || !keep || hash.action !== 'hashmod' || keep.action !== 'keep') return undefined;
  if (hash.separator !== ';' || keep.sourceLabels?.length !== 1 || keep.sourceLabels[0] !== hash.targetLabel) return undefined;
  if (!/^\d+$/.test(keep.regex) || Number(keep.regex) >= hash.modulus) return undefined;
  return { sourceLabels: hash.sourceLabels ?? [], modulus: hash.modulus, shard: Number(keep.regex) };
}

/** Finds the shard of a config and strips the hashmod pair from its jobs. */
export function detectShard(config: ParsedConfig): Pick<ImportedInstance, 'shard' | 'jobs'> {
  const scrapeJobs = config.jobs.filter((j) => !isFederation(j));
  const pairs = scrapeJobs.map((j) => hashmodPair(j.relabel));
  const first = pairs[0];
  const same = first && pairs.every((p) => p && p.modulus === first.modulus && p.shard === first.shard && p.sourceLabels.join(';') === first.sourceLabels.join(';'));
  if (!first || !same) return { jobs: config.jobs };
  const jobs = config.jobs.map((j) => {
    if (isFederation(j)) return j;
    const relabelNodes = j.relabelNodes.slice(0, -2);
    const fields = new Map(j.fields);
    const original = fields.get('relabel_configs');
    if (relabelNodes.length === 0) fields.delete('relabel_configs');
    else if (original) fields.set('relabel_configs', { kind: 'seq', pos: original.pos, items: relabelNodes });
    return { ...j, relabel: j.relabel.slice(0, -2), relabelNodes, fields };
  });
  return { shard: first, jobs };
}

/**
 * True when the server's `alerting.alertmanagers` must stay verbatim as a whole: one entry has service
 * discovery or settings. (The generator merges raw YAML one level down, so generated and verbatim
 * entries cannot be mixed in one list.)
 */
export function alertmanagersVerbatim(instance: Pick<ImportedInstance, 'config'>): boolean {
  return instance.config.alerting.alertmanagers.some((a) => a.extra.length > 0 || a.targets.length === 0);
}

/** The external label that numbers a hashmod shard (PromTopo writes `prometheus_shard: "N"`), if any. */
export function shardLabelOf(instance: Pick<ImportedInstance, 'config' | 'shard'>): string | undefined {
  const shard = instance.shard;
  if (!shard) return undefined;
  const labels = instance.config.global.externalLabels;
  return Object.keys(labels).find((n) => /shard/i.test(n) && labels[n] === String(shard.shard));
}

function replicaLabelOf(instance: ImportedInstance): string | undefined {
  const labels = instance.config.global.externalLabels;
  // PromTopo's header names the replica value, whatever the label is called.
  const hinted = instance.hint?.replica;
  const byValue = hinted === undefined ? [] : Object.keys(labels).filter((n) => labels[n] === hinted);
  if (byValue.length === 1) return byValue[0];
  const names = Object.keys(labels).filter((n) => /replica/i.test(n));
  return names.length === 1 ? names[0] : undefined;
}

/** Everything that must be equal for two files to be instances of one server. */
function signature(instance: ImportedInstance, replicaLabel: string | undefined): string {
  const labels = { ...instance.config.global.externalLabels };
  if (replicaLabel) delete labels[replicaLabel];
  const shardLabel = shardLabelOf(instance);
  if (shardLabel) delete labels[shardLabel];
  const { global, ruleFiles, alerting, extraSections } = instance.config;
  const projection = {
    global: { ...global, externalLabels: labels }, ruleFiles, alerting, extraSections, jobs: instance.jobs, replicaLabel,
    shard: instance.shard && { sourceLabels: instance.shard.sourceLabels, modulus: instance.shard.modulus }, shardLabel,
    name: instance.hint?.name,
  };
  return JSON.stringify(projection, (key, value: unknown) =>
    key === 'pos' ? undefined : value instanceof Set || value instanceof Map ? [...value] : value);
}

/** Groups instances into servers; files that cannot be told apart by shard/replica stay separate. */
export function groupServers(instances: readonly ImportedInstance[]): ServerGroup[] {
  const buckets = new Map<string, ImportedInstance[]>();
  for (const instance of instances) {
    const key = signature(instance, replicaLabelOf(instance));
    buckets.set(key, [...(buckets.get(key) ?? []), instance]);
  }
  const groups: ServerGroup[] = [];
  for (const members of buckets.values()) {
    const replicaLabel = members.length > 1 ? replicaLabelOf(members[0] as ImportedInstance) : undefined;
    const value = (i: ImportedInstance) => (replicaLabel ? i.config.global.externalLabels[replicaLabel] ?? '' : '');
    const slots = new Set(members.map((i) => `${i.shard?.shard ?? 0}\u0000${value(i)}`));
    const replicaValues = [...new Set(members.map(value))].sort();
    const hasShards = members.some((i) => i.shard);
    if (members.length === 1 || slots.size !== members.length || (!hasShards && replicaValues.length < 2)) {
      for (const m of members) groups.push(single(m));
      continue;
    }
    const sorted = [...members].sort((a, b) => (a.shard?.shard ?? 0) - (b.shard?.shard ?? 0) || (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
    const shard = sorted[0]?.shard;
    groups.push({
      instances: sorted,
      ...(replicaValues.length > 1 && replicaLabel ? { replicaLabel } : {}),
      replicaValues: replicaValues.length > 1 ? replicaValues : [],
      ...(shard ? { hashmod: { sourceLabels: shard.sourceLabels, shards: shard.modulus } } : {}),
    });
  }
  return groups;
}

function single(instance: ImportedInstance): ServerGroup {
  return {
    instances: [instance],
    replicaValues: [],
    ...(instance.shard ? { hashmod: { sourceLabels: instance.shard.sourceLabels, shards: instance.shard.modulus } } : {}),
  };
}
