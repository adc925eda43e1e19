/**
 * Server groups -> Prometheus server nodes: name, role, addresses, settings, HA and hashmod, rule
 * groups, and the verbatim `extraConfig` of what the model does not cover.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { durationMs, formatDuration } from '../model/duration.ts';
import { deriveAddress, replicaValue, splitAddress } from '../model/instances.ts';
import { toDnsSafeName, uniqueName } from '../model/names.ts';
import type { PrometheusNode, RuleGroup } from '../model/types.ts';
import type { ImportedInstance, ServerGroup } from './groupServers.ts';
import { alertmanagersVerbatim, shardLabelOf } from './groupServers.ts';
import { baseName, dirName, joinPath } from './hints.ts';
import { guessFromSelfScrape, isOwnSelfScrape } from './selfScrape.ts';
import type { ParsedJob } from './parseConfig.ts';
import { entriesToYaml, entry, mapNode, seqNode, stringNode } from './renderYaml.ts';
import type { YamlEntry, YamlNode } from './yamlTree.ts';

/** A server node with the instances it came from (index = serverInstances order). */
export interface BuiltServer {
  readonly node: PrometheusNode;
  readonly group: ServerGroup;
  /** Address of each imported instance, parallel to group.instances. */
  readonly addresses: readonly string[];
  /** Per instance: the address is a guess (`<name>:<port>`), no header comment or run file said it. */
  readonly guessed: readonly boolean[];
}

const genericNames = new Set(['', '.', 'prometheus', 'config', 'configs', 'conf', 'etc']);

function baseServerName(group: ServerGroup): string {
  const first = group.instances[0] as ImportedInstance;
  if (first.hint) return first.hint.name;
  // Above generic folder names (`mlab/federation/prometheus/prometheus.yml` is `federation`).
  let dir = dirName(first.file);
  while (dir && genericNames.has(baseName(dir).toLowerCase())) dir = dirName(dir);
  const folder = baseName(dir);
  const stem = baseName(first.file).replace(/\.(ya?ml)$/i, '').replace(/\.(good|bad)$/, '');
  let name = !genericNames.has(folder) ? folder : !genericNames.has(stem) ? stem : '';
  if (name && group.instances.length > 1) name = name.replace(/-(shard-\d+)?(-?[a-z0-9])?$/i, '') || name;
  if (!name) {
    const labels = first.config.global.externalLabels;
    name = Object.keys(labels).filter((k) => k !== group.replicaLabel).sort().map((k) => labels[k]).join('-');
  }
  return name || 'prometheus';
}

/** A rule_files pattern as a regular expression over imported paths (`*` within one segment). */
function patternRe(full: string): RegExp {
  return new RegExp(`^${full.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

/**
 * The imported paths a file pattern of a config names (rule_files, file_sd files), sorted. Relative
 * patterns are relative to the config's folder; an absolute one names where the files live on the
 * server (`/etc/prometheus/rules/*.yml`) and matches the imported files that have the longest tail of
 * it below the config's folder (`rules/*.yml`, else `*.yml`).
 */
export function matchImported(configFile: string, pattern: string, paths: readonly string[]): string[] {
  const hitsOf = (full: string) => {
    const re = patternRe(full);
    return paths.filter((p) => re.test(p) || re.test(joinPath('', p))).sort();
  };
  const dir = dirName(configFile);
  let hits = hitsOf(joinPath(dir, pattern));
  if (hits.length === 0 && pattern.startsWith('/')) {
    const segments = pattern.split('/').filter(Boolean);
    for (let k = segments.length - 1; k >= 1 && hits.length === 0; k--) hits = hitsOf(joinPath(dir, segments.slice(-k).join('/')));
  }
  return hits;
}

/** `rule_files` patterns of a config resolved against the imported rule files (see matchImported). */
export function resolveRuleFiles(configFile: string, patterns: readonly string[], ruleFiles: ReadonlyMap<string, RuleGroup[]>): { groups: RuleGroup[]; missing: string[] } {
  const groups: RuleGroup[] = [];
  const missing: string[] = [];
  const paths = [...ruleFiles.keys()];
  for (const pattern of patterns) {
    const hits = matchImported(configFile, pattern, paths);
    if (hits.length === 0) missing.push(pattern);
    for (const hit of hits) groups.push(...(ruleFiles.get(hit) ?? []));
  }
  return { groups, missing };
}

function listenToAddress(listen: string | undefined, name: string): string | undefined {
  if (!listen) return undefined;
  const { host, port } = splitAddress(listen);
  if (port === undefined) return undefined;
  return host && host !== '0.0.0.0' ? listen : `${name}:${port}`;
}

/** Builds one server node from a group; `taken` holds names already used. */
export function buildServer(group: ServerGroup, id: string, taken: Set<string>, ruleFiles: ReadonlyMap<string, RuleGroup[]>, diagnostics: Diagnostic[]): BuiltServer {
  const first = group.instances[0] as ImportedInstance;
  const name = uniqueName(toDnsSafeName(baseServerName(group), 'prometheus'), taken);
  taken.add(name);
  const g = first.config.global;
  const externalLabels = { ...g.externalLabels };
  if (group.replicaLabel) delete externalLabels[group.replicaLabel];
  for (const label of group.instanceLabelNames) delete externalLabels[label];
  const shardLabel = shardLabelOf(first);
  if (shardLabel) delete externalLabels[shardLabel];
  const interval = g.scrapeInterval ?? '1m';
  const timeout = g.scrapeTimeout ?? formatDuration(Math.min(10_000, durationMs(interval) ?? 60_000));
  const replicas = group.replicaValues.length;
  const ownValues = replicas > 1 && group.replicaValues.some((v, i) => v !== replicaValue(i));
  // Guess: the folder of an instance's file is usually its host name (`prom-eu-a/prometheus.yml`); files
  // of one folder are told apart by their file name (`prometheus-a.yml`), else by replica or shard.
  const folders = group.instances.map((i) => baseName(dirName(i.file)));
  const stems = group.instances.map((i) => baseName(i.file).replace(/\.(ya?ml)$/i, ''));
  const distinct = (list: readonly string[]) => new Set(list).size === list.length && list.every((x) => !genericNames.has(x));
  const guessHost = (i: ImportedInstance): string => {
    const k = group.instances.indexOf(i);
    if (group.instances.length < 2) return name;
    if (distinct(folders)) return toDnsSafeName(folders[k] ?? name);
    if (distinct(stems)) return toDnsSafeName(stems[k] ?? name);
    const replica = group.replicaLabel ? i.config.global.externalLabels[group.replicaLabel] : undefined;
    return toDnsSafeName([name, i.shard ? `shard-${i.shard.shard}` : '', replica ?? ''].filter(Boolean).join('-'));
  };
  const addresses = group.instances.map((i) => i.hint?.address ?? listenToAddress(i.listenAddress, guessHost(i))
    ?? guessFromSelfScrape(i.selfScrape, guessHost(i)) ?? `${guessHost(i)}:9090`);
  const guessed = group.instances.map((i) => !i.hint && !/^[^:]+:\d+$/.test(i.listenAddress ?? '') );
  const rules = resolveRuleFiles(first.file, first.config.ruleFiles, ruleFiles);
  for (const m of rules.missing) {
    const what = m.includes('*') ? `rule file pattern "${m}" matches none of the imported files` : `rule file "${m}" is not among the imported files`;
    diagnostics.push({ code: 'import/rule-file-missing', severity: 'warning', message: `${first.file}: ${what}; its path is kept verbatim, its rules are not imported`, hint: 'Import the rule files together with prometheus.yml.', at: { file: first.file } });
  }
  // The replica labeldrop is modelled (dropReplicaLabelOnAlerts) when it is the only alert relabel rule;
  // next to other rules the whole list stays verbatim (raw YAML merges one level down, see docs/import.md).
  const relabelRules = first.config.alerting.alertRelabel;
  const dropRule = group.replicaLabel && relabelRules.length === 1 && relabelRules[0]?.action === 'labeldrop' && relabelRules[0].regex === group.replicaLabel ? 0 : -1;
  const extra = extraConfig(first, rules.missing, dropRule);
  const functionalShard = Object.keys(externalLabels).some((k) => /shard/i.test(k));
  const role = first.hint?.role ?? (first.jobs.some((j) => j.metricsPath === '/federate') ? 'global' : group.hashmod || functionalShard ? 'shard' : 'leaf');
  const node: PrometheusNode = {
    id,
    kind: 'prometheus',
    role,
    name,
    address: addresses[0] ?? `${name}:9090`,
    externalLabels,
    scrapeInterval: interval,
    scrapeTimeout: timeout,
    evaluationInterval: g.evaluationInterval ?? '1m',
    retention: first.retention ?? '15d',
    ruleGroups: rules.groups,
    ...(replicas > 1 ? { ha: { replicas, replicaLabel: group.replicaLabel ?? 'replica', ...(ownValues ? { replicaValues: [...group.replicaValues] } : {}), dropReplicaLabelOnAlerts: dropRule >= 0 } } : {}),
    ...(group.hashmod ? { hashmod: { shards: group.hashmod.shards, sourceLabels: [...group.hashmod.sourceLabels] } } : {}),
    ...(extra ? { extraConfig: extra } : {}),
    // Settled once the addresses are final (settleSelfScrape).
    scrapeSelf: false,
    position: { x: 0, y: 0 },
  };
  const withLabels = instanceLabels(node, group);
  const withAddresses = instanceAddresses(withLabels, group, addresses);
  if (extra) {
    diagnostics.push(info('import/kept-verbatim', `${first.file}: sections PromTopo does not model are kept verbatim in server "${name}" (extraConfig) and written back on export`, first.file));
  }
  return { node: withAddresses, group, addresses, guessed };
}

/** Host names a federation target may use for an instance whose address is a guess. */
function candidateHosts(server: BuiltServer, k: number): string[] {
  const inst = server.group.instances[k] as ImportedInstance;
  const name = server.node.name;
  const replica = server.group.replicaLabel ? inst.config.global.externalLabels[server.group.replicaLabel] : undefined;
  const shard = inst.shard?.shard;
  const out = [baseName(dirName(inst.file))];
  if (replica !== undefined) out.push(`${name}-${replica}`, `${name}${replica}`);
  if (shard !== undefined) out.push(`${name}-${shard}`, `${name}-shard-${shard}`);
  if (replica !== undefined && shard !== undefined) out.push(`${name}-${shard}-${replica}`, `${name}-${shard}${replica}`);
  return out;
}

/**
 * Federation targets name the real addresses of the servers they scrape: an instance whose address
 * was guessed takes the target whose host is its folder name or `<server>-<shard|replica>`.
 */
export function adoptAddresses(server: BuiltServer, targets: readonly string[]): BuiltServer {
  if (!server.guessed.some(Boolean)) return server;
  const addresses = [...server.addresses];
  let changed = false;
  server.group.instances.forEach((_, k) => {
    if (!server.guessed[k]) return;
    const hosts = candidateHosts(server, k);
    const hit = targets.find((t) => hosts.includes(splitAddress(t).host));
    if (hit && hit !== addresses[k]) {
      addresses[k] = hit;
      changed = true;
    }
  });
  if (!changed) return server;
  const { instanceAddresses: _old, ...rest } = server.node;
  const node = instanceAddresses({ ...rest, address: addresses[0] ?? server.node.address }, server.group, addresses);
  return { ...server, node, addresses };
}

/**
 * `scrapeSelf` once the addresses are final: every imported instance has a job that scrapes it exactly
 * as the generated self-scrape job would. Otherwise that job is an ordinary scrape job (selfScrapeJobs).
 */
export function settleSelfScrape(server: BuiltServer): BuiltServer {
  const own = server.group.instances.every((inst, k) => inst.selfScrape !== undefined && isOwnSelfScrape(inst.selfScrape, server.addresses[k] ?? ''));
  return own === (server.node.scrapeSelf === true) ? server : { ...server, node: { ...server.node, scrapeSelf: own } };
}

/** The scrape jobs that become target groups: the instance's jobs, with its self-scrape job back in place unless scrapeSelf. */
export function groupJobs(server: BuiltServer): readonly ParsedJob[] {
  const first = server.group.instances[0] as ImportedInstance;
  const self = first.selfScrape;
  if (!self || server.node.scrapeSelf) return first.jobs;
  const jobs = [...first.jobs];
  jobs.splice(Math.min(self.index, jobs.length), 0, self.job);
  return jobs;
}

/** Index of an imported instance among the server's instances (shard-major, then replica). */
function instanceIndex(group: ServerGroup, inst: ImportedInstance): number {
  const replicas = Math.max(1, group.replicaValues.length);
  const replica = group.replicaLabel ? Math.max(0, group.replicaValues.indexOf(inst.config.global.externalLabels[group.replicaLabel] ?? '')) : 0;
  return (inst.shard?.shard ?? 0) * replicas + replica;
}

/** Sets instanceExternalLabels from the labels each instance has for itself (a shard's label, a pod name). */
function instanceLabels(node: PrometheusNode, group: ServerGroup): PrometheusNode {
  if (group.instanceLabelNames.length === 0) return node;
  const count = Math.max(1, group.replicaValues.length) * (group.hashmod ? group.hashmod.shards : 1);
  const shardLabel = shardLabelOf(group.instances[0] as ImportedInstance);
  const replicas = Math.max(1, group.replicaValues.length);
  const list: Record<string, string>[] = Array.from({ length: count }, (_, i) => (shardLabel ? { [shardLabel]: String(Math.floor(i / replicas)) } : {}));
  for (const inst of group.instances) {
    const labels = inst.config.global.externalLabels;
    const own = Object.fromEntries(group.instanceLabelNames.filter((n) => labels[n] !== undefined).map((n) => [n, labels[n] ?? '']));
    const index = instanceIndex(group, inst);
    if (index < list.length) list[index] = own;
  }
  return { ...node, instanceExternalLabels: list };
}

/** The server with instance `k` at `address` (no longer a guess). */
export function replaceAddress(server: BuiltServer, k: number, address: string): BuiltServer {
  const addresses = [...server.addresses];
  addresses[k] = address;
  const guessed = server.guessed.map((g, i) => (i === k ? false : g));
  const { instanceAddresses: _old, ...rest } = server.node;
  const node = instanceAddresses({ ...rest, address: addresses[0] ?? server.node.address }, server.group, addresses);
  return { ...server, node, addresses, guessed };
}

/** Sets instanceAddresses when the imported addresses differ from the derived ones. */
function instanceAddresses(node: PrometheusNode, group: ServerGroup, addresses: readonly string[]): PrometheusNode {
  const replicas = Math.max(1, group.replicaValues.length);
  const shards = group.hashmod ? group.hashmod.shards : 1;
  const list: string[] = [];
  for (let i = 0; i < shards * replicas; i++) list.push(deriveAddress(node, i));
  group.instances.forEach((inst, k) => {
    const index = instanceIndex(group, inst);
    if (index < list.length) list[index] = addresses[k] ?? list[index] ?? '';
  });
  const derived = list.every((a, i) => a === deriveAddress(node, i));
  return derived || list.length <= 1 ? node : { ...node, instanceAddresses: list };
}

function extraConfig(first: ImportedInstance, missingRules: readonly string[], dropRule: number): string | undefined {
  const c = first.config;
  const entries: YamlEntry[] = [];
  if (c.global.extra.length) entries.push(entry('global', mapNode(c.global.extra)));
  if (missingRules.length) entries.push(entry('rule_files', seqNode(missingRules.map(stringNode))));
  const alerting: YamlEntry[] = [];
  const relabel = c.alerting.alertRelabelNodes.filter((_, i) => i !== dropRule);
  if (relabel.length) alerting.push(entry('alert_relabel_configs', seqNode(relabel)));
  const verbatimAms: YamlNode[] = alertmanagersVerbatim(first) ? c.alerting.alertmanagers.map((a) => a.node) : [];
  if (verbatimAms.length) alerting.push(entry('alertmanagers', seqNode(verbatimAms)));
  if (alerting.length) entries.push(entry('alerting', mapNode(alerting)));
  entries.push(...c.extraSections);
  return entries.length ? entriesToYaml(entries) : undefined;
}

export function info(code: string, message: string, file: string): Diagnostic {
  return { code, severity: 'info', message, at: { file } };
}
