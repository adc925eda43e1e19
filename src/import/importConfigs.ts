/**
 * Import: one or more prometheus.yml files (with their rule files, run files, Alertmanager and Grafana
 * files when present, e.g. a whole PromTopo bundle) -> one Topology. Pure; never throws. Any error
 * means no topology: nothing is half-imported. What the model does not cover is kept verbatim (info).
 * What is imported into what: docs/import.md.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { hasErrors, sortDiagnostics } from '../model/diagnostic.ts';
import type { RuleGroup, Topology } from '../model/types.ts';
import type { ImportedGrafana } from './buildTopology.ts';
import { buildTopology } from './buildTopology.ts';
import { readDeploymentForms } from './deploy/readDeployment.ts';
import { isNull, readSeq, readString } from './decode.ts';
import { TOP_LEVEL_KEYS } from './configKeys.ts';
import { ruleFileRefs } from './ruleFileRefs.ts';
import { matchImported } from './buildServers.ts';
import type { ParsedConfig, ParsedJob } from './parseConfig.ts';
import type { AlertmanagerHint } from './hints.ts';
import { alertmanagerHint, baseName, dirName, grafanaHint, runFlag, serverHint } from './hints.ts';
import type { ImportedInstance } from './groupServers.ts';
import { detectShard } from './groupServers.ts';
import { parseConfig } from './parseConfig.ts';
import { readRuleFile } from './ruleFiles.ts';
import { splitSelfScrape } from './selfScrape.ts';
import type { YamlNode } from './yamlTree.ts';
import { MAX_IMPORT_FILE_CHARS, readYaml } from './yamlTree.ts';

/** One file to import: its path (relative, as the user sees it) and text. */
export interface ImportFile {
  readonly name: string;
  readonly text: string;
}

export interface ImportResult {
  /** True when there is a topology and no error. */
  readonly ok: boolean;
  readonly topology?: Topology;
  /** Sorted: errors first. Errors name the file, line and column. */
  readonly diagnostics: Diagnostic[];
}

/** Most files accepted in one import. */
export const MAX_IMPORT_FILES = 2000;

type Kind = 'prometheus' | 'rules' | 'alertmanager' | 'grafana' | 'targets' | 'empty' | 'other';

function topKeys(root: YamlNode): Set<string> {
  return new Set(root.kind === 'map' ? root.entries.map((e) => e.key.text) : []);
}

/** A file_sd target list: a sequence of `{targets, labels}` mappings. */
function isTargetList(root: YamlNode): boolean {
  return root.kind === 'seq' && root.items.length > 0 && root.items.every((i) => i.kind === 'map' && i.entries.some((e) => e.key.text === 'targets')
    && i.entries.every((e) => e.key.text === 'targets' || e.key.text === 'labels'));
}

/** What a file is, from its top-level keys (a Prometheus config is the default, so its errors are reported). */
function kindOf(root: YamlNode): Kind {
  const keys = topKeys(root);
  if (isTargetList(root)) return 'targets';
  if (isNull(root) || (root.kind === 'map' && root.entries.length === 0)) return 'empty';
  if (keys.has('groups') && keys.size === 1) return 'rules';
  if (keys.has('route') || keys.has('receivers')) return 'alertmanager';
  if (keys.has('datasources') || keys.has('deleteDatasources')) return 'grafana';
  if (root.kind === 'map' && ![...keys].some((k) => TOP_LEVEL_KEYS.has(k))) return 'other';
  return 'prometheus';
}

/** Why a YAML file that is not a Prometheus configuration was skipped. */
function otherWhy(root: YamlNode): string {
  const keys = [...topKeys(root)];
  if (keys.includes('apiVersion') && keys.includes('kind')) return 'a Kubernetes manifest, not a prometheus.yml';
  if (keys.includes('services')) return 'a docker-compose file, not a prometheus.yml';
  if (keys.includes('modules')) return 'a blackbox_exporter configuration, not a prometheus.yml';
  if (keys.includes('providers')) return 'a Grafana dashboard provisioning file';
  return `not a Prometheus configuration (top-level keys ${keys.slice(0, 5).join(', ')})`;
}

function ignored(file: string, why: string): Diagnostic {
  return { code: 'import/ignored', severity: 'info', message: `${file}: ${why}; ignored`, at: { file } };
}

/** Imports the files as one topology. */
export function importConfigs(files: readonly ImportFile[]): ImportResult {
  // A compose or Kubernetes export is read by its own reader (src/import/deploy/).
  const deployed = files.length <= MAX_IMPORT_FILES ? readDeploymentForms(files, importConfigs) : undefined;
  if (deployed) return deployed;
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) return done(undefined, [{ code: 'import/no-files', severity: 'error', message: 'nothing to import: no files given', at: {} }]);
  if (files.length > MAX_IMPORT_FILES) {
    return done(undefined, [{ code: 'import/too-many-files', severity: 'error', message: `too many files (${files.length}); at most ${MAX_IMPORT_FILES}`, at: {} }]);
  }
  const configs: { file: string; text: string; root: YamlNode }[] = [];
  const ruleFiles = new Map<string, RuleGroup[]>();
  const amHints: AlertmanagerHint[] = [];
  const grafanas: ImportedGrafana[] = [];
  const runFiles = new Map<string, string>();
  const targetLists = new Map<string, number>();
  const read: { name: string; text: string; root: YamlNode; kind: Kind }[] = [];
  for (const { name, text } of files) {
    const base = baseName(name);
    if (text.length > MAX_IMPORT_FILE_CHARS || text.includes('\u0000')) {
      diagnostics.push(...(readYaml(name, text) as { diagnostics: Diagnostic[] }).diagnostics);
      continue;
    }
    if (/\.sh$/.test(base)) {
      const hint = alertmanagerHint(text);
      if (hint) amHints.push(hint);
      else runFiles.set(dirName(name), text);
      continue;
    }
    if (/\.json$/i.test(base)) {
      const count = jsonTargetCount(text);
      if (count !== undefined) targetLists.set(name, count);
      diagnostics.push(ignored(name, count !== undefined ? `a file_sd target list (${count} targets), counted for the jobs that read it` : 'not a YAML configuration'));
      continue;
    }
    if (/\.md$/i.test(base) || base.startsWith('.')) {
      diagnostics.push(ignored(name, 'not a YAML configuration'));
      continue;
    }
    const yaml = readYaml(name, text);
    if (!yaml.ok) {
      diagnostics.push(...yaml.diagnostics);
      continue;
    }
    read.push({ name, text, root: yaml.root, kind: kindOf(yaml.root) });
  }
  // Files the configs name in rule_files are rule files, even when empty (`{}`).
  const configNames = read.filter((r) => r.kind === 'prometheus').map((r) => ({ name: r.name, refs: ruleFileRefs(r.name, r.text) }));
  const named = new Set(configNames.flatMap((c) => c.refs.flatMap((ref) => matchImported(c.name, ref, read.map((r) => r.name)))));
  const severalFiles = read.length > 1;
  for (const { name, text, root, kind } of read) {
    if (kind === 'rules' || (kind === 'empty' && named.has(name))) {
      const result = kind === 'empty' ? { groups: [] as RuleGroup[], diagnostics: [] } : readRuleFile(name, text);
      diagnostics.push(...result.diagnostics);
      if (result.groups) ruleFiles.set(name, result.groups);
    } else if (kind === 'alertmanager') {
      diagnostics.push(ignored(name, 'an Alertmanager configuration (Alertmanager nodes come from the Prometheus alerting sections)'));
    } else if (kind === 'grafana') {
      grafanas.push(readGrafana(name, text, root, diagnostics));
    } else if (kind === 'targets') {
      targetLists.set(name, targetCount(root));
      diagnostics.push(ignored(name, `a file_sd target list (${targetCount(root)} targets), counted for the jobs that read it`));
    } else if (kind === 'empty' && (severalFiles || /rule|alert/i.test(baseName(name)))) {
      if (/rule|alert/i.test(baseName(name))) ruleFiles.set(name, []);
      diagnostics.push(ignored(name, /rule|alert/i.test(baseName(name)) ? 'an empty rule file' : 'an empty file'));
    } else if (kind === 'other' && severalFiles) {
      diagnostics.push(ignored(name, otherWhy(root)));
    } else {
      configs.push({ file: name, text, root });
    }
  }
  const instances: ImportedInstance[] = [];
  for (const { file, text, root } of configs) {
    const ctx = { file, diagnostics };
    const config = parseConfig(ctx, root);
    if (!config) continue;
    const run = runFiles.get(dirName(file));
    const hint = serverHint(text);
    const retention = run ? runFlag(run, 'storage.tsdb.retention.time') : undefined;
    const listenAddress = run ? runFlag(run, 'web.listen-address') : undefined;
    instances.push({ file, config, ...(hint ? { hint } : {}), ...(retention ? { retention } : {}), ...(listenAddress ? { listenAddress } : {}),
      ...(text.includes(' placeholder targets (count)') ? { placeholders: true } : {}), ...shardAndSelf(config, root) });
  }
  if (configs.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({ code: 'import/no-config', severity: 'error', message: 'none of the files is a Prometheus configuration (prometheus.yml)', at: {} });
  }
  if (hasErrors(diagnostics)) return done(undefined, diagnostics);
  const topologyName = instances.find((i) => i.hint)?.hint?.topologyName;
  const fileSdCount = (configFile: string, job: ParsedJob) => fileSdTargets(configFile, job, targetLists);
  const topology = buildTopology({ instances, ruleFiles, alertmanagerHints: amHints, grafanas, fileSdCount, ...(topologyName ? { topologyName } : {}) }, diagnostics);
  return done(topology, diagnostics);
}

/** The self-scrape job taken out first: the generator never shards it, so shards are told by the other jobs. */
function shardAndSelf(config: ParsedConfig, root: YamlNode): Pick<ImportedInstance, 'shard' | 'jobs' | 'selfScrape'> {
  const { selfScrape, config: rest } = splitSelfScrape(config, root);
  return { ...detectShard(rest), ...(selfScrape ? { selfScrape } : {}) };
}

function done(topology: Topology | undefined, diagnostics: Diagnostic[]): ImportResult {
  const sorted = sortDiagnostics(diagnostics);
  const ok = topology !== undefined && !hasErrors(sorted);
  return ok ? { ok, topology, diagnostics: sorted } : { ok: false, diagnostics: sorted };
}

function readGrafana(file: string, text: string, root: YamlNode, diagnostics: Diagnostic[]): ImportedGrafana {
  const ctx = { file, diagnostics };
  const list = root.kind === 'map' ? root.entries.find((e) => e.key.text === 'datasources')?.value : undefined;
  const datasources: { url: string; isDefault: boolean }[] = [];
  for (const item of list ? readSeq(ctx, list, 'datasources') ?? [] : []) {
    if (item.kind !== 'map') continue;
    const get = (k: string) => item.entries.find((e) => e.key.text === k)?.value;
    const url = get('url');
    const isDefault = get('isDefault');
    if (!url || isNull(url)) continue;
    datasources.push({ url: readString(ctx, url) ?? '', isDefault: isDefault?.kind === 'scalar' && isDefault.text === 'true' });
  }
  return { file, name: grafanaHint(text) ?? baseName(file).replace(/\.ya?ml$/i, ''), datasources };
}

/** Targets in a file_sd list (YAML tree). */
function targetCount(root: YamlNode): number {
  if (root.kind !== 'seq') return 0;
  return root.items.reduce((n, item) => {
    const targets = item.kind === 'map' ? item.entries.find((e) => e.key.text === 'targets')?.value : undefined;
    return n + (targets?.kind === 'seq' ? targets.items.length : 0);
  }, 0);
}

/** Targets in a JSON file_sd list, or undefined when the file is not one. */
function jsonTargetCount(text: string): number | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length === 0) return undefined;
    let n = 0;
    for (const item of value) {
      if (typeof item !== 'object' || item === null || !Array.isArray((item as { targets?: unknown }).targets)) return undefined;
      n += ((item as { targets: unknown[] }).targets).length;
    }
    return n;
  } catch {
    return undefined;
  }
}

/**
 * Targets a job finds through file_sd_configs, counted from the target lists among the imported files;
 * undefined when the job uses other discovery too, or a file it names is not among them.
 */
function fileSdTargets(configFile: string, job: ParsedJob, lists: ReadonlyMap<string, number>): number | undefined {
  const sdKeys = [...job.fields.keys()].filter((k) => k.endsWith('_sd_configs'));
  if (sdKeys.length !== 1 || sdKeys[0] !== 'file_sd_configs') return undefined;
  const node = job.fields.get('file_sd_configs');
  if (node?.kind !== 'seq') return undefined;
  let total = 0;
  for (const sd of node.items) {
    const filesNode = sd.kind === 'map' ? sd.entries.find((e) => e.key.text === 'files')?.value : undefined;
    if (filesNode?.kind !== 'seq') return undefined;
    for (const f of filesNode.items) {
      if (f.kind !== 'scalar') return undefined;
      const hits = matchImported(configFile, f.text, [...lists.keys()]);
      if (hits.length === 0) return undefined;
      for (const h of hits) total += lists.get(h) ?? 0;
    }
  }
  return total;
}
