/**
 * Telling "promtool rejected this config" from "this promtool cannot check it". Debian's promtool
 * 2.42 is built without some service discovery (Kubernetes, Consul, Nomad) and knows no 3.x keys, so it
 * answers `field kubernetes_sd_configs not found in type config.ScrapeConfig` for configs Prometheus 3
 * loads. When every complaint is such a field, the fields are taken out of a copy and promtool checks
 * the rest; the config then passes with a list of what could not be checked.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import {
  ALERTING_KEYS, ALERTMANAGER_KEYS, GLOBAL_KEYS, HTTP_CLIENT_KEYS, SCRAPE_KEYS, SD_KEYS, STATIC_CONFIG_KEYS, TOP_LEVEL_KEYS,
} from '../../src/import/configKeys.ts';
import type { ToolCheck } from './tools.ts';

/** Keys of Prometheus 3.x sections that older promtools may not know, beyond the scrape and global keys. */
const LATER_KEYS = [
  'retention', 'time', 'size', 'percentage', 'out_of_order_time_window', 'chunk_encoding', 'floats', 'enable_compression',
  'no_proxy', 'proxy_from_environment', 'proxy_connect_header', 'http_headers', 'protobuf_message', 'round_robin_dns',
  'send_native_histograms', 'send_exemplars', 'azuread', 'sigv4', 'google_iam', 'query_offset', 'rule_query_offset',
  'metadata_config', 'write_relabel_configs', 'exemplars', 'tsdb', 'translation_strategy', 'promote_resource_attributes',
  'keep_identifying_resource_attributes', 'convert_histograms_to_nhcb', 'gogc', 'filter_external_labels', 'headers',
  'endpoint_params', 'client_type', 'compression', 'insecure', 'timeout', 'sampling_fraction', 'endpoint', 'tls_config',
];

/** Every key a Prometheus 3.x config may use somewhere. */
const KNOWN_KEYS = new Set<string>([
  ...TOP_LEVEL_KEYS, ...GLOBAL_KEYS, ...SCRAPE_KEYS, ...ALERTING_KEYS, ...ALERTMANAGER_KEYS, ...HTTP_CLIENT_KEYS, ...SD_KEYS,
  ...STATIC_CONFIG_KEYS, ...LATER_KEYS,
]);

/**
 * Go types promtool may name for the top level: `config.plain` is also the alias inside many nested
 * sections' unmarshalling (remote_write's `azuread` is reported in `config.plain`), so it says little.
 */
const TOP_LEVEL_TYPES = new Set(['config.plain', 'config.Config']);

/**
 * True when `field` is a key Prometheus 3.x knows where promtool found it: a top-level key reported
 * in a named section (`rule_files` in `config.ScrapeConfig`) is a mistake in any version.
 */
function knownIn(field: string, type: string): boolean {
  if (!KNOWN_KEYS.has(field)) return false;
  return !TOP_LEVEL_KEYS.has(field) || TOP_LEVEL_TYPES.has(type);
}

/** A field promtool did not know: where, and what. */
export interface UncheckedField {
  readonly line: number;
  readonly field: string;
  /** The Go type promtool named (`config.ScrapeConfig`). */
  readonly type: string;
}

const fieldRe = /^\s*line (\d+): field (\S+) not found in type (\S+)\s*$/;

/**
 * The fields of a failed `promtool check config` that are valid Prometheus 3.x this promtool does not
 * know, when that is all it complained about; undefined when it rejected something else.
 */
export function uncheckableFields(output: string): UncheckedField[] | undefined {
  const lines = output.split('\n');
  const fields: UncheckedField[] = [];
  let other = false;
  for (const line of lines) {
    const m = fieldRe.exec(line);
    if (m) {
      if (!knownIn(m[2] ?? '', m[3] ?? '')) other = true;
      else fields.push({ line: Number(m[1]), field: m[2] ?? '', type: m[3] ?? '' });
      continue;
    }
    const t = line.trim();
    // promtool's frame around the errors: "Checking F", "FAILED: parsing YAML file F: yaml: unmarshal errors:", blank.
    if (t === '' || /^Checking /.test(t) || /^WARNING: /.test(t) || /^FAILED: parsing YAML file .*: yaml: unmarshal errors:$/.test(t)) continue;
    other = true;
  }
  return !other && fields.length > 0 ? fields : undefined;
}

const missingFileRes = [
  /^FAILED: error checking .* file "(\/[^"]+)": stat \/[^:]+: no such file or directory$/,
  /^FAILED: "(\/[^"]+)" does not point to an existing file$/,
];

/**
 * Absolute files a failed check says are missing (TLS certificates, token and password files, rule
 * files under /etc/...): they live on the server, not beside the bundle. Undefined when it failed otherwise.
 */
export function serverOnlyFiles(output: string): string[] | undefined {
  const files: string[] = [];
  for (const line of output.split('\n')) {
    const t = line.trim();
    if (t === '' || /^Checking /.test(t) || /^WARNING: /.test(t)) continue;
    const hit = missingFileRes.map((re) => re.exec(t)?.[1]).find((f) => f !== undefined);
    if (hit === undefined) return undefined;
    files.push(hit);
  }
  return files.length > 0 ? files : undefined;
}

/** Where a key sits, for people: `scrape_configs, job "pods", kubernetes_sd_configs`. */
function itemName(item: unknown, i: number): string {
  if (isMap(item)) {
    const job = item.get('job_name');
    if (typeof job === 'string') return `job "${job}"`;
    const name = item.get('name');
    if (typeof name === 'string') return `"${name}"`;
  }
  return `[${i}]`;
}

/**
 * The YAML text without the entries whose keys sit on the given lines (1-based), and where each removed
 * entry was (`scrape_configs > job "pods" > kubernetes_sd_configs`).
 */
export function withoutFields(text: string, fields: readonly UncheckedField[]): { text: string; removed: string[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const drop = new Set(fields.map((f) => `${f.line}\u0000${f.field}`));
  const removed: string[] = [];
  const visit = (node: YamlNode | null | undefined, path: readonly string[]): void => {
    if (isMap(node)) {
      node.items = node.items.filter((pair: Pair) => {
        const key = pair.key as { range?: [number, number]; value?: unknown } | null;
        const line = key?.range ? lineCounter.linePos(key.range[0]).line : -1;
        const name = String(key?.value ?? '');
        if (!drop.has(`${line}\u0000${name}`)) return true;
        removed.push([...path, name].join(' > '));
        return false;
      });
      for (const pair of node.items) visit(pair.value as YamlNode, [...path, String((pair.key as { value?: unknown } | null)?.value ?? '')]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as YamlNode, [...path, itemName(item, i)]));
    }
  };
  visit(doc.contents as YamlNode, []);
  return { text: doc.toString({ lineWidth: 0 }), removed };
}

/** Most rounds of taking fields out (promtool reports one YAML section's unknown fields at a time). */
const MAX_ROUNDS = 6;

/** A promtool verdict that says what this promtool could not check. */
export interface LimitedCheck extends ToolCheck {
  /** Where the fields taken out before promtool passed were (`scrape_configs > job "x" > kubernetes_sd_configs`). */
  readonly unchecked: readonly string[];
}

/**
 * Runs `check(path, syntaxOnly)`. While it fails only on fields this promtool does not know, checks a
 * copy without them (beside the original, so relative rule_files still resolve); when it fails only on
 * absolute files that exist on the server but not here (certificates, tokens, /etc rule files), checks
 * the syntax only. Never throws.
 */
export async function checkWithinLimits(configFile: string, check: (path: string, syntaxOnly: boolean) => Promise<ToolCheck>): Promise<LimitedCheck> {
  let result = await check(configFile, false);
  if (result.ok) return { ...result, unchecked: [] };
  const unchecked: string[] = [];
  const copy = join(dirname(configFile), `.promtool-limits-${basename(configFile)}`);
  let text: string;
  try {
    text = await fs.readFile(configFile, 'utf8');
  } catch {
    return { ...result, unchecked: [] };
  }
  let path = configFile;
  let syntaxOnly = false;
  try {
    for (let round = 0; round < MAX_ROUNDS && !result.ok; round++) {
      const fields = uncheckableFields(result.output);
      const files = fields ? undefined : serverOnlyFiles(result.output);
      if (fields) {
        const reduced = withoutFields(text, fields);
        if (reduced.removed.length === 0) break;
        unchecked.push(...reduced.removed.map((r) => `${r} (valid Prometheus 3.x this promtool does not know)`));
        text = reduced.text;
        await fs.writeFile(copy, text);
        path = copy;
      } else if (files && !syntaxOnly) {
        unchecked.push(...files.map((f) => `file ${f} (it is on the server, not here)`));
        syntaxOnly = true;
      } else {
        break;
      }
      result = await check(path, syntaxOnly);
    }
  } finally {
    await fs.rm(copy, { force: true });
  }
  const output = result.output.split(copy).join(configFile);
  return result.ok ? { ok: true, output, unchecked } : { ...result, output, unchecked: [] };
}
