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
import type { AlertmanagerHint } from './hints.ts';
import { alertmanagerHint, baseName, dirName, grafanaHint, runFlag, serverHint } from './hints.ts';
import type { ImportedInstance } from './groupServers.ts';
import { detectShard } from './groupServers.ts';
import { parseConfig } from './parseConfig.ts';
import { readRuleFile } from './ruleFiles.ts';
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

type Kind = 'prometheus' | 'rules' | 'alertmanager' | 'grafana';

function topKeys(root: YamlNode): Set<string> {
  return new Set(root.kind === 'map' ? root.entries.map((e) => e.key.text) : []);
}

function kindOf(root: YamlNode): Kind {
  const keys = topKeys(root);
  if (keys.has('groups') && keys.size === 1) return 'rules';
  if (keys.has('route') || keys.has('receivers')) return 'alertmanager';
  if (keys.has('datasources') || keys.has('apiVersion')) return 'grafana';
  return 'prometheus';
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
    if (/\.(json|md)$/i.test(base) || base.startsWith('.')) {
      diagnostics.push(ignored(name, 'not a YAML configuration'));
      continue;
    }
    const yaml = readYaml(name, text);
    if (!yaml.ok) {
      diagnostics.push(...yaml.diagnostics);
      continue;
    }
    const kind = kindOf(yaml.root);
    if (kind === 'rules') {
      const read = readRuleFile(name, text);
      diagnostics.push(...read.diagnostics);
      if (read.groups) ruleFiles.set(name, read.groups);
    } else if (kind === 'alertmanager') {
      diagnostics.push(ignored(name, 'an Alertmanager configuration (Alertmanager nodes come from the Prometheus alerting sections)'));
    } else if (kind === 'grafana') {
      grafanas.push(readGrafana(name, text, yaml.root, diagnostics));
    } else {
      configs.push({ file: name, text, root: yaml.root });
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
      ...(text.includes(' placeholder targets (count)') ? { placeholders: true } : {}), ...detectShard(config) });
  }
  if (configs.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({ code: 'import/no-config', severity: 'error', message: 'none of the files is a Prometheus configuration (prometheus.yml)', at: {} });
  }
  if (hasErrors(diagnostics)) return done(undefined, diagnostics);
  const topologyName = instances.find((i) => i.hint)?.hint?.topologyName;
  const topology = buildTopology({ instances, ruleFiles, alertmanagerHints: amHints, grafanas, ...(topologyName ? { topologyName } : {}) }, diagnostics);
  return done(topology, diagnostics);
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
