/** `promtopo validate FILE`: prints the diagnostics of a topology; exit 0 clean, 1 errors, 2 usage. */
import { hasErrors } from '../../src/model/diagnostic.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { parseCommandArgs } from './args.ts';
import { diagnosticJson, formatDiagnostics, jsonText, summarize, summaryLine } from './output.ts';
import { readTopologyFile } from './readTopologyFile.ts';
import { resolve } from 'node:path';

const usage = `Usage: promtopo validate FILE [--json]

Checks a topology document (*.promtopo.json) and prints every diagnostic:
  FILE: severity: message [code]
The message names the node, edge and field.

Options:
  --json      print {"file", "ok", "summary", "diagnostics": [{"code","severity","message","at"}]}
  -h, --help  show this help

Exit status: 0 no errors (warnings and infos allowed), 1 the document has errors,
2 usage error or the file cannot be read.
`;

/** Prints a usage-level failure (stderr, or JSON on stdout) and returns exit code 2. */
export function usageFailure(io: CliIo, json: boolean, command: string, error: string): number {
  if (json) io.out(jsonText({ ok: false, error }));
  else io.err(`promtopo ${command}: ${error}\n`);
  return EXIT.usage;
}

function report(io: CliIo, json: boolean, file: string, diagnostics: readonly Diagnostic[]): number {
  const summary = summarize(diagnostics);
  const ok = !hasErrors(diagnostics);
  if (json) io.out(jsonText({ file, ok, summary, diagnostics: diagnostics.map(diagnosticJson) }));
  else io.out(`${formatDiagnostics(file, diagnostics)}${file}: ${summaryLine(summary)}\n`);
  return ok ? EXIT.ok : EXIT.errors;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a topology and print its diagnostics',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {});
    const json = args.includes('--json');
    if (!parsed.ok) return usageFailure(io, json, 'validate', `${parsed.error} (see promtopo validate --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) {
      return usageFailure(io, json, 'validate', 'expected exactly one FILE (see promtopo validate --help)');
    }
    const input = await readTopologyFile(resolve(io.cwd, parsed.positionals[0] ?? ''));
    if (input.kind === 'unreadable') return usageFailure(io, json, 'validate', input.error);
    if (input.kind === 'invalid') return report(io, json, input.file, input.diagnostics);
    return report(io, json, input.file, validateTopology(input.topology));
  },
};
