// Measures the exporter catalogs in assets/catalogs/ from the real binaries installed here:
// starts node_exporter (default collectors), Prometheus (scraping itself, with one rule group) and
// Alertmanager on 127.0.0.1 free ports, reads /metrics, counts series per metric name (and the label
// names), and writes assets/catalogs/<id>.json with the date, version and "measured" provenance.
//
//   npx tsx scripts/measure-catalogs.ts            # all three
//   npx tsx scripts/measure-catalogs.ts node_exporter
//
// Every process is started with its data in a fresh temp dir and stopped by pid, also on failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'assets/catalogs');

/** One exposed metric name with the series it has on one target. */
export interface MeasuredMetric {
  name: string;
  series: number;
  labels: string[];
  type?: string;
  /** Distinct values per label. */
  values?: Record<string, number>;
}

/** Parses the Prometheus text exposition format: series per metric name, label names, family types. */
export function countExposition(text: string): MeasuredMetric[] {
  const byName = new Map<string, { series: number; labels: Map<string, Set<string>> }>();
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , family, type] = line.split(' ');
      if (family && type) types.set(family, type);
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s/.exec(line);
    if (!m || !m[1]) continue;
    const entry = byName.get(m[1]) ?? { series: 0, labels: new Map<string, Set<string>>() };
    entry.series++;
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      if (!l[1]) continue;
      const values = entry.labels.get(l[1]) ?? new Set<string>();
      values.add(l[2] ?? '');
      entry.labels.set(l[1], values);
    }
    byName.set(m[1], entry);
  }
  const familyOf = (name: string) => {
    if (types.has(name)) return types.get(name);
    for (const suffix of ['_bucket', '_sum', '_count', '_total', '_created']) {
      if (name.endsWith(suffix) && types.has(name.slice(0, -suffix.length))) return types.get(name.slice(0, -suffix.length));
    }
    return undefined;
  };
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, e]) => {
      const type = familyOf(name);
      const labels = [...e.labels.keys()].sort();
      const values = Object.fromEntries(labels.map((l) => [l, e.labels.get(l)?.size ?? 0]));
      return { name, series: e.series, labels, ...(type ? { type } : {}), ...(labels.length ? { values } : {}) };
    });
}

/** Pretty JSON with one metric per line, so catalog diffs stay readable. */
export function formatCatalog(catalog: { metrics: readonly unknown[] } & Record<string, unknown>): string {
  const { metrics, ...head } = catalog;
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = metrics.map((m) => `    ${JSON.stringify(m)}`);
  return `${headText},\n  "metrics": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchMetrics(url: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return await res.text();
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await sleep(300);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

function versionOf(binary: string): string {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return /version (\S+)/.exec(text)?.[1] ?? 'unknown';
}

interface Target {
  id: string;
  title: string;
  binary: string;
  notes: string;
  /** Starts the process; returns the /metrics URL. */
  start(dir: string, port: number): { args: string[]; url: string };
  /** Milliseconds to let the process run before measuring (Prometheus grows series as it works). */
  warmUpMs: number;
  /** Paths requested once before measuring, as a working server is used (queries, /federate). */
  exercise?: string[];
  /**
   * How the exposition grows with the configuration (src/estimate/catalog.ts ConfigSeries), counted
   * from the /metrics of the servers of `promtopo run` on the multi-dc example (5 jobs, 3 Alertmanagers)
   * against this measurement, family by family.
   */
  configSeries?: Record<string, unknown>;
}

const targets: Target[] = [
  {
    id: 'node_exporter',
    title: 'node_exporter (default collectors, Linux)',
    binary: 'prometheus-node-exporter',
    notes:
      'Machine-dependent: per-CPU, per-disk, per-filesystem and per-interface metrics scale with the host. ' +
      'Measured on a small VM; real hosts usually expose 700-1,000 series (domain.md). Set seriesPerTarget on the target group to override.',
    warmUpMs: 1_000,
    start: (_dir, port) => ({ args: [`--web.listen-address=127.0.0.1:${port}`], url: `http://127.0.0.1:${port}/metrics` }),
  },
  {
    id: 'prometheus',
    title: "Prometheus' own /metrics (one self-scrape job, one rule group)",
    binary: 'prometheus',
    notes:
      'Grows slightly with the number of scrape jobs (per-job sync and target metrics), rule groups (per-group metrics) ' +
      'and HTTP handlers that have been used. Measured after a few self-scrapes and one query, range query and /federate.',
    warmUpMs: 6_000,
    exercise: ['/api/v1/query?query=up', '/api/v1/query_range?query=up&start=0&end=60&step=15', '/federate?match[]=up'],
    configSeries: { perScrapeJob: 20, perRuleGroup: 11, perAlertmanager: 9, alerting: 10, perScrapeInterval: 7, measuredWith: { scrapeJobs: 1, ruleGroups: 1, alertmanagers: 0, scrapeIntervals: 0 } },
    start: (dir, port) => {
      const config = join(dir, 'prometheus.yml');
      const rules = join(dir, 'rules.yml');
      writeFileSync(
        config,
        `global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\nrule_files:\n  - rules.yml\nscrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`,
      );
      writeFileSync(rules, 'groups:\n  - name: example\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n');
      return {
        args: [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
        url: `http://127.0.0.1:${port}/metrics`,
      };
    },
  },
  {
    id: 'alertmanager',
    title: "Alertmanager's own /metrics (single instance, no cluster)",
    binary: 'prometheus-alertmanager',
    notes: 'Grows with receivers/integrations configured and with cluster peers.',
    warmUpMs: 2_000,
    start: (dir, port) => {
      const config = join(dir, 'alertmanager.yml');
      writeFileSync(config, 'route:\n  receiver: default\nreceivers:\n  - name: default\n');
      return {
        args: [`--config.file=${config}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
        url: `http://127.0.0.1:${port}/metrics`,
      };
    },
  },
];

async function measure(target: Target, date: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `measure-${target.id}-`));
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    const { args, url } = target.start(dir, port);
    child = spawn(target.binary, args, { cwd: dir, stdio: 'ignore' });
    await fetchMetrics(url);
    for (const path of target.exercise ?? []) await fetch(new URL(path, url));
    await sleep(target.warmUpMs);
    const metrics = countExposition(await fetchMetrics(url));
    const seriesPerTarget = metrics.reduce((n, m) => n + m.series, 0);
    const catalog = {
      id: target.id,
      title: target.title,
      provenance: 'measured',
      source: `scripts/measure-catalogs.ts: GET /metrics of ${target.binary} ${versionOf(target.binary)} on 127.0.0.1`,
      version: versionOf(target.binary),
      measuredOn: date,
      machine: { cpus: cpus().length },
      notes: target.notes,
      seriesPerTarget,
      ...(target.configSeries ? { configSeries: target.configSeries } : {}),
      metrics,
    };
    writeFileSync(join(outDir, `${target.id}.json`), formatCatalog(catalog));
    console.log(`${target.id}: ${metrics.length} metric names, ${seriesPerTarget} series per target`);
  } finally {
    if (child?.pid) {
      child.kill('SIGTERM');
      await sleep(300);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const date = new Date().toISOString().slice(0, 10);
  for (const target of targets) {
    if (only.length === 0 || only.includes(target.id)) await measure(target, date);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(`measure-catalogs: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
