/**
 * `promtopo diff OLD NEW [--json]`: what changed between two versions of a topology, for review in a
 * pull request: elements added, removed or changed, field by field, and the load change per server.
 * Exit 0 no change, 1 changed, 2 usage error or a file that cannot be read or is not a valid topology.
 */
import { resolve } from 'node:path';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { diffText } from '../../src/diff/diffText.ts';
import { diffTopologies } from '../../src/diff/diffTopologies.ts';
import type { LoadFigures, TopologyDiff } from '../../src/diff/types.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { formatDiagnostics, jsonText } from './output.ts';
import { readTopologyFile, type TopologyFile } from './readTopologyFile.ts';

const usage = `Usage: promtopo diff OLD NEW [--json]

Compares two versions of a topology document (*.promtopo.json), as a reviewer reads a change:
servers, target groups, Alertmanagers, Grafana, edges and match[] selectors added (+), removed (-)
or changed (~), each changed field as "field: before -> after", then the load change per server
(series, samples/s, memory, utilisation and bottleneck, the machine size needed and its price
per month where the sizes are priced). Elements are paired by id, then by name
(edges by their ends). Moving nodes on the canvas is listed but is not a change.

Options:
  --json      print {"old","new","changed","summary":{"added","removed","changed"},
              "changes":[{"change","element","title","oldId","newId","fields":[...]}],
              "load":[{"id","name","before","after"}],"moved":[...]}
  -h, --help  show this help

Exit status: 0 no change, 1 the documents differ, 2 usage error, or a file cannot be read or is
not a valid topology.
`;

function failure(io: CliIo, json: boolean, error: string): number {
  if (json) io.out(jsonText({ ok: false, error }));
  else io.err(`promtopo diff: ${error}\n`);
  return EXIT.usage;
}

/** Exit status when the documents differ (as diff(1)); errors are 2 here. */
const DIFFERENT = 1;

const round = (n: number) => Math.round(n * 1000) / 1000;

function figuresJson(f: LoadFigures | undefined): Record<string, unknown> | null {
  if (!f) return null;
  return {
    activeSeries: round(f.activeSeries),
    samplesPerSecond: round(f.samplesPerSecond),
    memoryBytes: Math.round(f.memoryBytes),
    diskBytes: Math.round(f.diskBytes),
    instanceCount: f.instanceCount,
    utilisation: f.utilisation === undefined ? null : Math.round(f.utilisation * 1e4) / 1e4,
    bottleneck: f.bottleneck ?? null,
    neededSize: f.neededSize ?? null,
    pricePerMonth: f.pricePerMonth === undefined ? null : round(f.pricePerMonth),
  };
}

/** The `--json` document: the diff with numbers rounded (3 decimals, bytes to integers). */
export function diffJson(oldFile: string, newFile: string, diff: TopologyDiff): Record<string, unknown> {
  const count = (kind: string) => diff.changes.filter((c) => c.change === kind).length;
  return {
    old: oldFile,
    new: newFile,
    changed: diff.changed,
    summary: { added: count('added'), removed: count('removed'), changed: count('changed') },
    changes: diff.changes,
    load: diff.load.map((l) => ({ id: l.id, name: l.name, before: figuresJson(l.before), after: figuresJson(l.after) })),
    moved: diff.moved,
  };
}

/** A file that is not a topology: its diagnostics, and exit 2 (a diff needs two valid documents). */
function invalid(io: CliIo, json: boolean, input: Extract<TopologyFile, { kind: 'invalid' }>): number {
  const first = input.diagnostics[0];
  if (json) return failure(io, json, `${input.file}: not a valid topology: ${first?.message ?? 'unknown problem'}`);
  io.err(formatDiagnostics(input.file, input.diagnostics));
  io.err(`promtopo diff: ${input.file} is not a valid topology\n`);
  return EXIT.usage;
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'what changed between two versions of a topology (exit 0 same, 1 changed)',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {});
    const json = args.includes('--json');
    if (!parsed.ok) return failure(io, json, `${parsed.error} (see promtopo diff --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 2) return failure(io, json, 'expected OLD and NEW files (see promtopo diff --help)');
    const [oldPath, newPath] = parsed.positionals.map((p) => resolve(io.cwd, p));
    const inputs = [await readTopologyFile(oldPath ?? ''), await readTopologyFile(newPath ?? '')];
    for (const input of inputs) {
      if (input.kind === 'unreadable') return failure(io, json, input.error);
      if (input.kind === 'invalid') return invalid(io, json, input);
    }
    const [before, after] = inputs as Extract<TopologyFile, { kind: 'ok' }>[];
    if (!before || !after) return failure(io, json, 'expected OLD and NEW files');
    const diff = diffTopologies(before.topology, after.topology, builtinCatalogs);
    const [oldName, newName] = parsed.positionals as [string, string];
    io.out(json ? jsonText(diffJson(oldName, newName, diff)) : diffText(diff, oldName, newName));
    return diff.changed ? DIFFERENT : EXIT.ok;
  },
};
