/**
 * One prometheus.yml -> a ParsedConfig: what PromTopo models, read and validated as Prometheus' loader
 * does (config/config.go), and everything else kept as YAML entries for verbatim re-export.
 */
import type { DecodeContext, NameValidation } from './decode.ts';
import {
  configError, isNull, readBool, report, readDuration, readLabels, readMapEntries, readSeq, readString, readStringList, readStruct,
} from './decode.ts';
import {
  GLOBAL_KEYS, GLOBAL_MODELLED, SCRAPE_KEYS, STATIC_CONFIG_KEYS, TOP_LEVEL_KEYS,
} from './configKeys.ts';
import { goQuote } from './goString.ts';
import type { RelabelRule } from './relabel.ts';
import { readRelabelRules } from './relabel.ts';
import { readAlerting } from './parseAlerting.ts';
import { checkHttpClient, checkOtherSections, checkScrapeExtras, checkServiceDiscovery } from './checkExtras.ts';
import type { Pos, YamlEntry, YamlNode } from './yamlTree.ts';

/** A `static_configs` entry. */
export interface StaticGroup {
  readonly targets: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface ParsedGlobal {
  readonly scrapeInterval?: string;
  readonly scrapeTimeout?: string;
  readonly evaluationInterval?: string;
  readonly externalLabels: Readonly<Record<string, string>>;
  /** Global keys PromTopo does not model, verbatim. */
  readonly extra: readonly YamlEntry[];
}

export interface ParsedJob {
  readonly name: string;
  readonly pos: Pos;
  readonly scrapeInterval?: string;
  readonly scrapeTimeout?: string;
  readonly metricsPath?: string;
  readonly scheme?: string;
  readonly honorLabels?: boolean;
  /** `params`, e.g. `match[]` of a /federate job. */
  readonly params: Readonly<Record<string, readonly string[]>>;
  readonly staticGroups: readonly StaticGroup[];
  readonly relabel: readonly RelabelRule[];
  /** The `relabel_configs` YAML items, parallel to `relabel`. */
  readonly relabelNodes: readonly YamlNode[];
  /** Scrape keys PromTopo does not model (service discovery, auth, limits, metric relabelling, ...). */
  readonly extra: readonly YamlEntry[];
  /** Every key of the job as written, in order. */
  readonly fields: ReadonlyMap<string, YamlNode>;
}

export interface ParsedAlertmanagers {
  readonly targets: readonly string[];
  /** Everything but static targets: SD, auth, scheme, path_prefix, relabelling. */
  readonly extra: readonly YamlEntry[];
  readonly node: YamlNode;
}

export interface ParsedAlerting {
  readonly alertRelabel: readonly RelabelRule[];
  readonly alertRelabelNodes: readonly YamlNode[];
  readonly alertmanagers: readonly ParsedAlertmanagers[];
}

export interface ParsedConfig {
  readonly file: string;
  readonly global: ParsedGlobal;
  readonly ruleFiles: readonly string[];
  readonly jobs: readonly ParsedJob[];
  readonly alerting: ParsedAlerting;
  /** Top-level sections PromTopo does not model (remote_write, storage, otlp, ...), verbatim. */
  readonly extraSections: readonly YamlEntry[];
}

/** Prometheus' rule_files / scrape_config_files pattern: `*` only in the last path segment. */
const rulePathRe = /^[^*]*(\*[^/]*)?$/;

/** Reads a parsed YAML root as a Prometheus config. Errors go to ctx; undefined when it has any. */
export function parseConfig(ctx: DecodeContext, root: YamlNode): ParsedConfig | undefined {
  const before = ctx.diagnostics.filter((d) => d.severity === 'error').length;
  if (root.kind !== 'map' && !isNull(root)) {
    configError(ctx, root.pos, `cannot unmarshal ${root.kind === 'seq' ? '!!seq' : `!!str \`${root.text}\``} into config.plain (a prometheus.yml is a mapping of sections)`);
    return undefined;
  }
  const top = readStruct(ctx, root, 'config.plain', TOP_LEVEL_KEYS) ?? new Map<string, YamlNode>();
  const global = readGlobal(ctx, top.get('global'));
  const scheme: NameValidation = global.scheme;
  const ruleFiles = readPaths(ctx, top.get('rule_files'), 'rule file');
  readPaths(ctx, top.get('scrape_config_files'), 'scrape config file');
  const jobs = readJobs(ctx, top.get('scrape_configs'), global, scheme);
  const alerting = readAlerting(ctx, top.get('alerting'), scheme);
  checkOtherSections(ctx, top, scheme);
  reportDuplicateKeys(ctx, root);
  const extraSections = [...top.entries()]
    .filter(([k]) => !['global', 'rule_files', 'scrape_configs', 'alerting'].includes(k))
    .map(([k, value]) => entry(k, value));
  const after = ctx.diagnostics.filter((d) => d.severity === 'error').length;
  if (after > before) return undefined;
  return { file: ctx.file, global: global.parsed, ruleFiles, jobs, alerting, extraSections };
}

/**
 * Duplicate keys anywhere, also inside sections kept verbatim (go-yaml strict mode refuses them all):
 * `key "x" already set in map`, unless the struct reader already reported that key.
 */
function reportDuplicateKeys(ctx: DecodeContext, node: YamlNode): void {
  if (node.kind === 'seq') for (const item of node.items) reportDuplicateKeys(ctx, item);
  if (node.kind !== 'map') return;
  const seen = new Set<string>();
  for (const { key, value } of node.entries) {
    const reported = ctx.diagnostics.some((d) => d.code === 'import/duplicate-key' && d.at.line === key.pos.line && d.at.column === key.pos.col);
    if (seen.has(key.text) && !reported) report(ctx, key.pos, 'import/duplicate-key', `key ${goQuote(key.text)} already set in map`);
    seen.add(key.text);
    reportDuplicateKeys(ctx, value);
  }
}

export function entry(key: string, value: YamlNode): YamlEntry {
  return { key: { kind: 'scalar', pos: value.pos, text: key, isNull: false, style: 'plain' }, value };
}

interface GlobalRead {
  readonly parsed: ParsedGlobal;
  readonly scheme: NameValidation;
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

function readGlobal(ctx: DecodeContext, node: YamlNode | undefined): GlobalRead {
  const fields = node ? readStruct(ctx, node, 'config.plain', GLOBAL_KEYS) ?? new Map<string, YamlNode>() : new Map<string, YamlNode>();
  const schemeNode = fields.get('metric_name_validation_scheme');
  const schemeText = schemeNode ? readString(ctx, schemeNode) : undefined;
  if (schemeNode && schemeText !== undefined && !['', 'utf8', 'legacy'].includes(schemeText)) {
    configError(ctx, schemeNode.pos, `unrecognized ValidationScheme: ${goQuote(schemeText)}`);
  }
  const scheme: NameValidation = schemeText === 'legacy' ? 'legacy' : 'utf8';
  const interval = fields.get('scrape_interval') ? readDuration(ctx, fields.get('scrape_interval') as YamlNode) : undefined;
  const timeout = fields.get('scrape_timeout') ? readDuration(ctx, fields.get('scrape_timeout') as YamlNode) : undefined;
  const evaluation = fields.get('evaluation_interval') ? readDuration(ctx, fields.get('evaluation_interval') as YamlNode) : undefined;
  if (fields.get('rule_query_offset')) readDuration(ctx, fields.get('rule_query_offset') as YamlNode);
  const intervalMs = interval && interval.ms > 0 ? interval.ms : 60_000;
  const explicitTimeoutMs = timeout?.ms ?? 0;
  if (explicitTimeoutMs > intervalMs) configError(ctx, (fields.get('scrape_timeout') ?? node)?.pos ?? { line: 1, col: 1 }, 'global scrape timeout greater than scrape interval');
  const labelsNode = fields.get('external_labels');
  const externalLabels = labelsNode ? readLabels(ctx, labelsNode, scheme) ?? {} : {};
  checkScrapeExtras(ctx, fields, 'global config');
  const extra = [...fields.entries()].filter(([k]) => !GLOBAL_MODELLED.has(k)).map(([k, v]) => entry(k, v));
  return {
    parsed: {
      ...(interval && interval.ms > 0 ? { scrapeInterval: interval.text } : {}),
      ...(timeout && timeout.ms > 0 ? { scrapeTimeout: timeout.text } : {}),
      ...(evaluation && evaluation.ms > 0 ? { evaluationInterval: evaluation.text } : {}),
      externalLabels,
      extra,
    },
    scheme,
    intervalMs,
    timeoutMs: explicitTimeoutMs > 0 ? explicitTimeoutMs : Math.min(10_000, intervalMs),
  };
}

function readPaths(ctx: DecodeContext, node: YamlNode | undefined, what: string): string[] {
  if (!node) return [];
  const paths = readStringList(ctx, node) ?? [];
  for (const p of paths) {
    if (!rulePathRe.test(p)) configError(ctx, node.pos, `invalid ${what} path ${goQuote(p)}`);
  }
  return paths;
}

function readJobs(ctx: DecodeContext, node: YamlNode | undefined, global: GlobalRead, scheme: NameValidation): ParsedJob[] {
  if (!node) return [];
  const items = readSeq(ctx, node, '[]*config.ScrapeConfig') ?? [];
  const jobs: ParsedJob[] = [];
  const names = new Set<string>();
  for (const item of items) {
    if (isNull(item)) {
      configError(ctx, item.pos, 'empty or null scrape config section');
      continue;
    }
    const job = readJob(ctx, item, global, scheme);
    if (!job) continue;
    if (names.has(job.name)) configError(ctx, job.pos, `found multiple scrape configs with job name ${goQuote(job.name)}`);
    names.add(job.name);
    jobs.push(job);
  }
  return jobs;
}

function readJob(ctx: DecodeContext, node: YamlNode, global: GlobalRead, globalScheme: NameValidation): ParsedJob | undefined {
  const fields = readStruct(ctx, node, 'config.ScrapeConfig', SCRAPE_KEYS);
  if (!fields) return undefined;
  const nameNode = fields.get('job_name');
  const name = nameNode ? readString(ctx, nameNode) ?? '' : '';
  if (name === '') {
    configError(ctx, node.pos, 'job_name is empty');
    return undefined;
  }
  const str = (key: string) => (fields.get(key) ? readString(ctx, fields.get(key) as YamlNode) : undefined);
  const interval = fields.get('scrape_interval') ? readDuration(ctx, fields.get('scrape_interval') as YamlNode) : undefined;
  const timeout = fields.get('scrape_timeout') ? readDuration(ctx, fields.get('scrape_timeout') as YamlNode) : undefined;
  const intervalMs = interval && interval.ms > 0 ? interval.ms : global.intervalMs;
  if (timeout && timeout.ms > intervalMs) {
    configError(ctx, node.pos, `scrape timeout greater than scrape interval for scrape config with job name ${goQuote(name)}`);
  }
  const localScheme = str('metric_name_validation_scheme');
  const scheme: NameValidation = localScheme === 'legacy' ? 'legacy' : localScheme === 'utf8' ? 'utf8' : globalScheme;
  checkHttpClient(ctx, fields, node.pos);
  checkServiceDiscovery(ctx, fields);
  checkScrapeExtras(ctx, fields, `scrape config with job name ${goQuote(name)}`, scheme, globalScheme);
  const relabelNode = fields.get('relabel_configs');
  const relabel = relabelNode ? readRelabelRules(ctx, relabelNode, 'empty or null target relabeling rule in scrape config', scheme) ?? [] : [];
  const metricRelabel = fields.get('metric_relabel_configs');
  if (metricRelabel) readRelabelRules(ctx, metricRelabel, 'empty or null metric relabeling rule in scrape config', scheme);
  const staticGroups = readStaticConfigs(ctx, fields.get('static_configs'), scheme, relabel.length === 0 && !relabelNode);
  const honor = fields.get('honor_labels');
  for (const key of ['honor_timestamps', 'track_timestamps_staleness', 'enable_compression']) {
    if (fields.get(key)) readBool(ctx, fields.get(key) as YamlNode);
  }
  const params = readParams(ctx, fields.get('params'));
  const metricsPath = str('metrics_path');
  const schemeText = str('scheme');
  const honorLabels = honor ? readBool(ctx, honor) : undefined;
  return {
    name,
    pos: node.pos,
    ...(interval && interval.ms > 0 ? { scrapeInterval: interval.text } : {}),
    ...(timeout && timeout.ms > 0 ? { scrapeTimeout: timeout.text } : {}),
    ...(metricsPath ? { metricsPath } : {}),
    ...(schemeText ? { scheme: schemeText } : {}),
    ...(honorLabels !== undefined ? { honorLabels } : {}),
    params,
    staticGroups,
    relabel,
    relabelNodes: relabelNode && relabelNode.kind === 'seq' ? relabelNode.items : [],
    fields,
    extra: [...fields.entries()]
      .filter(([k]) => !['job_name', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'scheme', 'static_configs', 'honor_labels', 'params', 'relabel_configs'].includes(k))
      .map(([k, v]) => entry(k, v)),
  };
}

function readParams(ctx: DecodeContext, node: YamlNode | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!node) return out;
  for (const { key, value } of readMapEntries(ctx, node, 'url.Values') ?? []) {
    out[key.text] = readStringList(ctx, value) ?? [];
  }
  return out;
}

/** `static_configs`; targets are checked for URLs only when the job has no relabel_configs (as Prometheus). */
export function readStaticConfigs(ctx: DecodeContext, node: YamlNode | undefined, scheme: NameValidation, checkTargets: boolean): StaticGroup[] {
  if (!node) return [];
  const groups: StaticGroup[] = [];
  for (const item of readSeq(ctx, node, '[]*targetgroup.Group') ?? []) {
    if (isNull(item)) {
      configError(ctx, item.pos, 'empty or null section in static_configs');
      continue;
    }
    const fields = readStruct(ctx, item, 'targetgroup.Group', STATIC_CONFIG_KEYS);
    if (!fields) continue;
    const targetsNode = fields.get('targets');
    const targets = targetsNode ? readStringList(ctx, targetsNode) ?? [] : [];
    if (checkTargets) {
      for (const t of targets) {
        if (t.includes('/')) configError(ctx, targetsNode?.pos ?? item.pos, `${goQuote(t)} is not a valid hostname`);
      }
    }
    const labelsNode = fields.get('labels');
    const labels = labelsNode ? readLabels(ctx, labelsNode, scheme) ?? {} : {};
    groups.push({ targets, labels });
  }
  return groups;
}
