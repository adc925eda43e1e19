/**
 * Which imported prometheus.yml files are instances of one server: hashmod shards (every scrape job
 * ends with the same `hashmod` + `keep regex: N` pair) and HA replicas (files identical but for a
 * replica-like external label) of the same configuration become one server node.
 */
import type { ParsedConfig, ParsedJob } from './parseConfig.ts';
import type { RelabelRule } from './relabel.ts';
import type { ServerHint } from './hints.ts';
import type { YamlNode } from './yamlTree.ts';
import type { SelfScrapeCandidate } from './selfScrape.ts';
import { SHARD_PLACEHOLDER } from '../model/hashmod.ts';
import { HASHMOD_SHARD_LABEL } from '../generate/prometheusConfig.ts';

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
  /** Jobs with the hashmod pair and the self-scrape job removed. */
  readonly jobs: readonly ParsedJob[];
  /** A job that scrapes this instance itself as the generated self-scrape job would (selfScrape.ts). */
  readonly selfScrape?: SelfScrapeCandidate;
}

/** Instances that form one server node. */
export interface ServerGroup {
  /** Ordered by shard, then replica value. */
  readonly instances: readonly ImportedInstance[];
  readonly replicaLabel?: string;
  /** Distinct replica values, sorted. */
  readonly replicaValues: readonly string[];
  readonly hashmod?: { readonly sourceLabels: readonly string[]; readonly shards: number };
  /** External labels whose values belong to each instance (kept per instance, not on the server). */
  readonly instanceLabelNames: readonly string[];
}

const isFederation = (job: ParsedJob) => job.metricsPath === '/federate';

/** The hashmod shard a job keeps, found by what its relabel rules do, and where they are. */
interface JobShard {
  readonly sourceLabels: readonly string[];
  readonly modulus: number;
  readonly shard: number;
  /** The last two rules are exactly PromTopo's own pair (hashmod into __tmp_hash, keep regex N). */
  readonly canonical: boolean;
  /** Index of the keep rule that selects the shard. */
  readonly keepIndex: number;
}

/** Prometheus anchors relabel regexes; RE2 syntax JavaScript cannot read means "cannot tell". */
function fullMatcher(regex: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${regex})$`, 'u');
  } catch {
    return undefined;
  }
}

/** Most shard numbers tried when reading a keep rule (a modulus beyond this is not a shard count). */
const MAX_MODULUS = 100_000;

/**
 * The shard of a job: its last `hashmod` rule (modulus M into label T), then a `keep` rule on T (alone
 * or with labels that are empty, such as prometheus-operator's `__tmp_disable_sharding`) whose anchored
 * regex lets exactly one value 0..M-1 through: `0`, `'^0$'`, `0;|.+;.+` all keep shard 0.
 */
function jobShard(rules: readonly RelabelRule[]): JobShard | undefined {
  let h = -1;
  rules.forEach((r, i) => { if (r.action === 'hashmod') h = i; });
  const hash = rules[h];
  if (!hash || hash.modulus < 1 || hash.modulus > MAX_MODULUS) return undefined;
  const keepIndex = rules.findIndex((r, i) => i > h && r.action === 'keep' && (r.sourceLabels ?? []).includes(hash.targetLabel));
  const keep = rules[keepIndex];
  if (!keep) return undefined;
  const matcher = fullMatcher(keep.regex);
  if (!matcher) return undefined;
  const kept: number[] = [];
  for (let v = 0; v < hash.modulus && kept.length < 2; v++) {
    const value = (keep.sourceLabels ?? []).map((l) => (l === hash.targetLabel ? String(v) : '')).join(keep.separator);
    if (matcher.test(value)) kept.push(v);
  }
  const shard = kept[0];
  if (kept.length !== 1 || shard === undefined) return undefined;
  const onlyKeys = (r: RelabelRule, keys: string[]) => [...r.set].every((k) => keys.includes(k));
  const canonical = h === rules.length - 2 && keepIndex === rules.length - 1 && hash.targetLabel === '__tmp_hash' && hash.separator === ';'
    && onlyKeys(hash, ['source_labels', 'modulus', 'target_label', 'action']) && onlyKeys(keep, ['source_labels', 'regex', 'action'])
    && keep.sourceLabels?.length === 1 && keep.regex === String(shard);
  return { sourceLabels: hash.sourceLabels ?? [], modulus: hash.modulus, shard, canonical, keepIndex };
}

/** `node` with the scalar at `key` replaced (a relabel rule's regex). */
function withScalar(node: YamlNode, key: string, text: string): YamlNode {
  if (node.kind !== 'map') return node;
  return { ...node, entries: node.entries.map((e) => (e.key.text === key && e.value.kind === 'scalar' ? { key: e.key, value: { ...e.value, text } } : e)) };
}

/** The job with its shard selection made a template: the keep rule's shard number becomes SHARD_PLACEHOLDER. */
function templated(job: ParsedJob, shard: JobShard): ParsedJob | undefined {
  const keepNode = job.relabelNodes[shard.keepIndex];
  const regexNode = keepNode?.kind === 'map' ? keepNode.entries.find((e) => e.key.text === 'regex')?.value : undefined;
  if (!keepNode || !regexNode || regexNode.kind !== 'scalar') return undefined;
  const template = regexNode.text.replace(new RegExp(`(?<![0-9])${shard.shard}(?![0-9])`, 'g'), SHARD_PLACEHOLDER);
  if (!template.includes(SHARD_PLACEHOLDER)) return undefined;
  const relabelNodes = job.relabelNodes.map((n, i) => (i === shard.keepIndex ? withScalar(n, 'regex', template) : n));
  const relabel = job.relabel.map((r, i) => (i === shard.keepIndex ? { ...r, regex: template } : r));
  return withRelabelNodes(job, relabelNodes, relabel);
}

function withRelabelNodes(job: ParsedJob, relabelNodes: readonly YamlNode[], relabel: readonly RelabelRule[]): ParsedJob {
  const fields = new Map(job.fields);
  const original = fields.get('relabel_configs');
  if (relabelNodes.length === 0) fields.delete('relabel_configs');
  else if (original) fields.set('relabel_configs', { kind: 'seq', pos: original.pos, items: relabelNodes });
  return { ...job, relabel, relabelNodes, fields };
}

/**
 * Finds the shard of a config (every scrape job keeps the same hashmod shard) and takes the shard
 * selection out of its jobs: PromTopo's own pair is removed (the generator writes it again), any other
 * pipeline stays with the shard number as a placeholder, so every shard's jobs read the same.
 */
export function detectShard(config: ParsedConfig): Pick<ImportedInstance, 'shard' | 'jobs'> {
  const scrapeJobs = config.jobs.filter((j) => !isFederation(j));
  const shards = scrapeJobs.map((j) => jobShard(j.relabel));
  const first = shards[0];
  if (!first || !shards.every((p) => p && p.shard === first.shard)) return { jobs: config.jobs };
  const moduli = shards.map((p) => p?.modulus ?? 0);
  const modulus = moduli.sort((a, b) => moduli.filter((m) => m === b).length - moduli.filter((m) => m === a).length)[0] ?? first.modulus;
  const jobs: ParsedJob[] = [];
  let k = 0;
  for (const j of config.jobs) {
    if (isFederation(j)) {
      jobs.push(j);
      continue;
    }
    const shard = shards[k++] as JobShard;
    if (shard.canonical && shard.modulus === modulus && shard.sourceLabels.join(';') === first.sourceLabels.join(';')) {
      jobs.push(withRelabelNodes(j, j.relabelNodes.slice(0, -2), j.relabel.slice(0, -2)));
      continue;
    }
    const t = templated(j, shard);
    if (!t) return { jobs: config.jobs };
    jobs.push(t);
  }
  return { shard: { sourceLabels: first.sourceLabels, modulus, shard: first.shard }, jobs };
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
    name: instance.hint?.name, selfScrape: instance.selfScrape !== undefined,
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
    const shardOf = (i: ImportedInstance) => i.shard?.shard ?? 0;
    const hasShards = members.some((i) => i.shard);
    // HA when some shard (or the one unsharded server) has several members told apart by the replica label.
    const perShard = new Map<number, ImportedInstance[]>();
    for (const m of members) perShard.set(shardOf(m), [...(perShard.get(shardOf(m)) ?? []), m]);
    const isHa = replicaLabel !== undefined && [...perShard.values()].some((list) => list.length > 1);
    const slots = new Set(members.map((i) => `${shardOf(i)}\u0000${isHa ? value(i) : ''}`));
    const replicaValues = isHa ? [...new Set(members.map(value))].sort() : [];
    if (members.length === 1 || slots.size !== members.length || (!hasShards && replicaValues.length < 2)) {
      for (const m of members) groups.push(single(m));
      continue;
    }
    const sorted = [...members].sort((a, b) => shardOf(a) - shardOf(b) || (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
    const shard = sorted[0]?.shard;
    // Labels that differ per instance but are not the HA replica label (a shard's own label, the
    // operator's per-pod `prometheus_replica` of a shard set) stay per instance.
    const shardLabel = ownShardLabel(sorted[0] as ImportedInstance);
    const instanceLabelNames = [...(shardLabel ? [shardLabel] : []), ...(!isHa && replicaLabel ? [replicaLabel] : [])];
    groups.push({
      instances: sorted,
      ...(isHa && replicaLabel ? { replicaLabel } : {}),
      replicaValues,
      ...(shard ? { hashmod: { sourceLabels: shard.sourceLabels, shards: shard.modulus } } : {}),
      instanceLabelNames,
    });
  }
  return groups;
}

/** A shard-numbering external label other than the generator's own (`prometheus_shard`), which is written again on export. */
function ownShardLabel(instance: ImportedInstance): string | undefined {
  const label = shardLabelOf(instance);
  return label === HASHMOD_SHARD_LABEL ? undefined : label;
}

function single(instance: ImportedInstance): ServerGroup {
  const shardLabel = ownShardLabel(instance);
  return {
    instances: [instance],
    replicaValues: [],
    ...(instance.shard ? { hashmod: { sourceLabels: instance.shard.sourceLabels, shards: instance.shard.modulus } } : {}),
    instanceLabelNames: shardLabel ? [shardLabel] : [],
  };
}
