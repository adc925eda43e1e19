/**
 * The files of one setup sorted into what Prometheus reads: configurations (prometheus.yml) and the
 * rule files their `rule_files` load, resolved as Prometheus does (relative to the config's folder,
 * `*` and `?` in the last segment). An absolute pattern (`/etc/prometheus/rules/*.yml`) is looked
 * up by its trailing segments beside the config, where a deployment copies the files it names.
 */
import type { Plain } from './canon.ts';
import { listOf, plainOf, recordOf, stringOf } from './canon.ts';
import type { LoadedRules } from './normalizeConfig.ts';
import { readYaml } from '../import/yamlTree.ts';

/** One file of a setup: its path as the user sees it, and its text. */
export interface SetupFile {
  readonly name: string;
  readonly text: string;
}

/** A configuration with what it loads. */
export interface ReadConfig {
  readonly file: string;
  readonly config: Plain;
  readonly rules: LoadedRules;
}

const CONFIG_KEYS = ['global', 'scrape_configs', 'rule_files', 'alerting', 'remote_write', 'remote_read', 'scrape_config_files', 'storage', 'tracing', 'otlp', 'runtime'];
const NOT_CONFIG_KEYS = ['groups', 'route', 'receivers', 'datasources', 'apiVersion'];

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function normalPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function globRe(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${escaped}$`);
}

function isPattern(p: string): boolean {
  return /[*?]/.test(p);
}

/**
 * The files a `rule_files` pattern of `configFile` names, among `names`. An absolute pattern is
 * tried by its trailing segments, longest first, and only matches rule files (`isRuleFile`).
 */
export function resolvePattern(configFile: string, pattern: string, names: readonly string[], isRuleFile: (name: string) => boolean = () => true): string[] {
  const dir = dirOf(configFile);
  const absolute = pattern.startsWith('/');
  const candidates = absolute ? pattern.split('/').filter(Boolean).map((_, i, parts) => parts.slice(i).join('/')) : [pattern];
  for (const candidate of candidates) {
    const full = normalPath(`${dir}/${candidate}`);
    const re = globRe(full);
    const hits = names.filter((n) => (isPattern(full) ? re.test(n) : n === full) && (!absolute || isRuleFile(n))).sort();
    if (hits.length) return hits;
  }
  return [];
}

function parse(file: SetupFile): Plain | undefined {
  const read = readYaml(file.name, file.text);
  return read.ok ? plainOf(read.root) : undefined;
}

function isSkipped(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('.') || /\.(json|md|sh|txt)$/i.test(base);
}

/** The configurations of a setup, each with the rule files it loads; rule files are not configs. */
export function readSetup(files: readonly SetupFile[]): ReadConfig[] {
  const parsed = new Map<string, Plain>();
  for (const f of files) {
    if (isSkipped(f.name)) continue;
    const p = parse(f);
    if (p !== undefined) parsed.set(normalPath(f.name), p);
  }
  const names = [...parsed.keys()];
  const candidates = names.filter((n) => {
    const rec = recordOf(parsed.get(n));
    const keys = Object.keys(rec);
    return keys.some((k) => CONFIG_KEYS.includes(k)) && !keys.some((k) => NOT_CONFIG_KEYS.includes(k));
  });
  const isRuleFile = (n: string) => Object.keys(recordOf(parsed.get(n))).every((k) => k === 'groups');
  const ruleFileNames = new Set<string>();
  const configs = candidates.map((file) => {
    const files: Plain[] = [];
    const unresolved: string[] = [];
    for (const pattern of listOf(recordOf(parsed.get(file)).rule_files).map((p) => stringOf(p))) {
      const hits = resolvePattern(file, pattern, names, isRuleFile);
      if (hits.length === 0 && !isPattern(pattern)) unresolved.push(pattern);
      for (const hit of hits) {
        ruleFileNames.add(hit);
        files.push(parsed.get(hit) as Plain);
      }
    }
    return { file, config: parsed.get(file) as Plain, rules: { files, unresolved } };
  });
  return configs.filter((c) => !ruleFileNames.has(c.file));
}
