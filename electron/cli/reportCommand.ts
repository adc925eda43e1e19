/**
 * `promtopo report FILE --out report.html [--scenario ID]...`: the capacity report, one self-contained
 * HTML page (diagram, load against machine size, bottlenecks, scenarios side by side, assumptions and
 * their sources, the files of the bundle), written atomically.
 */
import { resolve } from 'node:path';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { buildReportModel } from '../../src/report/reportModel.ts';
import { renderReport } from '../../src/report/renderReport.ts';
import { pickScenarios, SCENARIOS } from '../../src/report/scenarios.ts';
import { writeFileAtomically } from '../services/atomicFile.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { diagnosticJson, formatDiagnostics, jsonText } from './output.ts';
import { readTopologyFile } from './readTopologyFile.ts';

const usage = `Usage: promtopo report FILE --out report.html [--scenario ID]... [--json]

Writes the capacity report of a topology (*.promtopo.json) as one self-contained HTML page (inline
CSS and SVG, no script, nothing fetched; prints to PDF): the diagram, every server's load against
its capacity, the bottlenecks, machine sizes, named scenarios side by side, the assumptions and
their sources, and the files the exported bundle holds.

Options:
  --out FILE       where to write the page (replaced atomically)
  --scenario ID    a scenario to compare (repeatable; default all): ${SCENARIOS.map((s) => `${s.id} (${s.name})`).join(', ')}
  --json           print {"file","out","ok","bytes","scenarios":[...]}
  -h, --help       show this help

Exit status: 0 written, 1 the document is not a valid topology, 2 usage error, the file cannot
be read or the page cannot be written.
`;

function failure(io: CliIo, json: boolean, error: string): number {
  if (json) io.out(jsonText({ ok: false, error }));
  else io.err(`promtopo report: ${error}\n`);
  return EXIT.usage;
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write the capacity report (one self-contained HTML page)',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { out: { type: 'string' }, scenario: { type: 'string', multiple: true } });
    const json = args.includes('--json');
    if (!parsed.ok) return failure(io, json, `${parsed.error} (see promtopo report --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) return failure(io, json, 'expected exactly one FILE (see promtopo report --help)');
    const out = parsed.values.out;
    if (typeof out !== 'string' || out === '') return failure(io, json, '--out FILE is required (see promtopo report --help)');
    const ids = (parsed.values.scenario ?? []) as string[];
    const picked = pickScenarios(ids);
    if (!picked.ok) return failure(io, json, `unknown scenario ${JSON.stringify(picked.unknown)}; scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}`);
    const input = await readTopologyFile(resolve(io.cwd, parsed.positionals[0] ?? ''));
    if (input.kind === 'unreadable') return failure(io, json, input.error);
    if (input.kind === 'invalid') {
      if (json) io.out(jsonText({ file: input.file, ok: false, diagnostics: input.diagnostics.map(diagnosticJson) }));
      else io.err(formatDiagnostics(input.file, input.diagnostics));
      return EXIT.errors;
    }
    const html = renderReport(buildReportModel(input.topology, { fileName: input.file, scenarios: picked.scenarios, catalogs: builtinCatalogs }));
    const target = resolve(io.cwd, out);
    try {
      await writeFileAtomically(target, html);
    } catch (e) {
      return failure(io, json, `${out}: cannot be written (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
    const bytes = Buffer.byteLength(html);
    if (json) io.out(jsonText({ file: input.file, out, ok: true, bytes, scenarios: picked.scenarios.map((s) => s.id) }));
    else io.out(`${input.file}: capacity report written to ${out} (${bytes} bytes; scenarios: ${picked.scenarios.map((s) => s.name).join(', ')})\n`);
    return EXIT.ok;
  },
};
