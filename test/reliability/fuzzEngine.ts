/**
 * A seeded fuzzer over topology documents and prometheus.yml files. Inputs are mutations of real
 * material (the examples, Prometheus' own config tests and real configs from ../shared/testdata, and
 * documents imported from those): wrong types, missing and extra fields, huge and negative numbers,
 * unicode, long strings, duplicate ids, dangling references, cycles, hostile raw YAML. Each input goes
 * through the CLI as a user runs it (validate, load, export, import; in process, real promtool) and
 * the outcome is judged: exit 0/1/2, a message naming the file (and a field where one is wrong), no
 * stack trace, no raw control characters, no over-long line, nothing written on error, every written
 * bundle accepted by promtool, and validate and export agreeing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from '../../electron/cli/main.ts';

/** Deterministic random numbers in [0, 1) from a seed (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T,>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

const deepArray = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Values a field may be set to. */
const VALUES: readonly (() => unknown)[] = [
  () => null, () => true, () => 0, () => -1, () => -1e308, () => 1e308, () => 2 ** 53 + 1, () => 1e9, () => 0.5, () => -0,
  () => '', () => 'x'.repeat(10_000), () => '名前🙂\u202eevil', () => 'a\u0000b\u001b[2Jc\u0007', () => '../../etc/passwd', () => ' leading space',
  () => [], () => ({}), () => deepArray(800), () => ['x', 1, null], () => ({ unexpected: 'field' }), () => '15s', () => 'prom-1:9090',
];

/** Raw YAML an extraConfig/extraScrapeConfigs field may hold. */
export const HOSTILE_YAML: readonly string[] = [
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`,
  Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- a:`).join('\n'),
  '%YAML 1.2\n---\nremote_write: []\n',
  '%TAG ! tag:example.com,2000:\n--- !foo 1\n',
  '%',
  '@@@',
  'key: !!binary aGVsbG8=\n',
  'remote_write:\n  - url: !!binary aGVsbG8=\n',
  '- job_name: x\n  static_configs: !!binary aGVsbG8=\n',
  'a: &a [*a]\n',
  'rule_files: [""]\n',
  'rule_files:\n  - \n',
  'remote_write: [{url: 1}]\n',
  'scrape_interval: 1\n',
  '- job_name: x\n  static_configs: {}\n',
  '- job_name: x\n  scrape_interval: -5s\n',
  '- job_name: ""\n',
  '- job_name: dup\n- job_name: dup\n',
  'global:\n  scrape_interval: 1m\n',
  `- job_name: ${'x'.repeat(10_000)}\n`,
  '\u0000\u001b[31m',
  '- job_name: x\n  metrics_path: 5\n  honor_labels: "yes"\n',
  'remote_write:\n  - url: http://x\n    write_relabel_configs:\n      - regex: "("\n',
  'tracing: {endpoint: 1}\n',
  '- 1\n- 2\n',
  'just a string',
];

/** Every [container, key] pair in a JSON value, for picking a random place to mutate. */
function places(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = [], depth = 0): typeof out {
  if (depth > 12 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([value, i]); places(v, out, depth + 1); });
  else for (const [k, v] of Object.entries(value)) { out.push([value as Record<string, unknown>, k]); places(v, out, depth + 1); }
  return out;
}

interface DocJson { nodes?: Record<string, unknown>[]; edges?: Record<string, unknown>[]; [k: string]: unknown }

/** Puts hostile raw YAML into a server's or a target group's escape hatch. */
function rawYamlMutation(r: Random, nodes: Record<string, unknown>[]): string {
  const holders = nodes.filter((n) => n.kind === 'prometheus' || n.kind === 'targets');
  if (!holders.length) return 'raw yaml (no holder)';
  const holder = pick(r, holders);
  const field = holder.kind === 'prometheus' ? pick(r, ['extraConfig', 'extraScrapeConfigs']) : 'extraConfig';
  holder[field] = pick(r, HOSTILE_YAML);
  return `raw yaml ${field}`;
}

/** One mutation of a parsed document; returns a short name of what it did. */
function mutateDocumentOnce(r: Random, doc: DocJson): string {
  const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  const edges = Array.isArray(doc.edges) ? doc.edges : [];
  const op = Math.floor(r() * 10);
  const all = places(doc);
  if (op <= 2 && all.length) {
    const [c, k] = pick(r, all);
    const v = pick(r, VALUES)();
    (c as Record<string | number, unknown>)[k] = v;
    return `set ${String(k)}`;
  }
  if (op === 3 && all.length) {
    const [c, k] = pick(r, all);
    if (Array.isArray(c)) c.splice(Number(k), 1);
    else delete c[k as string];
    return `delete ${String(k)}`;
  }
  if (op === 4 && all.length) {
    const objects = all.map(([c, k]) => (c as Record<string | number, unknown>)[k]).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
    if (objects.length) pick(r, objects)[pick(r, ['extra', 'id', 'kind', '__proto__x', 'constructor'])] = pick(r, VALUES)();
    return 'extra field';
  }
  if (op === 5 && nodes.length) {
    nodes.push(structuredClone(pick(r, nodes)));
    return 'duplicate node';
  }
  if (op === 6 && edges.length) {
    const e = pick(r, edges);
    e[pick(r, ['from', 'to', 'source', 'target'])] = pick(r, ['nope', '', 'x'.repeat(300)]);
    return 'dangling edge';
  }
  if (op === 7 && edges.length) {
    const e = structuredClone(pick(r, edges));
    const from = e.from ?? e.source;
    if ('from' in e) { e.from = e.to; e.to = from; }
    if ('source' in e) { e.source = e.target; e.target = from; }
    e.id = `${String(e.id)}-back`;
    edges.push(e);
    return 'cycle';
  }
  if (op === 8) return rawYamlMutation(r, nodes);
  const servers = nodes.filter((n) => n.kind === 'prometheus');
  const groups = nodes.filter((n) => n.kind === 'targets');
  const huge = pick(r, [1e9, 2 ** 31, -3, 0, 1e6, 100_000, 27]);
  if (groups.length && r() < 0.5) pick(r, groups).count = huge;
  else if (servers.length) {
    const s = pick(r, servers);
    if (r() < 0.5) s.ha = { replicas: huge, replicaLabel: 'replica' };
    else s.hashmod = { shards: huge, label: '__tmp_hash' };
  }
  return 'huge count';
}

/** A mutated document text from `seed` (1-4 mutations; sometimes the text itself is damaged). */
export function mutateDocument(r: Random, seedText: string): { text: string; ops: string[] } {
  const doc = JSON.parse(seedText) as DocJson;
  const ops: string[] = [];
  // A third of the inputs change only raw YAML: they often still validate, so export and promtool see them.
  if (r() < 0.35) ops.push(rawYamlMutation(r, Array.isArray(doc.nodes) ? doc.nodes : []));
  else {
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) ops.push(mutateDocumentOnce(r, doc));
  }
  let text = JSON.stringify(doc, null, r() < 0.5 ? 2 : 0);
  const t = r();
  if (t < 0.04) { text = text.slice(0, Math.floor(r() * text.length)); ops.push('truncated'); }
  else if (t < 0.07) { text = `\ufeff${text}`; ops.push('bom'); }
  else if (t < 0.09) { text = `${'['.repeat(20_000)}${']'.repeat(20_000)}`; ops.push('deep json'); }
  return { text, ops };
}

/** A mutated prometheus.yml text from a seed config. */
export function mutateConfig(r: Random, seedText: string): { text: string; ops: string[] } {
  const lines = seedText.split('\n');
  const ops: string[] = [];
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (lines.length + 1));
    const op = Math.floor(r() * 9);
    const indent = (lines[at] ?? '').match(/^\s*/)?.[0] ?? '';
    if (op === 0) { lines.splice(at, 0, pick(r, ['%YAML 1.2', '%TAG ! tag:x,2000:', '%', '---', '...', '%FOO bar'])); ops.push('directive'); }
    else if (op === 1) { lines.splice(at, 0, `${indent}${pick(r, HOSTILE_YAML).split('\n')[0] ?? ''}`); ops.push('hostile line'); }
    else if (op === 2) { lines.splice(at, 0, `${indent}deep: ${'['.repeat(3000)}${']'.repeat(3000)}`); ops.push('deep flow'); }
    else if (op === 3 && lines[at] !== undefined) { lines.splice(at, 0, lines[at] ?? ''); ops.push('duplicate line'); }
    else if (op === 4 && lines[at] !== undefined) { lines[at] = (lines[at] ?? '').replace(/: .*$/, `: ${pick(r, ['-1', '1e308', '""', 'x'.repeat(10_000), '名前🙂', '!!binary aGVsbG8=', '[]', '{}', 'null', '0s', '-5m'])}`); ops.push('value'); }
    else if (op === 5) { lines.splice(at, 1); ops.push('drop line'); }
    else if (op === 6 && lines[at] !== undefined) { lines[at] = `\t${lines[at] ?? ''}`; ops.push('tab'); }
    else if (op === 7) { lines.splice(at, 0, `${indent}rule_files: [""]`); ops.push('empty rule file'); }
    else { lines.splice(at, 0, `${indent}${'  '.repeat(Math.floor(r() * 40))}\u001b[2J\u0007`); ops.push('control'); }
  }
  return { text: lines.join('\n'), ops };
}

/** What went wrong with one run, or nothing. */
export interface RunVerdict {
  readonly command: string;
  readonly exit: number;
  readonly problems: string[];
  /** Validate passed but the real promtool refused the export (cleanly: nothing written). */
  readonly disagreement?: string;
}

const STACK = /\n\s+at \S.*[(:]\d+:\d+\)?/;
// Raw control characters other than newline and tab (ANSI escapes, bells, NUL, C1).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
export const MAX_LINE = 2000;

/** Judges a CLI run's output; `file` is the input's base name (a failing run must name it). */
function judgeOutput(command: string, exit: number, out: string, err: string, file: string): string[] {
  const problems: string[] = [];
  const text = `${out}\n${err}`;
  if (![0, 1, 2].includes(exit)) problems.push(`${command}: exit ${exit}`);
  if (STACK.test(text)) problems.push(`${command}: stack trace in the output`);
  if (/internal error|Maximum call stack|Tag not resolved|RangeError|TypeError|ReferenceError/.test(text)) problems.push(`${command}: internal error: ${(text.match(/.*(internal error|Maximum call stack|Tag not resolved|RangeError|TypeError|ReferenceError).*/)?.[0] ?? '').slice(0, 200)}`);
  if (CONTROL.test(text)) problems.push(`${command}: raw control character in the output`);
  const long = text.split('\n').find((l) => l.length > MAX_LINE);
  if (long) problems.push(`${command}: a line of ${long.length} characters`);
  if (exit !== 0 && !err.includes(file) && !out.includes(file)) problems.push(`${command}: exit ${exit} without naming ${file}: ${err.slice(0, 200)}`);
  return problems;
}

async function cli(argv: string[], cwd: string): Promise<{ exit: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const exit = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { exit, out, err };
}

/** Every prometheus.yml under `dir`, relative paths. */
function configsIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/^prometheus[\w.-]*\.ya?ml$/.test(e.name) && !d.includes('grafana')) found.push(join(d, e.name));
    }
  };
  walk(dir);
  return found;
}

/** promtool's verdict on the Prometheus configs of a written bundle (one process for all). */
function promtoolAccepts(dir: string): string | undefined {
  const files = configsIn(dir);
  if (!files.length) return undefined;
  try {
    execFileSync('promtool', ['check', 'config', '--syntax-only', ...files], { stdio: 'pipe', timeout: 60_000 });
    return undefined;
  } catch (e) {
    const out = `${(e as { stdout?: Buffer }).stdout ?? ''}${(e as { stderr?: Buffer }).stderr ?? ''}`;
    return out.split('\n').filter((l) => /FAILED|error/i.test(l)).slice(0, 3).join(' | ').slice(0, 400);
  }
}

/** Runs one document through validate, load and (when it validates) export. */
export async function runDocument(work: string, name: string, text: string, options: { exportBundle: boolean }): Promise<RunVerdict[]> {
  const file = join(work, name);
  writeFileSync(file, text);
  const verdicts: RunVerdict[] = [];
  const validate = await cli(['validate', name], work);
  verdicts.push({ command: 'validate', exit: validate.exit, problems: judgeOutput('validate', validate.exit, validate.out, validate.err, name) });
  const load = await cli(['load', name], work);
  verdicts.push({ command: 'load', exit: load.exit, problems: judgeOutput('load', load.exit, load.out, load.err, name) });
  if (options.exportBundle && validate.exit === 0) {
    const out = join(work, 'out');
    rmSync(out, { recursive: true, force: true });
    const before = readdirSync(work).sort();
    const exp = await cli(['export', name, '--out', 'out'], work);
    const problems = judgeOutput('export', exp.exit, exp.out, exp.err, name);
    if (exp.exit === 0) {
      const rejected = promtoolAccepts(out);
      if (rejected) problems.push(`export: written bundle rejected by promtool: ${rejected}`);
    }
    let disagreement: string | undefined;
    if (exp.exit !== 0) {
      // Raw YAML whose meaning only Prometheus knows (a duration it cannot read) is refused by promtool
      // at export, with its message and nothing written: counted, not a failure. Anything else is.
      const firstLine = exp.err.split('\n').find((l) => l.trim()) ?? '';
      if (exp.exit === 1 && /the real tools rejected the bundle; nothing was written/.test(exp.err)) disagreement = firstLine.slice(0, 300);
      else problems.push(`export: exit ${exp.exit} after validate passed (validate and export disagree): ${firstLine}`.slice(0, 400));
      if (existsSync(out)) problems.push('export: wrote something although it failed');
      const after = readdirSync(work).sort();
      if (after.join('\n') !== before.join('\n')) problems.push(`export: left ${after.filter((n) => !before.includes(n)).join(', ')}`);
    }
    verdicts.push({ command: 'export', exit: exp.exit, problems, ...(disagreement ? { disagreement } : {}) });
    rmSync(out, { recursive: true, force: true });
    for (const n of readdirSync(work)) if (n.startsWith('.out.promtopo-')) rmSync(join(work, n), { recursive: true, force: true });
  }
  rmSync(file, { force: true });
  return verdicts;
}

/** Runs one prometheus.yml through import (to a file) and, when it imports, the result through validate. */
export async function runConfig(work: string, text: string): Promise<RunVerdict[]> {
  const dir = join(work, 'cfg');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(join(dir, 'prometheus.yml'), text);
  const target = join(work, 'imported.promtopo.json');
  rmSync(target, { force: true });
  const imp = await cli(['import', 'cfg/prometheus.yml', '--out', 'imported.promtopo.json'], work);
  const problems = judgeOutput('import', imp.exit, imp.out, imp.err, 'prometheus.yml');
  if (imp.exit !== 0 && existsSync(target)) problems.push('import: wrote the topology although it failed');
  const verdicts: RunVerdict[] = [{ command: 'import', exit: imp.exit, problems }];
  if (imp.exit === 0) {
    if (!existsSync(target)) problems.push('import: exit 0 but no file written');
    else verdicts.push(...(await runDocument(work, 'imported.promtopo.json', readFileSync(target, 'utf8'), { exportBundle: false })));
  }
  const left = readdirSync(work).filter((n) => n.includes('.promtopo-tmp-'));
  if (left.length) problems.push(`import: left ${left.join(', ')}`);
  return verdicts;
}

/** The material the mutations start from. Fails loudly when the shared test data is missing. */
export function seedMaterial(root: string): { documents: string[]; configs: string[] } {
  const examples = join(root, 'assets/examples');
  const documents = readdirSync(examples).filter((f) => f.endsWith('.promtopo.json')).sort().map((f) => readFileSync(join(examples, f), 'utf8'));
  const shared = join(root, '../shared/testdata');
  if (!existsSync(shared)) throw new Error(`${shared} is missing: the fuzzer starts from Prometheus' own test configs there`);
  const configs: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/prometheus.*\.ya?ml$|\.good\.yml$/.test(e.name)) configs.push(readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(join(shared, 'real-configs'));
  walk(join(shared, 'prometheus-config'));
  if (configs.length < 20) throw new Error(`only ${configs.length} seed configs under ${shared}`);
  return { documents, configs };
}

/** Figures of a fuzz run. */
export interface FuzzReport {
  inputs: number;
  runs: number;
  clean: number;
  exports: number;
  /** Inputs validate accepted and promtool refused at export (cleanly). */
  disagreements: string[];
  failures: { kind: 'document' | 'config'; seed: number; index: number; ops: string[]; problems: string[]; text: string }[];
}

/** The fuzz loop: `documents` mutated documents and `configs` mutated prometheus.yml, from `seed`. */
export async function fuzz(root: string, seed: number, counts: { documents: number; configs: number; exportEvery?: number }, onInput?: (kind: string, text: string) => void): Promise<FuzzReport> {
  const material = seedMaterial(root);
  const r = prng(seed);
  const work = mkdtempSync(join(tmpdir(), 'promtopo-fuzz-'));
  const report: FuzzReport = { inputs: 0, runs: 0, clean: 0, exports: 0, disagreements: [], failures: [] };
  const record = (kind: 'document' | 'config', index: number, ops: string[], text: string, verdicts: RunVerdict[]) => {
    report.inputs++;
    report.runs += verdicts.length;
    report.exports += verdicts.filter((v) => v.command === 'export' && v.exit === 0).length;
    for (const v of verdicts) if (v.disagreement) report.disagreements.push(v.disagreement);
    const problems = verdicts.flatMap((v) => v.problems);
    if (problems.length === 0) report.clean++;
    else report.failures.push({ kind, seed, index, ops, problems, text });
  };
  try {
    for (let i = 0; i < counts.documents; i++) {
      const { text, ops } = mutateDocument(r, pick(r, material.documents));
      onInput?.('document', text);
      record('document', i, ops, text, await runDocument(work, 'fuzzed.promtopo.json', text, { exportBundle: i % (counts.exportEvery ?? 1) === 0 }));
    }
    for (let i = 0; i < counts.configs; i++) {
      const { text, ops } = mutateConfig(r, pick(r, material.configs));
      onInput?.('config', text);
      record('config', i, ops, text, await runConfig(work, text));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return report;
}

/** Saves each failing input under `dir` (a regression file the regression test replays). */
export function saveRegressions(dir: string, report: FuzzReport): string[] {
  mkdirSync(dir, { recursive: true });
  return report.failures.map((f) => {
    const name = `${f.kind}-seed${f.seed}-${f.index}.${f.kind === 'document' ? 'promtopo.json' : 'yml'}`;
    writeFileSync(join(dir, name), f.text);
    return relative(process.cwd(), join(dir, name));
  });
}
