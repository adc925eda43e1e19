/**
 * `promtopo export FILE --out DIR`: validates, generates, checks with promtool/amtool and writes the
 * bundle atomically. Exit 0 written, 1 the document has errors or a real tool rejected a config,
 * 2 usage, an unreadable file, or an output folder that cannot be used (nothing written in 1 and 2).
 */
import { resolve } from 'node:path';
import { hasErrors } from '../../src/model/diagnostic.ts';
import { writeBundle } from '../services/bundleWriter.ts';
import type { ExportResult } from '../services/bundleWriter.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { parseCommandArgs } from './args.ts';
import { diagnosticJson, formatDiagnostics, jsonText, summarize, summaryLine } from './output.ts';
import { readTopologyFile } from './readTopologyFile.ts';
import { usageFailure } from './validateCommand.ts';

const usage = `Usage: promtopo export FILE --out DIR [--no-check] [--strict] [--json]

Validates the topology, generates its bundle (prometheus.yml, rule files and run files per server,
alertmanager.yml, Grafana data sources, README) and writes it into DIR atomically:
  - nothing is written when the topology has errors;
  - every prometheus.yml is checked with promtool (and alertmanager.yml with amtool) when they are
    on PATH (or PROMTOOL_BIN / AMTOOL_BIN); a rejected config means nothing is written; parts this
    promtool cannot check (e.g. Debian's 2.42 has no kubernetes_sd_configs) are a warning naming the
    file and section, and the rest is checked without them;
  - DIR is created, or replaced when it is empty or a previous PromTopo bundle; any other non-empty
    folder is refused.

Options:
  -o, --out DIR  output folder (required)
  --no-check     do not run promtool/amtool before writing
  --strict       refuse when promtool cannot check part of a config (a discovery mechanism or a
                 Prometheus 3.x key that promtool does not know); without it that is a warning
  --json         print {"file", "ok", "written", "outDir", "files", "promtool", "summary", "diagnostics"}
  -h, --help     show this help

Exit status: 0 written, 1 the document has errors or promtool/amtool rejected a config,
2 usage error, unreadable FILE, or DIR cannot be written (for example not a PromTopo bundle).
`;

function exitCodeOf(result: ExportResult): number {
  if (result.ok) return EXIT.ok;
  if (hasErrors(result.diagnostics)) return EXIT.errors;
  if (result.promtool && !result.promtool.ok) return EXIT.errors;
  return EXIT.usage;
}

function toolLine(result: ExportResult): string {
  const verdict = result.promtool;
  if (!verdict) return 'configs not checked (--no-check)';
  if (!verdict.ran) return 'promtool not found on PATH: configs not checked (install prometheus or set PROMTOOL_BIN)';
  const failed = verdict.results.filter((r) => !r.ok).length;
  const limited = verdict.results.filter((r) => r.ok && r.unchecked?.length).length;
  const partly = limited > 0 ? ` (${limited} checked without the parts this promtool does not know)` : '';
  return failed === 0 ? `promtool/amtool: ${verdict.results.length} config(s) ok${partly}` : `promtool/amtool: ${failed} of ${verdict.results.length} config(s) rejected`;
}

function print(io: CliIo, json: boolean, file: string, result: ExportResult): number {
  const code = exitCodeOf(result);
  const summary = summarize(result.diagnostics);
  if (json) {
    io.out(jsonText({
      file,
      ok: result.ok,
      written: result.ok,
      outDir: result.outDir,
      files: result.files,
      ...(result.promtool ? { promtool: result.promtool } : {}),
      ...(result.error ? { error: result.error } : {}),
      summary,
      diagnostics: result.diagnostics.map(diagnosticJson),
    }));
    return code;
  }
  io.out(`${formatDiagnostics(file, result.diagnostics)}${file}: ${summaryLine(summary)}\n`);
  for (const r of result.promtool?.results.filter((x) => !x.ok) ?? []) io.err(`${r.path}:\n${r.output}\n`);
  if (result.ok) io.out(`wrote ${result.files.length} files to ${result.outDir}; ${toolLine(result)}\n`);
  else io.err(`promtopo export: ${result.error ?? 'nothing was written'}\n`);
  return code;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write the config bundle of a topology (validated, checked with promtool, atomic)',
  usage,
  async run(args, io) {
    const json = args.includes('--json');
    const parsed = parseCommandArgs(args, { out: { type: 'string', short: 'o' }, 'no-check': { type: 'boolean' }, strict: { type: 'boolean' } });
    if (!parsed.ok) return usageFailure(io, json, 'export', `${parsed.error} (see promtopo export --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) return usageFailure(io, json, 'export', 'expected exactly one FILE (see promtopo export --help)');
    const out = parsed.values.out;
    if (typeof out !== 'string' || out.trim() === '') return usageFailure(io, json, 'export', '--out DIR is required (see promtopo export --help)');
    const input = await readTopologyFile(resolve(io.cwd, parsed.positionals[0] ?? ''));
    if (input.kind === 'unreadable') return usageFailure(io, json, 'export', input.error);
    if (input.kind === 'invalid') {
      return print(io, json, input.file, { ok: false, outDir: resolve(io.cwd, out), files: [], diagnostics: input.diagnostics, error: 'the file is not a valid topology; nothing was written' });
    }
    const result = await writeBundle({ topology: input.topology, outDir: resolve(io.cwd, out), checkWithPromtool: parsed.values['no-check'] !== true, strict: parsed.values.strict === true });
    return print(io, json, input.file, result);
  },
};
