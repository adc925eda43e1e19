/**
 * `promtopo import FILE... [--out FILE.promtopo.json]`: prometheus.yml files (their rule files are
 * picked up from beside them) -> one topology. Without --out the document goes to stdout;
 * diagnostics go to stderr. Exit 0 imported, 1 a config has errors (nothing written), 2 usage or
 * unreadable input (missing file, a folder, too large). `--json` prints one JSON object instead.
 */
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { hasErrors } from '../../src/model/diagnostic.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { HostResponse } from '../../src/host-api.ts';
import { serializeTopology } from '../../src/model/document.ts';
import { importConfigs } from '../../src/import/importConfigs.ts';
import type { ImportFile } from '../../src/import/importConfigs.ts';
import { ruleFileRefs } from '../../src/import/ruleFileRefs.ts';
import type { RoundTripVerdict } from '../../src/compare/verifyImport.ts';
import { verdictLine, verifyImport } from '../../src/compare/verifyImport.ts';
import { MAX_IMPORT_FILE_CHARS } from '../../src/import/yamlTree.ts';
import { importFromServer, serverNameFromUrl } from '../../src/import/fromServer.ts';
import { parseServerUrl } from '../services/prometheusApi.ts';
import { measureServer } from '../services/serverMeasurement.ts';
import { writeFileAtomically } from '../services/atomicFile.ts';
import { readRegularFile } from '../services/readRegularFile.ts';
import { decodeUtf8Text } from '../services/textFile.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { parseCommandArgs } from './args.ts';
import { diagnosticJson, jsonText, summarize, summaryLine } from './output.ts';
import { usageFailure } from './validateCommand.ts';

const usage = `Usage: promtopo import FILE... [--out FILE.promtopo.json] [--verify] [--json]
       promtopo import --from URL [--name NAME] [--out FILE.promtopo.json] [--json]

Imports existing Prometheus configurations (prometheus.yml, one per server instance) as one
topology. Rule files named in rule_files are read from beside each config; a whole exported
bundle (prometheus/*/prometheus.yml, run files, alertmanager/, grafana/) can be given too.
Servers are named from PromTopo's header comment, the folder or file name, or external labels;
hashmod shards and HA replicas of one configuration become one server. What PromTopo does not
model is kept verbatim and written back on export (see docs/import.md).

With --from, the configuration is read from a running Prometheus (/api/v1/status/config), and
each scrape job gets what the server measured: the targets service discovery found
(/api/v1/targets) and the series each target stored (scrape_samples_post_metric_relabeling),
so the load model starts from the real cardinality. Only that URL is read (10 s timeout, 16 MiB
per answer; a URL with a user name or password is refused); rule files are not readable over
the API and are left out.

Options:
  --out FILE  write the topology there (atomically) instead of printing it on stdout
  --from URL  import from the running Prometheus at URL instead of files
  --name NAME the imported server's name (default: from the URL's host)
  --verify    also generate the bundle in memory and compare it with the originals: print what
              the round trip import -> export would change in what Prometheus does (instead of
              the topology, which --out still writes)
  --json      print {"ok", "out", "summary", "diagnostics", "topology" or "verify"} on stdout
  -h, --help  show this help

Exit status: 0 imported (with --verify: and the round trip changes nothing), 1 a configuration
has errors (nothing is written), 2 usage error or an unreadable input (missing file, a folder,
a file over 5 MiB), 3 with --verify: imported, but the round trip would change something.
`;

/** A file read for import, or why it could not be read. */
export type ReadImport = { ok: true; files: ImportFile[] } | { ok: false; error: string };

function displayName(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  const name = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return name.split(sep).join('/');
}

async function readOne(cwd: string, abs: string): Promise<{ ok: true; file: ImportFile } | { ok: false; error: string }> {
  const name = displayName(cwd, abs);
  const read = await readRegularFile(abs, MAX_IMPORT_FILE_CHARS);
  if (!read.ok) {
    if (read.code === 'missing') return { ok: false, error: `${name}: no such file` };
    if (read.code === 'folder') return { ok: false, error: `${name}: is a folder; give the config files (e.g. ${name}/prometheus.yml)` };
    if (read.code === 'too-large') return { ok: false, error: `${name}: larger than ${MAX_IMPORT_FILE_CHARS / 1024 / 1024} MiB; not a Prometheus config` };
    if (read.code === 'not-regular') return { ok: false, error: `${name}: not a regular file (${read.reason})` };
    return { ok: false, error: `${name}: cannot read (${read.reason})` };
  }
  const decoded = decodeUtf8Text(read.bytes);
  if (!decoded.ok) return { ok: false, error: `${name}: ${decoded.reason.replace(/^is binary/, 'binary content')}; expected YAML text in UTF-8` };
  return { ok: true, file: { name, text: decoded.text } };
}

/**
 * Reads the given paths (relative to `cwd`) plus the rule files their rule_files name that exist
 * beside them (a `*` in the last segment is expanded). Names in the result are relative to cwd.
 */
export async function readImportFiles(paths: readonly string[], cwd: string): Promise<ReadImport> {
  const files: ImportFile[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (seen.has(abs)) continue;
    seen.add(abs);
    const r = await readOne(cwd, abs);
    if (!r.ok) return r;
    files.push(r.file);
  }
  for (const given of [...files]) {
    const dir = dirname(resolve(cwd, given.name));
    for (const pattern of ruleFileRefs(given.name, given.text)) {
      for (const abs of await expand(dir, pattern)) {
        if (seen.has(abs)) continue;
        seen.add(abs);
        const r = await readOne(cwd, abs);
        if (r.ok) files.push(r.file);
      }
    }
  }
  return { ok: true, files };
}

async function expand(dir: string, pattern: string): Promise<string[]> {
  const full = resolve(dir, pattern);
  if (!pattern.includes('*')) return [full];
  const folder = dirname(full);
  const re = new RegExp(`^${full.slice(folder.length + 1).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  try {
    return (await fs.readdir(folder)).filter((n) => re.test(n)).sort().map((n) => join(folder, n));
  } catch {
    return [];
  }
}

/** Parent of the longest common folder of absolute paths: names keep their folder (`leaf-eu/prometheus.yml`). */
function commonFolder(paths: readonly string[]): string {
  const split = paths.map((p) => dirname(p).split(sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return dirname(first.slice(0, n).join(sep) || sep);
}

/**
 * The host's `importConfigs` operation (Electron and browser mode): reads the files at `paths` (and the
 * rule files beside them) and imports them, with the round trip's verdict. Unreadable input is an
 * error diagnostic naming the file.
 */
export async function importFromPaths(paths: readonly string[]): Promise<HostResponse<'importConfigs'>> {
  const absolute = paths.map((p) => resolve(p));
  const read = await readImportFiles(absolute, commonFolder(absolute));
  if (!read.ok) return { ok: false, diagnostics: [{ code: 'import/unreadable', severity: 'error', message: read.error, at: {} }] };
  const { result, verdict } = verifyImport(read.files);
  if (!result.ok || !result.topology) return { ok: false, diagnostics: result.diagnostics };
  const listed = verdict ? { verdict: { ...verdict, pairs: [...verdict.pairs], added: [...verdict.added], differences: [...verdict.differences] } } : {};
  return { ok: true, document: serializeTopology(result.topology), diagnostics: result.diagnostics, ...listed };
}

function diagnosticLines(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.severity}: ${d.message} [${d.code}]\n${d.hint ? `  hint: ${d.hint}\n` : ''}`).join('');
}

/** `import --from URL`: read the server, import its configuration with its measured jobs, print or write. */
async function importFromUrl(io: CliIo, json: boolean, from: string, name: string | undefined, out: string | undefined): Promise<number> {
  const url = parseServerUrl(from);
  if (!url.ok) return usageFailure(io, json, 'import', `--from: ${url.error}`);
  if (name !== undefined && !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) return usageFailure(io, json, 'import', `--name ${name}: use lower-case letters, digits and dashes (a DNS-safe name)`);
  const measured = await measureServer(url.url);
  if (!measured.ok) return usageFailure(io, json, 'import', `--from ${url.url}: ${measured.error}`);
  const result = importFromServer({ url: url.url, name: name ?? serverNameFromUrl(url.url), configYaml: measured.value.configYaml, snapshot: measured.value });
  const summary = summarize(result.diagnostics);
  const ok = result.ok && result.topology !== undefined && !hasErrors(result.diagnostics);
  const document = ok && result.topology ? serializeTopology(result.topology) : undefined;
  if (document !== undefined && out !== undefined) {
    try {
      await writeFileAtomically(out, document);
    } catch (e) {
      return usageFailure(io, json, 'import', `cannot write ${displayName(io.cwd, out)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (json) {
    io.out(jsonText({
      ok,
      from: url.url,
      ...(out && document !== undefined ? { out: displayName(io.cwd, out) } : {}),
      summary,
      diagnostics: result.diagnostics.map(diagnosticJson),
      ...(document !== undefined && out === undefined ? { topology: JSON.parse(document) as unknown } : {}),
    }));
  } else {
    io.err(diagnosticLines(result.diagnostics));
    if (document !== undefined && out === undefined) io.out(document);
    const where = out && document !== undefined ? `; wrote ${displayName(io.cwd, out)}` : ok ? '' : '; nothing written';
    io.err(`import: ${url.url}, ${summaryLine(summary)}${where}\n`);
  }
  return ok ? EXIT.ok : EXIT.errors;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'turn existing prometheus.yml files into a topology',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { out: { type: 'string', short: 'o' }, verify: { type: 'boolean' }, from: { type: 'string' }, name: { type: 'string' } });
    const json = args.includes('--json');
    if (!parsed.ok) return usageFailure(io, json, 'import', `${parsed.error} (see promtopo import --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (typeof parsed.values.from === 'string') {
      if (parsed.positionals.length > 0 || parsed.values.verify) return usageFailure(io, json, 'import', '--from reads one server: give no FILEs and no --verify with it (see promtopo import --help)');
      return importFromUrl(io, json, parsed.values.from, typeof parsed.values.name === 'string' ? parsed.values.name : undefined, typeof parsed.values.out === 'string' ? resolve(io.cwd, parsed.values.out) : undefined);
    }
    if (parsed.positionals.length === 0) return usageFailure(io, json, 'import', 'expected one or more FILEs (see promtopo import --help)');
    const out = typeof parsed.values.out === 'string' ? resolve(io.cwd, parsed.values.out) : undefined;
    // Names relative to the folder above the files' common folder, however the paths were typed
    // (`prometheus.yml`, `./eu/prometheus.yml`, `/abs/eu/prometheus.yml`): server names come from them.
    const absolute = parsed.positionals.map((p) => resolve(io.cwd, p));
    const read = await readImportFiles(absolute, commonFolder(absolute));
    if (!read.ok) return usageFailure(io, json, 'import', read.error);
    const verify = parsed.values.verify === true;
    const verified = verify ? verifyImport(read.files) : undefined;
    const result = verified ? verified.result : importConfigs(read.files);
    const verdict = verified?.verdict;
    const summary = summarize(result.diagnostics);
    const ok = result.ok && result.topology !== undefined && !hasErrors(result.diagnostics);
    const document = ok && result.topology ? serializeTopology(result.topology) : undefined;
    if (document !== undefined && out !== undefined) {
      try {
        await writeFileAtomically(out, document);
      } catch (e) {
        return usageFailure(io, json, 'import', `cannot write ${displayName(io.cwd, out)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (json) {
      io.out(jsonText({
        ok,
        ...(out && document !== undefined ? { out: displayName(io.cwd, out) } : {}),
        summary,
        diagnostics: result.diagnostics.map(diagnosticJson),
        ...(document !== undefined && out === undefined && !verify ? { topology: JSON.parse(document) as unknown } : {}),
        ...(verdict ? { verify: verdict } : {}),
      }));
    } else {
      io.err(diagnosticLines(result.diagnostics));
      if (verdict) io.out(verdictText(verdict));
      else if (document !== undefined && out === undefined) io.out(document);
      const where = out && document !== undefined ? `; wrote ${displayName(io.cwd, out)}` : ok ? '' : '; nothing written';
      io.err(`import: ${read.files.length} file${read.files.length === 1 ? '' : 's'}, ${summaryLine(summary)}${where}\n`);
    }
    if (!ok) return EXIT.errors;
    return verdict && !verdict.equal ? EXIT.changed : EXIT.ok;
  },
};

/** The verdict for people: each original and its counterpart, every difference, then one summary line. */
export function verdictText(v: RoundTripVerdict): string {
  const lines: string[] = [];
  for (const pair of v.pairs) {
    const state = pair.generated === undefined ? 'no counterpart' : pair.differences === 0 ? 'equal' : `${pair.differences} difference${pair.differences === 1 ? '' : 's'}`;
    lines.push(`verify: ${pair.original} -> ${pair.generated ?? '(nothing)'}: ${state}`);
    for (const d of v.differences.filter((x) => x.file === pair.original)) lines.push(`  ${d.message}`);
  }
  for (const file of v.added) lines.push(`verify: (nothing) -> ${file}: added`);
  lines.push(`verify: ${verdictLine(v)}`);
  return `${lines.join('\n')}\n`;
}
