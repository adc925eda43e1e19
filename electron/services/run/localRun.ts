/**
 * A local run of a design: the private copy (src/run/localTopology.ts) exported into a temp folder,
 * then real Alertmanager, Prometheus and node_exporter processes started from it on 127.0.0.1, and
 * stand-in exporters for the other target groups. While it runs, each Prometheus's /metrics is read
 * every second; `status()` sets what was measured beside what the load model predicts for the same
 * copy. `stop()` ends every process group and removes the folder.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalogs } from '../../../assets/catalogs/builtinCatalogs.ts';
import { countExposition } from '../../../scripts/measure-catalogs.ts';
import { parseCatalog, type ExporterCatalog } from '../../../src/estimate/catalog.ts';
import { DEFAULT_SERIES_PER_TARGET } from '../../../src/estimate/constants.ts';
import { estimateLoad } from '../../../src/estimate/estimateLoad.ts';
import type { LoadEstimate } from '../../../src/estimate/types.ts';
import { durationMs } from '../../../src/model/duration.ts';
import type { Topology } from '../../../src/model/types.ts';
import { compareRun, counterSlope, type InstanceMeasurement, type RunComparison } from '../../../src/run/comparison.ts';
import { CHECK_ALERT, CHECK_ALERT_SERVER_LABEL, localTopology, NotRunnable, portsNeeded, type LocalPlan } from '../../../src/run/localTopology.ts';
import { standInExposition } from '../../../src/run/standInExposition.ts';
import { writeBundle } from '../bundleWriter.ts';
import { findRunPrograms, type RunProgram } from './binaries.ts';
import { freePorts } from './ports.ts';
import { lastLogLines, killAllNow, startProcess, stopProcess, type RunProcess } from './processes.ts';
import { reapStaleRuns, runsDir, writePidFile } from './pidFiles.ts';
import { alertmanagerAlerts, exerciseLikeCatalog, getText, isQueryable, isReady, processFigures, queryScalar, targetHealth } from './promApi.ts';
import { startStandIns, type StandIns } from './standInExporter.ts';

/** How long the processes may take to become ready. */
const READY_TIMEOUT_MS = 60_000;
/** How often each Prometheus's /metrics is read. */
const SAMPLE_EVERY_MS = 1_000;
/** Log lines shown for a process that exited early. */
const LOG_LINES = 12;

export interface LocalRunOptions {
  /** One scrape/evaluation interval for the whole private copy (see LocalTopologyOptions). */
  readonly interval?: string;
  /** Seconds of /metrics readings samples/s is computed from (default 30). */
  readonly windowSeconds?: number;
  readonly catalogs?: readonly ExporterCatalog[];
  readonly env?: NodeJS.ProcessEnv;
}

/** A Prometheus instance as the run sees it. */
export interface RunAlertmanagerStatus {
  readonly name: string;
  readonly index: number;
  readonly url: string;
  readonly up: boolean;
  /** Check alerts held, per server name (1 = deduplicated; 2 from an HA pair = not). */
  readonly checkAlerts: Readonly<Record<string, number>>;
  readonly problem?: string;
}

export interface RunStatus extends RunComparison {
  readonly alertmanagers: readonly RunAlertmanagerStatus[];
  /** Targets down per server instance address, with the scrape errors. */
  readonly targetsDown: Readonly<Record<string, readonly string[]>>;
}

/** Why a run could not start: one sentence (a missing program, a design it cannot reproduce, ...). */
export class RunError extends Error {}

interface Reading {
  readonly t: number;
  readonly samplesAppended?: number;
  readonly headSeries?: number;
  readonly residentMemoryBytes?: number;
}

let runCounter = 0;

/** Three of the longest scrape or evaluation interval of the copy: every job and rule has run by then. */
function warmUpSeconds(topology: Topology): number {
  let longest = 1;
  const consider = (text: string | undefined) => {
    const ms = text === undefined ? undefined : durationMs(text);
    if (ms !== undefined && ms > 0) longest = Math.max(longest, ms / 1000);
  };
  for (const n of topology.nodes) {
    if (n.kind === 'prometheus') {
      consider(n.scrapeInterval);
      consider(n.evaluationInterval);
      for (const g of n.ruleGroups) consider(g.interval);
    } else if (n.kind === 'targets') consider(n.scrapeInterval);
  }
  for (const e of topology.edges) if (e.kind === 'federation') consider(e.scrapeInterval);
  return 3 * longest;
}

function slugOf(name: string): string {
  return name.replace(/[^a-z0-9-]+/gi, '-');
}

export class LocalRun {
  private readonly processes: RunProcess[] = [];
  private readonly byAddress = new Map<string, RunProcess>();
  private readonly readings = new Map<string, Reading[]>();
  private standIns: StandIns | undefined;
  private sampler: NodeJS.Timeout | undefined;
  private stopped = false;
  private estimateValue: LoadEstimate | undefined;
  private readonly pidFile: string;
  private readonly runs: string;
  private readonly windowSeconds: number;
  /** Readings start this long after every process is ready: first scrapes are spread over an interval. */
  private warmUpUntil = Number.POSITIVE_INFINITY;
  private readonly exitHandler = () => killAllNow(this.processes);

  private constructor(readonly plan: LocalPlan, readonly dir: string, options: LocalRunOptions) {
    this.runs = runsDir(options.env);
    this.pidFile = join(this.runs, `${process.pid}-${runCounter++}.json`);
    this.windowSeconds = options.windowSeconds ?? 30;
  }

  /** What the load model predicts for the private copy (node_exporter as measured on this machine). */
  get estimate(): LoadEstimate {
    if (!this.estimateValue) throw new Error('the run has not started');
    return this.estimateValue;
  }

  /** Seconds of /metrics readings the samples/s of the least-read server comes from so far. */
  get measuredSeconds(): number {
    let least = Number.POSITIVE_INFINITY;
    for (const s of this.plan.servers) {
      if (s.external) continue;
      const list = this.readings.get(s.address) ?? [];
      least = Math.min(least, list.length < 2 ? 0 : (list[list.length - 1]?.t ?? 0) - (list[0]?.t ?? 0));
    }
    return Number.isFinite(least) ? least : 0;
  }

  /** Pids (process group ids) of every process the run started. */
  get pids(): number[] {
    return this.processes.map((p) => p.pid);
  }

  /** Starts a run of `topology`; throws RunError with a readable sentence when it cannot. */
  static async start(topology: Topology, options: LocalRunOptions = {}): Promise<LocalRun> {
    reapStaleRuns(runsDir(options.env));
    let plan: LocalPlan;
    try {
      plan = localTopology(topology, await freePorts(portsNeeded(topology)), { ...(options.interval ? { interval: options.interval } : {}) });
    } catch (e) {
      if (e instanceof NotRunnable) throw new RunError(e.message);
      throw e;
    }
    const needed = new Set<RunProgram>();
    if (plan.servers.some((s) => !s.external)) needed.add('prometheus');
    if (plan.alertmanagers.length > 0) needed.add('alertmanager');
    if (plan.targets.some((t) => t.process.kind === 'node_exporter')) needed.add('node_exporter');
    const programs = findRunPrograms(needed, options.env);
    if (!programs.ok) throw new RunError(programs.error);

    const dir = realpathSync(mkdtempSync(join(tmpdir(), `promtopo-run-${slugOf(topology.name).slice(0, 40)}-`)));
    const run = new LocalRun(plan, dir, options);
    try {
      await run.launch(programs.paths, options);
    } catch (e) {
      await run.stop();
      throw e;
    }
    return run;
  }

  private async launch(paths: Partial<Record<RunProgram, string>>, options: LocalRunOptions): Promise<void> {
    process.once('exit', this.exitHandler);
    mkdirSync(join(this.dir, 'logs'));
    await this.recordPids();
    const exported = await writeBundle({ topology: this.plan.topology, outDir: join(this.dir, 'bundle') });
    if (!exported.ok) {
      const errors = exported.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
      throw new RunError(`the design cannot be exported for a local run: ${exported.error ?? ''}${errors.length > 0 ? `: ${errors.slice(0, 3).join('; ')}` : ''}`);
    }
    const bundle = join(this.dir, 'bundle');
    let catalogs = options.catalogs ?? builtinCatalogs;

    // Targets first: real node_exporters, then the stand-ins.
    const nodeTargets = this.plan.targets.filter((t) => t.process.kind === 'node_exporter');
    for (const t of nodeTargets) {
      const cwd = join(this.dir, 'node-exporter', String(t.port));
      mkdirSync(cwd, { recursive: true });
      this.spawn(`node-exporter-${t.port}`, paths.node_exporter ?? 'prometheus-node-exporter', [`--web.listen-address=${t.address}`], cwd, t.address);
    }
    await this.recordPids();
    const first = nodeTargets[0];
    if (first) {
      const text = await this.waitFor(first.address, async () => getText(`http://${first.address}/metrics`).catch(() => undefined));
      const metrics = countExposition(text);
      const measured = parseCatalog({
        id: 'node_exporter',
        title: 'node_exporter on this machine (measured by the run)',
        provenance: 'measured',
        source: `GET http://${first.address}/metrics`,
        seriesPerTarget: metrics.reduce((n, m) => n + m.series, 0),
        metrics,
      });
      catalogs = [measured, ...catalogs.filter((c) => c.id !== 'node_exporter')];
    }
    const catalogIndex = new Map(catalogs.map((c) => [c.id, c]));
    const standInTargets = this.plan.targets.flatMap((t) => {
      if (t.process.kind !== 'stand-in') return [];
      const catalog = t.process.exporter ? catalogIndex.get(t.process.exporter) : undefined;
      return [{ port: t.port, exposition: standInExposition(catalog, t.process.seriesPerTarget ?? (catalog ? undefined : DEFAULT_SERIES_PER_TARGET)) }];
    });
    this.standIns = await startStandIns(standInTargets);
    this.estimateValue = estimateLoad(this.plan.topology, catalogs);

    for (const am of this.plan.alertmanagers) {
      const data = join(this.dir, 'data', `alertmanager-${am.name}-${am.index + 1}`);
      mkdirSync(data, { recursive: true });
      this.spawn(`${am.name}-${am.index + 1}`, 'sh', [join(bundle, 'alertmanager', am.name, `run-${am.index + 1}.sh`)], undefined, am.address, {
        PROMTOPO_DATA_DIR: data,
        ...(paths.alertmanager ? { ALERTMANAGER_BIN: paths.alertmanager } : {}),
      });
    }
    for (const s of this.plan.servers) {
      if (s.external) continue;
      const data = join(this.dir, 'data', s.instance);
      mkdirSync(data, { recursive: true });
      // Alerts that fire before the Alertmanagers are discovered are dropped; resend them soon, not after 1m.
      this.spawn(s.instance, 'sh', [join(bundle, 'prometheus', s.instance, 'run.sh'), '--rules.alert.resend-delay=1s'], undefined, s.address, {
        PROMTOPO_DATA_DIR: data,
        ...(paths.prometheus ? { PROMETHEUS_BIN: paths.prometheus } : {}),
      });
    }
    await this.recordPids();
    await Promise.all([
      ...this.plan.alertmanagers.map((a) => this.waitFor(a.address, async () => ((await isReady(a.address)) ? true : undefined)).catch(() => undefined)),
      ...this.plan.servers.filter((s) => !s.external).map(async (s) => {
        const ready = await this.waitFor(s.address, async () => ((await isQueryable(s.address)) ? true : undefined)).catch(() => false);
        if (ready) await exerciseLikeCatalog(s.address);
      }),
    ]);
    this.warmUpUntil = performance.now() / 1000 + warmUpSeconds(this.plan.topology);
    this.sampler = setInterval(() => void this.sample(), SAMPLE_EVERY_MS);
  }

  private spawn(name: string, cmd: string, args: string[], cwd: string | undefined, address: string, env: NodeJS.ProcessEnv = {}): void {
    const p = startProcess(name, cmd, args, { cwd: cwd ?? this.dir, env, logFile: join(this.dir, 'logs', `${name}.log`) });
    this.processes.push(p);
    this.byAddress.set(address, p);
  }

  /** Polls `check` until it gives a value, the process behind `address` exits, or the timeout. */
  private async waitFor<T>(address: string, check: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      const p = this.byAddress.get(address);
      if (p?.exit !== undefined) throw new RunError(`${p.name} exited (${p.exit}):\n${lastLogLines(p, LOG_LINES)}`);
      if (Date.now() > deadline || this.stopped) throw new RunError(`${p?.name ?? address} was not ready after ${READY_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private async recordPids(): Promise<void> {
    mkdirSync(this.runs, { recursive: true });
    await writePidFile(this.pidFile, { owner: process.pid, dir: this.dir, processes: this.processes.map((p) => ({ pid: p.pid, name: p.name })) });
  }

  private async sample(): Promise<void> {
    const t = performance.now() / 1000;
    if (t < this.warmUpUntil) return;
    await Promise.all(this.plan.servers.filter((s) => !s.external).map(async (s) => {
      const figures = await processFigures(s.address).catch(() => undefined);
      if (!figures) return;
      const list = this.readings.get(s.address) ?? [];
      list.push({ t, ...figures });
      while (list.length > 0 && (list[0]?.t ?? t) < t - this.windowSeconds) list.shift();
      this.readings.set(s.address, list);
    }));
  }

  private problemOf(address: string): string | undefined {
    const p = this.byAddress.get(address);
    if (p?.exit === undefined) return undefined;
    return `${p.name} exited (${p.exit}); last log lines:\n${lastLogLines(p, LOG_LINES)}`;
  }

  private async measureInstance(address: string): Promise<InstanceMeasurement> {
    const problem = this.problemOf(address);
    if (problem) return { up: false, problem };
    if (!(await isQueryable(address))) return { up: false, problem: `${address} does not answer queries` };
    const list = this.readings.get(address) ?? [];
    const last = list[list.length - 1];
    const points = list.flatMap((r) => (r.samplesAppended === undefined ? [] : [{ t: r.t, value: r.samplesAppended }]));
    return {
      up: true,
      ...(last?.headSeries !== undefined ? { series: last.headSeries } : {}),
      ...(counterSlope(points) !== undefined ? { samplesPerSecond: counterSlope(points) } : {}),
      ...(last?.residentMemoryBytes !== undefined ? { memoryBytes: last.residentMemoryBytes } : {}),
    };
  }

  /** Measured samples/s of one edge: what its job appended on every instance of the scraping server. */
  private async measureEdge(job: LocalPlan['edges'][number]): Promise<number | undefined> {
    const window = Math.max(2, Math.round(this.windowSeconds));
    const instances = job.instances.map((a) => a.replace(/\./g, '\\\\.')).join('|');
    const selector = `{job="${job.job.replace(/["\\]/g, '\\$&')}",instance=~"${instances}"}`;
    const scrapers = this.plan.servers.filter((s) => s.nodeId === job.serverId && !s.external && !this.problemOf(s.address));
    if (scrapers.length === 0) return undefined;
    let total = 0;
    for (const s of scrapers) {
      try {
        const samples = await queryScalar(s.address, `sum(sum_over_time(scrape_samples_scraped${selector}[${window}s]))`);
        // A scrape edge also appends the five synthetic series (up, scrape_duration_seconds, ...) per scrape.
        const scrapes = job.kind === 'scrape' ? await queryScalar(s.address, `sum(count_over_time(up${selector}[${window}s]))`) : 0;
        total += (samples + 5 * scrapes) / window;
      } catch {
        return undefined;
      }
    }
    return total;
  }

  /** Measured beside predicted, the check alerts on every Alertmanager, and the targets that are down. */
  async status(): Promise<RunStatus> {
    const servers = this.plan.servers.filter((s) => !s.external);
    const measured = new Map<string, InstanceMeasurement>();
    await Promise.all(servers.map(async (s) => measured.set(s.address, await this.measureInstance(s.address))));
    const edges = new Map<string, number>();
    for (const e of this.plan.edges) {
      const v = await this.measureEdge(e);
      if (v !== undefined) edges.set(e.edgeId, v);
    }
    const targetsDown: Record<string, string[]> = {};
    await Promise.all(servers.filter((s) => measured.get(s.address)?.up).map(async (s) => {
      const health = await targetHealth(s.address).catch(() => undefined);
      if (health && health.down > 0) targetsDown[s.address] = health.errors;
    }));
    const alertmanagers = await Promise.all(this.plan.alertmanagers.map(async (am): Promise<RunAlertmanagerStatus> => {
      const base = { name: am.name, index: am.index, url: `http://${am.address}` };
      const problem = this.problemOf(am.address);
      if (problem) return { ...base, up: false, checkAlerts: {}, problem };
      try {
        const alerts = await alertmanagerAlerts(am.address);
        const checkAlerts: Record<string, number> = {};
        for (const a of alerts) {
          if (a.labels.alertname !== CHECK_ALERT) continue;
          const server = a.labels[CHECK_ALERT_SERVER_LABEL] ?? '?';
          checkAlerts[server] = (checkAlerts[server] ?? 0) + 1;
        }
        return { ...base, up: true, checkAlerts };
      } catch (e) {
        return { ...base, up: false, checkAlerts: {}, problem: (e as Error).message };
      }
    }));
    return { ...compareRun(this.plan.servers, this.plan.edges, this.estimate, measured, edges), alertmanagers, targetsDown };
  }

  /** Stops every process group and stand-in, removes the run folder and its pid file. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.sampler) clearInterval(this.sampler);
    await Promise.all(this.processes.map((p) => stopProcess(p)));
    await this.standIns?.close();
    process.removeListener('exit', this.exitHandler);
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.pidFile, { force: true });
  }
}
