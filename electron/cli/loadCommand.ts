/** `promtopo load FILE`: the estimated load per server and per edge (table, or `--json`). */
import { resolve } from 'node:path';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { serverCapacity } from '../../src/capacity/serverCapacity.ts';
import type { ServerCapacity } from '../../src/capacity/types.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../src/estimate/types.ts';
import { describeEdge, indexTopology } from '../../src/model/lookup.ts';
import type { Topology } from '../../src/model/types.ts';
import { failureImpact, type FailureImpact } from '../../src/whatif/failureImpact.ts';
import { MACHINE_HEADER, machineJson, machineRows, whatIfJson, whatIfText } from './capacityReport.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { diagnosticJson, formatDiagnostics, jsonText } from './output.ts';
import { readTopologyFile } from './readTopologyFile.ts';

const usage = `Usage: promtopo load FILE [--down NAME]... [--json]

Estimates the load of every Prometheus server in a topology (*.promtopo.json): active series,
samples/s, scrapes/s, head memory, process memory (RSS) and disk (all instances of an HA pair or hashmod group together),
utilisation of the busiest instance against its capacity, and the series and samples/s along
each scrape and federation edge; then, per server, what one machine must offer (CPU cores, RAM,
disk with WAL and compaction room, network), the smallest machine size that holds it with the
document's headroom, the bottleneck, and the size chosen on the server. The model is described in
docs/load-model.md.

A failure what-if (the document's settings.whatIf.down, or the --down options instead) lists what
loses data: series, target groups, federation edges, rules, alert routes, Grafana data sources,
and the HA replicas that cover.

Options:
  --down NAME a node name, SERVER/INSTANCE (e.g. prom-eu-1/b) or dc=VALUE (a data centre);
              repeat it to mark several down
  --json      print {"file","servers":[{"id","name","activeSeries","samplesPerSecond",
              "memoryBytes" (head),"residentMemoryBytes" (RSS),"diskBytes","machine":{"needed","bottleneck","reason",...},...}],"edges":[{"id","series","samplesPerSecond",...}],
              "targetGroups":[...],"totals":{...},"diagnostics":[...]}
  -h, --help  show this help

Exit status: 0 estimated (load warnings do not fail), 1 the document is not a valid topology
or is too large to estimate (more replicas, shards or placeholder targets than PromTopo generates),
2 usage error, a --down that names nothing in the document, or the file cannot be read.
`;

function failure(io: CliIo, json: boolean, error: string): number {
  if (json) io.out(jsonText({ ok: false, error }));
  else io.err(`promtopo load: ${error}\n`);
  return EXIT.usage;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Count with a k/M/G suffix: 1234 -> 1.23k. */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(2)}k`;
  return abs >= 10 || n === Math.round(n) ? `${Math.round(n)}` : n.toFixed(2);
}

/** Bytes in binary units: 1536 -> 1.5 KiB. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Left-aligned first column, right-aligned numbers. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** The human-readable report: servers, edges, findings. */
export function loadReport(file: string, topology: Topology, estimate: LoadEstimate, capacity: Readonly<Record<string, ServerCapacity>> = {}, impact?: FailureImpact): string {
  const servers = Object.values(estimate.servers).sort((a, b) => a.name.localeCompare(b.name));
  const serverRows = servers.map((s) => [
    s.name,
    s.role,
    String(s.instanceCount),
    formatCount(s.activeSeries),
    formatCount(s.samplesPerSecond),
    formatCount(s.scrapesPerSecond),
    formatBytes(s.memoryBytes),
    formatBytes(s.residentMemoryBytes),
    formatBytes(s.diskBytes),
    s.utilisation === undefined ? '-' : `${Math.round(s.utilisation * 100)}%`,
    s.bottleneck ?? '-',
  ]);
  const index = indexTopology(topology);
  const edgeRows = topology.edges
    .filter((e) => estimate.edges[e.id])
    .map((e) => {
      const load = estimate.edges[e.id];
      return [
        describeEdge(e, index),
        formatCount(load?.series ?? 0),
        formatCount(load?.samplesPerSecond ?? 0),
        `${load?.intervalSeconds ?? 0}s`,
        load?.seriesPerRequest === undefined ? '-' : formatCount(load.seriesPerRequest),
      ];
    });
  let out = `${file}: estimated load (docs/load-model.md)\n\n`;
  out += table(['server', 'role', 'inst', 'series', 'samples/s', 'scrapes/s', 'head mem', 'rss', 'disk', 'util', 'bottleneck'], serverRows);
  const t = estimate.totals;
  out += `total: ${formatCount(t.activeSeries)} series, ${formatCount(t.samplesPerSecond)} samples/s, ${formatBytes(t.memoryBytes)} head memory, ${formatBytes(t.residentMemoryBytes)} process memory (RSS), ${formatBytes(t.diskBytes)} disk\n`;
  if (edgeRows.length > 0) out += `\n${table(['edge', 'series', 'samples/s', 'interval', 'series/request'], edgeRows)}`;
  const machines = machineRows(topology, capacity);
  if (machines.length > 0) {
    out += `\nmachine per instance (busiest instance; docs/load-model.md#machine-sizes)\n${table(MACHINE_HEADER, machines)}`;
    for (const c of Object.values(capacity).sort((a, b) => a.name.localeCompare(b.name))) out += `${c.name}: ${c.reason}\n`;
  }
  if (impact) out += `\n${whatIfText(impact)}`;
  if (estimate.diagnostics.length > 0) out += `\n${formatDiagnostics(file, estimate.diagnostics)}`;
  return out;
}

/** The `--json` document: arrays in document order, numbers rounded to 3 decimals (bytes to integers). */
export function loadJson(file: string, topology: Topology, estimate: LoadEstimate, capacity: Readonly<Record<string, ServerCapacity>> = {}, impact?: FailureImpact): Record<string, unknown> {
  const servers = topology.nodes.flatMap((n) => {
    const s = estimate.servers[n.id];
    if (!s) return [];
    return [{
      id: s.id,
      name: s.name,
      role: s.role,
      instanceCount: s.instanceCount,
      activeSeries: round(s.activeSeries),
      samplesPerSecond: round(s.samplesPerSecond),
      scrapesPerSecond: round(s.scrapesPerSecond),
      memoryBytes: Math.round(s.memoryBytes),
      residentMemoryBytes: Math.round(s.residentMemoryBytes),
      diskBytes: Math.round(s.diskBytes),
      utilisation: s.utilisation === undefined ? null : round(s.utilisation, 4),
      bottleneck: s.bottleneck ?? null,
      capacity: s.capacity,
      ...(capacity[s.id] ? { machine: machineJson(capacity[s.id] as ServerCapacity) } : {}),
      series: s.series,
      instances: s.instances.map((i) => ({
        key: i.key,
        address: i.address,
        activeSeries: round(i.activeSeries),
        samplesPerSecond: round(i.samplesPerSecond),
        scrapesPerSecond: round(i.scrapesPerSecond),
        memoryBytes: Math.round(i.memoryBytes),
        residentMemoryBytes: Math.round(i.residentMemoryBytes),
        diskBytes: Math.round(i.diskBytes),
        targets: i.targets,
      })),
    }];
  });
  const edges = topology.edges.flatMap((e) => {
    const l = estimate.edges[e.id];
    if (!l || (e.kind !== 'scrape' && e.kind !== 'federation')) return [];
    return [{
      id: l.id,
      kind: l.kind,
      from: e.server,
      to: e.kind === 'scrape' ? e.targets : e.source,
      series: round(l.series),
      samplesPerSecond: round(l.samplesPerSecond),
      scrapesPerSecond: round(l.scrapesPerSecond),
      intervalSeconds: l.intervalSeconds,
      ...(l.seriesPerRequest !== undefined ? { seriesPerRequest: round(l.seriesPerRequest) } : {}),
    }];
  });
  const targetGroups = topology.nodes.flatMap((n) => (estimate.targetGroups[n.id] ? [estimate.targetGroups[n.id]] : []));
  const t = estimate.totals;
  return {
    file,
    ok: true,
    servers,
    edges,
    targetGroups,
    totals: { activeSeries: round(t.activeSeries), samplesPerSecond: round(t.samplesPerSecond), memoryBytes: Math.round(t.memoryBytes), residentMemoryBytes: Math.round(t.residentMemoryBytes), diskBytes: Math.round(t.diskBytes) },
    ...(impact ? { whatIf: whatIfJson(impact) } : {}),
    diagnostics: estimate.diagnostics.map(diagnosticJson),
  };
}

export const loadCommand: CliCommand = {
  name: 'load',
  summary: 'estimate series, samples/s, memory and disk per server and edge',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { down: { type: 'string', multiple: true } });
    const json = args.includes('--json');
    if (!parsed.ok) return failure(io, json, `${parsed.error} (see promtopo load --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) return failure(io, json, 'expected exactly one FILE (see promtopo load --help)');
    const input = await readTopologyFile(resolve(io.cwd, parsed.positionals[0] ?? ''));
    if (input.kind === 'unreadable') return failure(io, json, input.error);
    if (input.kind === 'invalid') {
      if (json) io.out(jsonText({ file: input.file, ok: false, diagnostics: input.diagnostics.map(diagnosticJson) }));
      else io.out(formatDiagnostics(input.file, input.diagnostics));
      return EXIT.errors;
    }
    const estimate = estimateLoad(input.topology, builtinCatalogs);
    const given = (parsed.values.down as string[] | undefined) ?? [];
    const marks = given.length > 0 ? given : (input.topology.settings.whatIf?.down ?? []);
    const impact = marks.length > 0 ? failureImpact(input.topology, estimate, marks) : undefined;
    if (impact && impact.unmatched.length > 0) {
      const names = impact.unmatched.map((m) => JSON.stringify(m)).join(', ');
      return failure(io, json, `${input.file}: ${given.length > 0 ? '--down' : 'settings.whatIf.down'}: ${names} names no node, instance (SERVER/KEY) or data centre (dc=VALUE) of the document`);
    }
    const capacity = serverCapacity(input.topology, estimate);
    io.out(json
      ? jsonText(loadJson(input.file, input.topology, estimate, capacity, impact))
      : loadReport(input.file, input.topology, estimate, capacity, impact));
    // Sizes too large to estimate (load/too-large) are errors; load warnings do not fail.
    if (estimate.diagnostics.some((d) => d.severity === 'error')) return EXIT.errors;
    return EXIT.ok;
  },
};
