// Measures the process-memory (RSS) constants of the load model on the real Prometheus installed here:
// for a few cardinalities and scrape intervals it starts one `prometheus` on a 127.0.0.1 free port
// (data in a fresh temp dir) scraping itself and one stand-in target that exposes N series whose values
// change on every scrape, waits until the server is a fixed age (the same for every run, so runs at
// different intervals differ only in their ingestion rate), reads `process_resident_memory_bytes`
// and `prometheus_tsdb_head_series` from its /metrics, stops it by pid, and fits
//
//   RSS = baseline + bytesPerSeries x head series + bytesPerSamplePerSecond x samples/s
//
// by least squares. It prints every run and the fitted constants (for src/estimate/constants.ts and
// docs/load-model.md).
//
//   npx tsx scripts/measure-memory.ts            # the default plan (about 3 minutes)
//   npx tsx scripts/measure-memory.ts --json
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Seconds after the stand-in target's first scrape at which memory is read (every measurement waits the same). */
export const READ_AFTER_SECONDS = 60;

/** A stand-in exporter: N gauge series `promtopo_standin{series="i"}` whose values change every scrape. */
export interface StandIn {
  readonly port: number;
  readonly series: number;
  close(): Promise<void>;
}

/** Serves `series` series on 127.0.0.1:port/metrics (port 0 = a free one). */
export async function startStandIn(series: number, port = 0): Promise<StandIn> {
  let scrape = 0;
  const server: Server = createHttpServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    scrape++;
    const lines = ['# TYPE promtopo_standin gauge'];
    for (let i = 0; i < series; i++) lines.push(`promtopo_standin{series="${i}"} ${(scrape * 7 + i) % 1000}`);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(`${lines.join('\n')}\n`);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : 0;
  return { port: bound, series, close: () => new Promise<void>((ok) => server.close(() => ok())) };
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

/** One value of a metric without labels in a /metrics text (e.g. `process_resident_memory_bytes`). */
export function metricValue(exposition: string, name: string): number | undefined {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(exposition);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

async function text(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res.text();
}

/**
 * Waits until the Prometheus at `address` has scraped job `job` `scrapes` times (polls
 * `count_over_time(up{job=...}[1h])`), failing after `timeoutMs`.
 */
export async function waitForScrapes(address: string, job: string, scrapes: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const q = encodeURIComponent(`count_over_time(up{job="${job}"}[1h])`);
  let last = 'no answer';
  for (;;) {
    try {
      const body = (await (await fetch(`http://${address}/api/v1/query?query=${q}`, { signal: AbortSignal.timeout(5000) })).json()) as {
        data?: { result?: { value: [number, string] }[] };
      };
      const n = Number(body.data?.result?.[0]?.value[1] ?? 0);
      if (n >= scrapes) return;
      last = `${n} scrapes`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) throw new Error(`${address}: job ${job} not scraped ${scrapes} times within ${timeoutMs} ms (${last})`);
    await sleep(500);
  }
}

/** What one measurement read from a real server. */
export interface MemorySample {
  readonly standInSeries: number;
  readonly intervalSeconds: number;
  readonly headSeries: number;
  /** Samples appended per second: head series / interval (both jobs scrape at the same interval). */
  readonly samplesPerSecond: number;
  readonly residentMemoryBytes: number;
}

/** Reads head series and RSS from a running server's own /metrics (RSS: the mean of three reads 1 s apart). */
export async function readMemory(address: string): Promise<{ headSeries: number; residentMemoryBytes: number }> {
  let rss = 0;
  let head = 0;
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(1000);
    const exposition = await text(`http://${address}/metrics`);
    const r = metricValue(exposition, 'process_resident_memory_bytes');
    const h = metricValue(exposition, 'prometheus_tsdb_head_series');
    if (r === undefined || h === undefined) throw new Error(`http://${address}/metrics has no process_resident_memory_bytes or prometheus_tsdb_head_series`);
    rss += r;
    head = h;
  }
  return { headSeries: head, residentMemoryBytes: rss / 3 };
}

async function measureOnce(series: number, intervalSeconds: number): Promise<MemorySample> {
  const dir = mkdtempSync(join(tmpdir(), 'measure-memory-'));
  const standIn = await startStandIn(series);
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    const config = join(dir, 'prometheus.yml');
    writeFileSync(config, [
      'global:',
      `  scrape_interval: ${intervalSeconds}s`,
      `  scrape_timeout: ${intervalSeconds}s`,
      'scrape_configs:',
      '  - job_name: prometheus',
      '    static_configs:',
      `      - targets: ['${address}']`,
      '  - job_name: standin',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${standIn.port}']`,
      '',
    ].join('\n'));
    child = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=${address}`], { cwd: dir, stdio: 'ignore' });
    await waitForScrapes(address, 'standin', 1);
    await sleep(READ_AFTER_SECONDS * 1000);
    const m = await readMemory(address);
    return { standInSeries: series, intervalSeconds, headSeries: m.headSeries, samplesPerSecond: m.headSeries / intervalSeconds, residentMemoryBytes: m.residentMemoryBytes };
  } finally {
    if (child?.pid) {
      const exited = new Promise((ok) => child?.once('exit', ok));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    }
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Least squares fit of rss = a + b x series + c x samples/s (normal equations, 3 x 3). */
export function fitMemory(samples: readonly MemorySample[]): { baselineBytes: number; bytesPerSeries: number; bytesPerSamplePerSecond: number } {
  const rows = samples.map((s) => [1, s.headSeries, s.samplesPerSecond]);
  const y = samples.map((s) => s.residentMemoryBytes);
  const ata = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((n, r) => n + (r[i] ?? 0) * (r[j] ?? 0), 0)));
  const aty = [0, 1, 2].map((i) => rows.reduce((n, r, k) => n + (r[i] ?? 0) * (y[k] ?? 0), 0));
  const [a, b, c] = solve3(ata, aty);
  return { baselineBytes: a, bytesPerSeries: b, bytesPerSamplePerSecond: c };
}

function solve3(m: number[][], v: number[]): [number, number, number] {
  const a = m.map((row, i) => [...row, v[i] ?? 0]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] ?? [], a[col] ?? []];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = (a[r]?.[col] ?? 0) / (a[col]?.[col] ?? 1);
      for (let k = col; k < 4; k++) (a[r] as number[])[k] = (a[r]?.[k] ?? 0) - f * (a[col]?.[k] ?? 0);
    }
  }
  return [0, 1, 2].map((i) => (a[i]?.[3] ?? 0) / (a[i]?.[i] ?? 1)) as [number, number, number];
}

/** Cardinalities and intervals measured: the per-sample term needs the same series at two intervals. */
const PLAN: readonly { series: number; intervalSeconds: number }[] = [
  { series: 0, intervalSeconds: 1 },
  { series: 25_000, intervalSeconds: 1 },
  { series: 50_000, intervalSeconds: 1 },
  { series: 25_000, intervalSeconds: 5 },
  { series: 50_000, intervalSeconds: 5 },
];

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const versionRun = spawnSync('prometheus', ['--version'], { encoding: 'utf8' });
  const version = /version (\S+)/.exec(`${versionRun.stdout ?? ''}${versionRun.stderr ?? ''}`)?.[1] ?? 'unknown';
  const samples: MemorySample[] = [];
  for (const step of PLAN) {
    const s = await measureOnce(step.series, step.intervalSeconds);
    samples.push(s);
    if (!json) console.log(`stand-in ${s.standInSeries} series @${s.intervalSeconds}s: head ${s.headSeries} series, ${s.samplesPerSecond.toFixed(0)} samples/s, RSS ${(s.residentMemoryBytes / 2 ** 20).toFixed(1)} MiB`);
  }
  const fit = fitMemory(samples);
  if (json) {
    console.log(JSON.stringify({ prometheus: version, readAfterSeconds: READ_AFTER_SECONDS, samples, fit }, null, 2));
    return;
  }
  console.log(`prometheus ${version}, RSS read ${READ_AFTER_SECONDS} s after the first scrape:`);
  console.log(`  baseline ${(fit.baselineBytes / 2 ** 20).toFixed(1)} MiB (${Math.round(fit.baselineBytes)} bytes)`);
  console.log(`  per head series ${fit.bytesPerSeries.toFixed(0)} bytes`);
  console.log(`  per sample/s ${fit.bytesPerSamplePerSecond.toFixed(1)} bytes`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(`measure-memory: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
