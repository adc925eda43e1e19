/**
 * `promtopo compare FILE --server NAME[/INSTANCE]=URL ... [--json]`: the load model's prediction for
 * each linked server instance beside what the running Prometheus at URL reports (head series,
 * samples/s from its targets, process RSS). Requests go only to the URLs given.
 */
import { resolve } from 'node:path';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { compareInstance, relativeDifference, resolveLink, type Comparison, type ServerComparison } from '../../src/estimate/comparison.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { parseServerUrl } from '../services/prometheusApi.ts';
import { measureServer } from '../services/serverMeasurement.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { formatBytes, formatCount, table } from './loadCommand.ts';
import { formatDiagnostics, jsonText } from './output.ts';
import { readTopologyFile } from './readTopologyFile.ts';

const usage = `Usage: promtopo compare FILE --server NAME=URL [--server NAME/INSTANCE=URL ...] [--json]

Compares the estimated load of servers in a topology (*.promtopo.json) with running Prometheus
servers: head series (/api/v1/status/tsdb), samples/s (scrape_samples_post_metric_relabeling per
target of /api/v1/targets, plus 5 synthetic series each, over the target's interval) and process
memory (process_resident_memory_bytes, compared with the RSS estimate). NAME is a server node's
name; an HA replica or hashmod shard is NAME/INSTANCE (leaf/a, shards/shard-0). Only the URLs
given are read, each request with a 10 s timeout and a 16 MiB response limit; a URL with a user
name or password is refused.

Options:
  --server NAME=URL  link a server (instance) to the URL of the Prometheus that runs it; repeatable
  --json             print {"servers":[{"name","instance","url","up","predicted":{"series",
                     "samplesPerSecond","memoryBytes"},"measured":{...} or null,"error"?}],"edges":[]}
  -h, --help         show this help

Exit status: 0 every linked server answered, 1 the document is not a valid topology or a server
did not answer, 2 usage error or the file cannot be read.
`;

function failure(io: CliIo, json: boolean, error: string): number {
  if (json) io.out(jsonText({ ok: false, error }));
  else io.err(`promtopo compare: ${error}\n`);
  return EXIT.usage;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

function percent(predicted: number, measured: number | undefined): string {
  const d = relativeDifference(predicted, measured);
  return d === undefined ? '-' : `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}%`;
}

/** The human-readable table: per instance, predicted / measured / difference for each figure. */
export function compareReport(file: string, comparison: Comparison): string {
  const rows = comparison.servers.map((s) => {
    const m = s.measured;
    const label = s.instance ? `${s.name}/${s.instance}` : s.name;
    return [
      label,
      s.up ? 'up' : 'down',
      formatCount(s.predicted.series), m ? formatCount(m.series) : '-', percent(s.predicted.series, m?.series),
      formatCount(s.predicted.samplesPerSecond), m ? formatCount(m.samplesPerSecond) : '-', percent(s.predicted.samplesPerSecond, m?.samplesPerSecond),
      formatBytes(s.predicted.memoryBytes), m ? formatBytes(m.memoryBytes) : '-', percent(s.predicted.memoryBytes, m?.memoryBytes),
    ];
  });
  let out = `${file}: predicted vs measured (memory is process RSS; docs/load-model.md)\n\n`;
  out += table(['server', 'state', 'series', 'measured', 'diff', 'samples/s', 'measured', 'diff', 'rss', 'measured', 'diff'], rows);
  for (const s of comparison.servers) if (s.error) out += `${s.instance ? `${s.name}/${s.instance}` : s.name}: ${s.error}\n`;
  return out;
}

/** The `--json` document (numbers rounded to 3 decimals, bytes to integers). */
export function compareJson(comparison: Comparison): Record<string, unknown> {
  const figures = (f: ServerComparison['predicted']) => ({ series: round(f.series), samplesPerSecond: round(f.samplesPerSecond), memoryBytes: Math.round(f.memoryBytes) });
  return {
    servers: comparison.servers.map((s) => ({
      name: s.name,
      instance: s.instance,
      url: s.url,
      up: s.up,
      predicted: figures(s.predicted),
      measured: s.measured ? figures(s.measured) : null,
      ...(s.error ? { error: s.error } : {}),
    })),
    edges: [],
  };
}

/** `NAME=URL` -> its parts, or why not. */
export function parseServerOption(text: string): { ok: true; name: string; url: string } | { ok: false; error: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, error: `--server ${text}: expected NAME=URL (e.g. leaf-eu=http://127.0.0.1:9090)` };
  const url = parseServerUrl(text.slice(eq + 1));
  if (!url.ok) return { ok: false, error: `--server ${text.slice(0, eq)}: ${url.error}` };
  return { ok: true, name: text.slice(0, eq), url: url.url };
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'compare the estimated load with running Prometheus servers',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { server: { type: 'string', multiple: true } });
    const json = args.includes('--json');
    if (!parsed.ok) return failure(io, json, `${parsed.error} (see promtopo compare --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) return failure(io, json, 'expected exactly one FILE (see promtopo compare --help)');
    const specs = (parsed.values.server as string[] | undefined) ?? [];
    if (specs.length === 0) return failure(io, json, 'give at least one --server NAME=URL (see promtopo compare --help)');
    const links = specs.map(parseServerOption);
    const bad = links.find((l) => !l.ok);
    if (bad && !bad.ok) return failure(io, json, bad.error);

    const input = await readTopologyFile(resolve(io.cwd, parsed.positionals[0] ?? ''));
    if (input.kind === 'unreadable') return failure(io, json, input.error);
    if (input.kind === 'invalid') {
      if (json) io.out(jsonText({ ok: false, error: `${input.file}: not a valid topology`, diagnostics: input.diagnostics }));
      else io.err(formatDiagnostics(input.file, input.diagnostics));
      return EXIT.errors;
    }
    const estimate = estimateLoad(input.topology, builtinCatalogs);
    const servers: ServerComparison[] = [];
    for (const l of links) {
      if (!l.ok) continue;
      const resolved = resolveLink(input.topology, estimate, l);
      if (!resolved.ok) return failure(io, json, `${input.file}: ${resolved.error}`);
      const measured = await measureServer(resolved.link.url);
      servers.push(compareInstance(resolved.link, resolved.load, measured.ok ? { ok: true, snapshot: measured.value } : measured));
    }
    const comparison: Comparison = { servers, edges: [] };
    if (json) io.out(jsonText(compareJson(comparison)));
    else io.out(compareReport(input.file, comparison));
    return servers.every((s) => s.up) ? EXIT.ok : EXIT.errors;
  },
};
