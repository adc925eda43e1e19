/**
 * `promtopo plan split|ha|global|reshard FILE ...`: the scale-out patterns as commands. Each reads
 * FILE, applies one planning edit (src/plan), checks that the result validates, prints the load before
 * and after per affected server, and writes the new document atomically: to --out, else next to FILE
 * as `<name>.<action>.promtopo.json` (never over FILE unless --out names it). `reshard` previews
 * which targets move and writes only with --out.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { hasErrors } from '../../src/model/diagnostic.ts';
import { serializeTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { addGlobal } from '../../src/plan/global.ts';
import { makeHa } from '../../src/plan/ha.ts';
import { loadChange, type LoadFigures, type ServerLoadChange } from '../../src/plan/loadChange.ts';
import type { PlanOutcome } from '../../src/plan/outcome.ts';
import { previewReshard, reshard, type ReshardPreview } from '../../src/plan/reshard.ts';
import { splitServer } from '../../src/plan/split.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import { writeFileAtomically } from '../services/atomicFile.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { formatBytes, formatCount, table } from './loadCommand.ts';
import { diagnosticJson, formatDiagnostics, jsonText } from './output.ts';
import { readTopologyFile } from './readTopologyFile.ts';
import { usageFailure } from './validateCommand.ts';

const usage = `Usage: promtopo plan ACTION FILE [options]

Scale-out patterns as one edit each; the new document is checked (it must validate) and written
atomically to --out, else beside FILE as <name>.<action>.promtopo.json. FILE itself is only
overwritten when --out names it. Prints the load before and after of every affected server.

Actions:
  split FILE --server NAME --into N --by hashmod|job [--out NEW]
      by job: the server's target groups are spread over N new servers (balancing the predicted
      series); federation, alert and Grafana edges follow every part. by hashmod: the server becomes
      N hashmod shards of __address__.
  ha FILE --server NAME [--replicas 2] [--replica-label replica] [--grafana-failover] [--out NEW]
      the server becomes an HA group: replicas on their own hosts, the replica label dropped from
      alerts so Alertmanager deduplicates them. --grafana-failover: each Grafana querying it gets
      one data source per replica ("NAME (replica b)") to switch to while replica a is down.
  global FILE --leaves A,B [--rules auto|METRIC,METRIC] [--name NAME] [--out NEW]
      a new global federating each leaf; on each leaf the job: recording rules for the picked
      metrics (auto: up and the largest metrics of its exporters), the match[] selectors pulling
      exactly them; prints the series on the global before/after.
  reshard FILE --server NAME --shards N [--out NEW]
      which targets change shard (the offline hashmod), and what that means for history, queries
      and retention; writes the changed document only with --out.

Options:
  --json      print {"ok","action","out","summary","notes","load":[...],"diagnostics":[...]}
  -h, --help  show this help

Exit status: 0 done, 1 the command cannot apply (the message names node and field) or the result
does not validate (nothing written), 2 usage error or FILE cannot be read or the output exists.
`;

const ACTIONS = ['split', 'ha', 'global', 'reshard'] as const;
type Action = (typeof ACTIONS)[number];

function displayName(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  const name = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return name.split(sep).join('/');
}

/** `topology.promtopo.json` -> `topology.split.promtopo.json`, beside it. */
export function defaultOutput(file: string, action: Action): string {
  const name = basename(file);
  const stem = name.endsWith('.promtopo.json') ? name.slice(0, -'.promtopo.json'.length) : name.replace(/\.json$/, '');
  return join(dirname(file), `${stem}.${action}.promtopo.json`);
}

function figuresText(f: LoadFigures | undefined): string[] {
  if (!f) return ['-', '-', '-', '-'];
  return [String(f.instances), formatCount(f.activeSeries), formatCount(f.samplesPerSecond), formatBytes(f.memoryBytes)];
}

function loadTable(rows: readonly ServerLoadChange[]): string {
  if (rows.length === 0) return 'load: no server changes\n';
  return table(
    ['server', 'inst', 'series', 'samples/s', 'memory', '->', 'inst', 'series', 'samples/s', 'memory'],
    rows.map((r) => [r.previousName ? `${r.previousName} -> ${r.name}` : r.name, ...figuresText(r.before), '->', ...figuresText(r.after)]),
  );
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const figuresJson = (f: LoadFigures | undefined) => (f ? { instances: f.instances, activeSeries: round(f.activeSeries), samplesPerSecond: round(f.samplesPerSecond), memoryBytes: Math.round(f.memoryBytes) } : null);

function summaryText(action: Action, summary: unknown): string {
  const s = summary as Record<string, unknown>;
  switch (action) {
    case 'split': {
      const parts = s.parts as { name: string; targetGroups: string[]; predictedSeries: number }[];
      if (s.method === 'hashmod') return `${String(s.server)} becomes ${parts.length} hashmod shards of __address__\n`;
      return parts.map((p) => `${p.name}: ${p.targetGroups.join(', ')} (${formatCount(p.predictedSeries)} predicted series)\n`).join('');
    }
    case 'ha':
      return `${String(s.server)}: ${String(s.replicas)} replicas told apart by ${String(s.replicaLabel)} (${(s.addresses as string[]).join(', ')}); the label is dropped from alerts${s.grafanaFailover ? '; Grafana gets a data source per replica' : ''}\n`;
    case 'global': {
      const leaves = s.leaves as { leaf: string; records: string[]; added: number }[];
      const lines = leaves.map((l) => `${l.leaf}: pulls ${l.records.join(', ')} (${l.added} rule(s) added)\n`).join('');
      return `${String(s.global)} federates ${leaves.length} leaf/leaves\n${lines}federated series on the global: ${formatCount(s.seriesBefore as number)} federating everything -> ${formatCount(s.seriesAfter as number)} with the job: series only\n`;
    }
    case 'reshard': {
      const p = summary as ReshardPreview;
      const moved = p.moved.slice(0, 50).map((m) => `  ${m.group} ${m.target}: shard ${m.from} -> ${m.to}\n`).join('');
      const more = p.moved.length > 50 ? `  ... and ${p.moved.length - 50} more (--json lists all)\n` : '';
      return `${p.server}: ${p.fromShards} -> ${p.toShards} shards\n${p.consequences.map((c) => `- ${c}\n`).join('')}${moved}${more}`;
    }
  }
}

function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function positiveInt(text: string | undefined, option: string): number | string {
  if (text === undefined) return `--${option} is required`;
  if (!/^\d+$/.test(text)) return `--${option} must be a whole number (got "${text}")`;
  return Number(text);
}

type Applied = { ok: true; outcome: PlanOutcome<unknown> } | { ok: false; error: string };

function apply(action: Action, topology: Topology, values: Record<string, unknown>): Applied {
  const server = stringOption(values, 'server');
  if (action !== 'global' && server === undefined) return { ok: false, error: '--server NAME is required' };
  switch (action) {
    case 'split': {
      const into = positiveInt(stringOption(values, 'into'), 'into');
      if (typeof into === 'string') return { ok: false, error: into };
      const by = stringOption(values, 'by');
      if (by !== 'hashmod' && by !== 'job') return { ok: false, error: `--by must be hashmod or job${by === undefined ? '' : ` (got "${by}")`}` };
      return { ok: true, outcome: splitServer(topology, server ?? '', into, by, builtinCatalogs) };
    }
    case 'ha': {
      const replicas = positiveInt(stringOption(values, 'replicas') ?? '2', 'replicas');
      if (typeof replicas === 'string') return { ok: false, error: replicas };
      const label = stringOption(values, 'replica-label');
      const grafanaFailover = values['grafana-failover'] === true;
      return { ok: true, outcome: makeHa(topology, server ?? '', { replicas, grafanaFailover, ...(label !== undefined ? { replicaLabel: label } : {}) }) };
    }
    case 'global': {
      const leaves = stringOption(values, 'leaves');
      if (leaves === undefined) return { ok: false, error: '--leaves A,B is required' };
      const rules = stringOption(values, 'rules') ?? 'auto';
      const series = rules === 'auto' ? 'auto' : rules.split(',').map((m) => m.trim()).filter((m) => m !== '');
      const name = stringOption(values, 'name');
      return { ok: true, outcome: addGlobal(topology, leaves.split(',').map((l) => l.trim()).filter((l) => l !== ''), { series, ...(name ? { name } : {}) }, builtinCatalogs) };
    }
    case 'reshard': {
      const shards = positiveInt(stringOption(values, 'shards'), 'shards');
      if (typeof shards === 'string') return { ok: false, error: shards };
      const write = stringOption(values, 'out') !== undefined;
      const preview = previewReshard(topology, server ?? '', shards);
      if (!preview.ok || !write) return { ok: true, outcome: preview };
      return { ok: true, outcome: reshard(topology, server ?? '', shards) };
    }
  }
}

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'scale-out patterns: split a server, make it HA, add a global, preview resharding',
  usage,
  async run(args, io: CliIo) {
    const parsed = parseCommandArgs(args, {
      out: { type: 'string', short: 'o' },
      server: { type: 'string' },
      into: { type: 'string' },
      by: { type: 'string' },
      replicas: { type: 'string' },
      'replica-label': { type: 'string' },
      'grafana-failover': { type: 'boolean' },
      leaves: { type: 'string' },
      rules: { type: 'string' },
      name: { type: 'string' },
      shards: { type: 'string' },
    });
    const json = args.includes('--json');
    if (!parsed.ok) return usageFailure(io, json, 'plan', `${parsed.error} (see promtopo plan --help)`);
    if (parsed.values.help) {
      io.out(usage);
      return EXIT.ok;
    }
    const [actionName, fileArg, ...extra] = parsed.positionals;
    if (!actionName || !(ACTIONS as readonly string[]).includes(actionName)) {
      return usageFailure(io, json, 'plan', `expected an action: ${ACTIONS.join(', ')}${actionName ? ` (got "${actionName}")` : ''} (see promtopo plan --help)`);
    }
    const action = actionName as Action;
    if (!fileArg || extra.length > 0) return usageFailure(io, json, `plan ${action}`, 'expected exactly one FILE (see promtopo plan --help)');
    const path = resolve(io.cwd, fileArg);
    const input = await readTopologyFile(path);
    if (input.kind === 'unreadable') return usageFailure(io, json, `plan ${action}`, input.error);
    if (input.kind === 'invalid') {
      if (json) io.out(jsonText({ file: input.file, ok: false, diagnostics: input.diagnostics.map(diagnosticJson) }));
      else io.out(formatDiagnostics(input.file, input.diagnostics));
      return EXIT.errors;
    }
    const applied = apply(action, input.topology, parsed.values);
    if (!applied.ok) return usageFailure(io, json, `plan ${action}`, `${applied.error} (see promtopo plan --help)`);
    const outcome = applied.outcome;
    if (!outcome.ok) {
      if (json) io.out(jsonText({ file: input.file, ok: false, action, error: outcome.error, at: { ...(outcome.node ? { node: outcome.node } : {}), ...(outcome.field ? { field: outcome.field } : {}) } }));
      else io.err(`promtopo plan ${action}: ${input.file}: ${outcome.error}\n`);
      return EXIT.errors;
    }
    const outOption = stringOption(parsed.values, 'out');
    const writes = action !== 'reshard' || outOption !== undefined;
    const target = outOption !== undefined ? resolve(io.cwd, outOption) : defaultOutput(path, action);
    const diagnostics = validateTopology(outcome.topology);
    const load = loadChange(input.topology, outcome.topology, builtinCatalogs);
    const notes = [...outcome.notes];
    let written: string | undefined;
    if (hasErrors(diagnostics)) {
      notes.push('the result does not validate: nothing written');
    } else if (writes) {
      if (outOption === undefined && existsSync(target)) {
        return usageFailure(io, json, `plan ${action}`, `${displayName(io.cwd, target)} exists; name the output with --out`);
      }
      try {
        await writeFileAtomically(target, serializeTopology(outcome.topology));
        written = displayName(io.cwd, target);
      } catch (e) {
        return usageFailure(io, json, `plan ${action}`, `cannot write ${displayName(io.cwd, target)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const ok = !hasErrors(diagnostics);
    if (json) {
      io.out(jsonText({
        file: input.file,
        ok,
        action,
        ...(written ? { out: written } : {}),
        summary: outcome.summary,
        notes,
        load: load.map((r) => ({ id: r.id, name: r.name, ...(r.previousName ? { previousName: r.previousName } : {}), before: figuresJson(r.before), after: figuresJson(r.after) })),
        diagnostics: diagnostics.map(diagnosticJson),
      }));
    } else {
      let text = `${input.file}: plan ${action}\n${summaryText(action, outcome.summary)}\n${loadTable(load)}`;
      if (notes.length > 0) text += `\n${notes.map((n) => `note: ${n}\n`).join('')}`;
      const findings = diagnostics.filter((d) => d.severity !== 'info');
      if (findings.length > 0) text += `\n${formatDiagnostics(written ? basename(target) : input.file, findings)}`;
      text += written ? `\nwrote ${written}\n` : action === 'reshard' && ok ? '\nnothing written (add --out NEW to apply the change)\n' : '';
      io.out(text);
    }
    return ok ? EXIT.ok : EXIT.errors;
  },
};
