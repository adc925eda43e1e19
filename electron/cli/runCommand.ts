/**
 * `promtopo run FILE [--for DURATION] [--interval DURATION] [--json]`: runs the design on this
 * machine (electron/services/run/localRun.ts), waits, prints measured beside predicted per server
 * instance and edge, and stops everything. Ctrl+C or SIGTERM stops the run first.
 */
import { resolve } from 'node:path';
import { durationMs } from '../../src/model/duration.ts';
import type { RunStatus } from '../services/run/localRun.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { formatBytes, formatCount, table } from './loadCommand.ts';
import { diagnosticJson, formatDiagnostics, jsonText } from './output.ts';
import { readTopologyFile } from './readTopologyFile.ts';

const usage = `Usage: promtopo run FILE [--for DURATION] [--interval DURATION] [--json]

Runs a topology (*.promtopo.json) on this machine: every Prometheus instance, Alertmanager and
target on 127.0.0.1 with free ports, from a private copy of the bundle whose names and ports are
mapped (the design and its exported bundle stay as designed). Real prometheus and
prometheus-alertmanager; a real prometheus-node-exporter per node_exporter target; for other
exporters a stand-in serving the group's catalog families. Every server that sends alerts gets an
always-firing check alert (PromTopoRunCheck), so the alert path shows: an HA pair's alert must
reach each Alertmanager once.

After DURATION it measures (head series, samples/s over the second half of the run, resident
memory; per edge the samples/s its job appended), prints them beside the load model's prediction
for the same copy with the error in percent, and stops every process.

Options:
  --for DURATION       how long to run before measuring (default 60s)
  --interval DURATION  one scrape and evaluation interval for the whole copy (default: as designed);
                       predictions use the same
  --json               print {"servers":[{"name","instance","url","up","predicted":{"series",
                       "samplesPerSecond","memoryBytes"},"measured":{...}|null,"errorPercent":{...}}],
                       "edges":[{"id","kind","job","predicted":{"samplesPerSecond"},"measured":...}],
                       "alertmanagers":[...]}
  -h, --help           show this help

Exit status: 0 every instance up, 1 the document has errors, an instance is down or the run could
not start (a missing program is named with its Debian package), 2 usage error or unreadable file.
`;

function failure(io: CliIo, json: boolean, error: string, code: number = EXIT.usage): number {
  if (json) io.out(jsonText({ ok: false, error }));
  else io.err(`promtopo run: ${error}\n`);
  return code;
}

const round = (n: number | null | undefined, digits = 1): number | null => (n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function percent(n: number | null): string {
  return n === null ? '-' : `${n >= 0 ? '+' : ''}${n.toFixed(1)}%`;
}

/** The human-readable comparison. */
export function runReport(file: string, status: RunStatus): string {
  const rows = status.servers.map((s) => [
    s.instance,
    s.up ? 'up' : 'DOWN',
    formatCount(s.predicted.series),
    s.measured ? formatCount(s.measured.series) : '-',
    percent(s.errorPercent.series),
    formatCount(s.predicted.samplesPerSecond),
    s.measured ? formatCount(s.measured.samplesPerSecond) : '-',
    percent(s.errorPercent.samplesPerSecond),
    formatBytes(s.predicted.memoryBytes),
    s.measured ? formatBytes(s.measured.memoryBytes) : '-',
  ]);
  let out = `${file}: local run, predicted vs measured\n\n`;
  out += table(['instance', 'state', 'series', 'measured', 'error', 'samples/s', 'measured', 'error', 'memory (head)', 'measured (RSS)'], rows);
  const edgeRows = status.edges.map((e) => [`${e.id} (${e.job})`, formatCount(e.predicted.samplesPerSecond), e.measured ? formatCount(e.measured.samplesPerSecond) : '-', percent(e.errorPercent)]);
  if (edgeRows.length > 0) out += `\n${table(['edge', 'samples/s', 'measured', 'error'], edgeRows)}`;
  if (status.alertmanagers.length > 0) {
    out += '\ncheck alert PromTopoRunCheck per Alertmanager instance (1 per server = deduplicated):\n';
    for (const am of status.alertmanagers) {
      const counts = Object.entries(am.checkAlerts).map(([server, n]) => `${server} ${n}`).join(', ');
      out += `  ${am.name}-${am.index + 1} ${am.url}: ${am.up ? counts || 'none yet' : `DOWN ${am.problem ?? ''}`}\n`;
    }
  }
  for (const s of status.servers) if (s.problem) out += `\n${s.instance}: ${s.problem}\n`;
  for (const [address, errors] of Object.entries(status.targetsDown)) out += `\ntargets down on ${address}: ${errors.slice(0, 5).join('; ')}\n`;
  return out;
}

/** The `--json` document. */
export function runJson(file: string, status: RunStatus): Record<string, unknown> {
  const figures = (f: { series: number; samplesPerSecond: number; memoryBytes: number } | null) =>
    f === null ? null : { series: round(f.series, 0), samplesPerSecond: round(f.samplesPerSecond, 3), memoryBytes: round(f.memoryBytes, 0) };
  return {
    file,
    ok: status.servers.every((s) => s.up),
    servers: status.servers.map((s) => ({
      name: s.name,
      instance: s.instance,
      url: s.url,
      up: s.up,
      predicted: figures(s.predicted),
      measured: figures(s.measured),
      errorPercent: { series: round(s.errorPercent.series), samplesPerSecond: round(s.errorPercent.samplesPerSecond), memoryBytes: round(s.errorPercent.memoryBytes) },
      ...(s.problem ? { problem: s.problem } : {}),
    })),
    edges: status.edges.map((e) => ({
      id: e.id,
      kind: e.kind,
      job: e.job,
      predicted: { samplesPerSecond: round(e.predicted.samplesPerSecond, 3) },
      measured: e.measured ? { samplesPerSecond: round(e.measured.samplesPerSecond, 3) } : null,
      errorPercent: round(e.errorPercent),
    })),
    alertmanagers: status.alertmanagers.map((a) => ({ name: a.name, instance: a.index + 1, url: a.url, up: a.up, checkAlerts: a.checkAlerts, ...(a.problem ? { problem: a.problem } : {}) })),
    targetsDown: status.targetsDown,
  };
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a topology on this machine and compare measured with predicted load',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { for: { type: 'string' }, interval: { type: 'string' } });
    const json = args.includes('--json');
    if (!parsed.ok) return failure(io, json, `${parsed.error} (see promtopo run --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) return failure(io, json, 'expected exactly one FILE (see promtopo run --help)');
    const forText = typeof parsed.values.for === 'string' ? parsed.values.for : '60s';
    const forMs = durationMs(forText);
    if (forMs === undefined || forMs < 2000) return failure(io, json, `--for: "${forText}" is not a duration of at least 2s (e.g. 60s, 2m)`);
    const interval = typeof parsed.values.interval === 'string' ? parsed.values.interval : undefined;
    if (interval !== undefined && !(durationMs(interval) ?? 0)) return failure(io, json, `--interval: "${interval}" is not a duration (e.g. 1s, 15s)`);
    const input = await readTopologyFile(resolve(io.cwd, parsed.positionals[0] ?? ''));
    if (input.kind === 'unreadable') return failure(io, json, input.error);
    if (input.kind === 'invalid') {
      if (json) io.out(jsonText({ file: input.file, ok: false, diagnostics: input.diagnostics.map(diagnosticJson) }));
      else io.out(formatDiagnostics(input.file, input.diagnostics));
      return EXIT.errors;
    }
    const { LocalRun, RunError } = await import('../services/run/localRun.ts');
    let run: Awaited<ReturnType<typeof LocalRun.start>> | undefined;
    let interrupted = false;
    let wake: () => void = () => undefined;
    const onSignal = () => {
      interrupted = true;
      wake();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      try {
        run = await LocalRun.start(input.topology, { ...(interval ? { interval } : {}), windowSeconds: Math.max(2, forMs / 2000) });
      } catch (e) {
        if (e instanceof RunError) return failure(io, json, `${input.file}: ${e.message}`, EXIT.errors);
        throw e;
      }
      if (!json) io.err(`promtopo run: ${run.plan.servers.length} Prometheus, ${run.plan.alertmanagers.length} Alertmanager and ${run.plan.targets.length} target processes on 127.0.0.1; measuring in ${forText} (Ctrl+C stops)\n`);
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((done) => {
        wake = done;
        timer = setTimeout(done, forMs);
        if (interrupted) done();
      });
      clearTimeout(timer);
      if (interrupted) {
        if (!json) io.err('promtopo run: interrupted; stopping\n');
        return EXIT.errors;
      }
      const status = await run.status();
      io.out(json ? jsonText(runJson(input.file, status)) : runReport(input.file, status));
      return status.servers.every((s) => s.up) ? EXIT.ok : EXIT.errors;
    } finally {
      await run?.stop();
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  },
};
