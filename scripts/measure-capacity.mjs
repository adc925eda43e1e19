// Measures the capacity model's constants (src/capacity/constants.ts) on the real Prometheus here:
// starts a synthetic exporter (in this process) and Prometheus on 127.0.0.1 free ports, with data in
// a fresh temp dir, drives it through phases and reads Prometheus' own /metrics between them:
//
//   idle      nothing scraped                      -> baseline CPU (process_cpu_seconds_total)
//   ingest    JOBS jobs x SERIES series every 1s   -> CPU seconds per sample appended
//                                                     (prometheus_tsdb_head_samples_appended_total),
//                                                     WAL bytes per sample (wal/ on disk and
//                                                     prometheus_tsdb_wal_completed_pages_total),
//                                                     bytes on the wire per sample scraped (counted by
//                                                     the exporter, gzip as Prometheus asks for it),
//                                                     RSS per head series (process_resident_memory_bytes)
//   rules     + RULES aggregations every 1s         -> CPU seconds per rule evaluation
//                                                     (prometheus_rule_group_last_duration_seconds too)
//   federate  GET /federate with gzip               -> bytes on the wire per federated sample
//   node      the real node_exporter /metrics, gzip -> bytes per sample of a real exporter
//
//   node scripts/measure-capacity.mjs [--seconds 60] [--json]
//
// Prints one line per figure; every process is stopped by pid, also on failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const phaseSeconds = Number(args[args.indexOf('--seconds') + 1]) || 60;
const asJson = args.includes('--json');
const JOBS = 10;
const SERIES = 2000;
const RULES = 10;

const dir = mkdtempSync(join(tmpdir(), 'promtopo-capacity-'));
const children = [];

async function freePort() {
  const s = netServer();
  await new Promise((res, rej) => { s.once('error', rej); s.listen(0, '127.0.0.1', res); });
  const port = s.address().port;
  await new Promise((res) => s.close(res));
  return port;
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** GET with optional gzip; resolves to the body (decoded by the caller) and the bytes on the wire. */
function get(url, { gzip = false, method = 'GET' } = {}) {
  return new Promise((res, rej) => {
    const req = request(url, { method, headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 0, body: Buffer.concat(chunks), encoding: r.headers['content-encoding'] }));
    });
    req.on('error', rej);
    req.end();
  });
}

/** Samples (non-comment lines) of a text exposition. */
function sampleLines(text) {
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
}

/** Sum of the samples of one metric name in a text exposition (all label sets). */
function metric(text, name, labelFilter = '') {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (labelFilter && !rest.includes(labelFilter)) continue;
    const value = Number(line.trim().split(/\s+/).at(-1));
    if (Number.isFinite(value)) { sum += value; found = true; }
  }
  if (!found) throw new Error(`metric ${name}${labelFilter} not found in Prometheus' /metrics`);
  return sum;
}

function dirBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

// The synthetic exporter: SERIES counters in families of 100 with realistic labels; every scrape
// advances them (so the TSDB compresses real changing values). Counts the bytes it sends.
let exporterBytes = 0;
let exporterSamples = 0;
let tick = 0;
function exposition() {
  tick++;
  const lines = [];
  for (let f = 0; f < SERIES / 100; f++) {
    lines.push(`# HELP synthetic_requests_${f}_total Requests handled.`, `# TYPE synthetic_requests_${f}_total counter`);
    for (let i = 0; i < 100; i++) {
      lines.push(`synthetic_requests_${f}_total{handler="/api/v1/h${i % 50}",code="${200 + Math.floor(i / 50)}",method="${i % 2 ? 'GET' : 'POST'}"} ${tick * (i + 1) + (tick % 7)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
const exporter = createServer((req, res) => {
  const text = exposition();
  const gz = /gzip/.test(req.headers['accept-encoding'] ?? '');
  const body = gz ? gzipSync(text) : Buffer.from(text);
  exporterBytes += body.length;
  exporterSamples += SERIES;
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', ...(gz ? { 'content-encoding': 'gzip' } : {}) });
  res.end(body);
});

function config(exporterAddress, withRules) {
  const jobs = [...Array(JOBS).keys()].map((j) => `  - job_name: synthetic-${j}\n    static_configs:\n      - targets: ['${exporterAddress}']`);
  return `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n${withRules ? 'rule_files:\n  - rules.yml\n' : ''}scrape_configs:\n${jobs.join('\n')}\n`;
}

function rules() {
  const list = [...Array(RULES).keys()].map((r) => `      - record: job:synthetic_requests_${r % (SERIES / 100)}:rate1m_${r}\n        expr: sum by (job, code) (rate(synthetic_requests_${r % (SERIES / 100)}_total[1m]))`);
  return `groups:\n  - name: capacity\n    interval: 1s\n    rules:\n${list.join('\n')}\n`;
}

async function scrapeSelf(address) {
  const r = await get(`http://${address}/metrics`);
  return r.body.toString();
}

async function waitReady(address) {
  for (let i = 0; i < 120; i++) {
    try { if ((await get(`http://${address}/-/ready`)).status === 200) return; } catch { /* not yet */ }
    await sleep(500);
  }
  throw new Error(`Prometheus at ${address} did not become ready`);
}

async function snapshot(address, dataDir) {
  const text = await scrapeSelf(address);
  return {
    cpu: metric(text, 'process_cpu_seconds_total'),
    samples: metricOr(text, 'prometheus_tsdb_head_samples_appended_total'),
    series: metric(text, 'prometheus_tsdb_head_series'),
    rss: metric(text, 'process_resident_memory_bytes'),
    walPages: metric(text, 'prometheus_tsdb_wal_completed_pages_total'),
    walBytes: dirBytes(join(dataDir, 'wal')),
    ruleEvaluations: text.includes('prometheus_rule_evaluations_total') ? metricOr(text, 'prometheus_rule_evaluations_total') : 0,
    ruleGroupSeconds: text.includes('prometheus_rule_group_last_duration_seconds') ? metricOr(text, 'prometheus_rule_group_last_duration_seconds') : 0,
    exporterBytes,
    exporterSamples,
  };
}

function metricOr(text, name) {
  try { return metric(text, name); } catch { return 0; }
}

async function main() {
  const exporterPort = await freePort();
  await new Promise((res) => exporter.listen(exporterPort, '127.0.0.1', res));
  const promPort = await freePort();
  const address = `127.0.0.1:${promPort}`;
  const dataDir = join(dir, 'data');
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, 'global:\n  scrape_interval: 1s\nscrape_configs: []\n');
  writeFileSync(join(dir, 'rules.yml'), rules());
  const version = await new Promise((res) => {
    const p = spawn('prometheus', ['--version']);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', () => res(/version (\S+)/.exec(out)?.[1] ?? 'unknown'));
  });
  const prom = spawn('prometheus', [`--config.file=${configFile}`, `--storage.tsdb.path=${dataDir}`, `--web.listen-address=${address}`, '--web.enable-lifecycle'], { stdio: 'ignore' });
  children.push(prom);
  await waitReady(address);

  const reload = async (withRules) => {
    writeFileSync(configFile, config(`127.0.0.1:${exporterPort}`, withRules));
    const r = await get(`http://${address}/-/reload`, { method: 'POST' });
    if (r.status !== 200) throw new Error(`reload failed: ${r.status} ${r.body}`);
  };

  // idle
  await sleep(5000);
  const idle0 = await snapshot(address, dataDir);
  await sleep(phaseSeconds * 1000);
  const idle1 = await snapshot(address, dataDir);
  const idleCores = (idle1.cpu - idle0.cpu) / phaseSeconds;

  // ingest (a warm-up first: series creation and the first WAL records are not steady state)
  await reload(false);
  await sleep(10_000);
  const in0 = await snapshot(address, dataDir);
  await sleep(phaseSeconds * 1000);
  const in1 = await snapshot(address, dataDir);
  const seconds = phaseSeconds;
  const samplesPerSecond = (in1.samples - in0.samples) / seconds;
  const ingestCores = (in1.cpu - in0.cpu) / seconds;
  const cpuSecondsPerSample = (ingestCores - idleCores) / samplesPerSecond;
  const walBytesPerSample = (in1.walBytes - in0.walBytes) / (in1.samples - in0.samples);
  const walPageBytesPerSample = ((in1.walPages - in0.walPages) * 32 * 1024) / (in1.samples - in0.samples);
  const wireBytesPerSample = (in1.exporterBytes - in0.exporterBytes) / (in1.exporterSamples - in0.exporterSamples);
  const rssPerSeries = in1.rss / in1.series;

  // rules
  await reload(true);
  await sleep(10_000);
  const r0 = await snapshot(address, dataDir);
  await sleep(phaseSeconds * 1000);
  const r1 = await snapshot(address, dataDir);
  const ruleCores = (r1.cpu - r0.cpu) / seconds;
  const ruleSamplesPerSecond = (r1.samples - r0.samples) / seconds;
  const evaluationsPerSecond = (r1.ruleEvaluations - r0.ruleEvaluations) / seconds;
  // CPU beyond what ingesting the same samples/s costs, per rule evaluation.
  const cpuSecondsPerRuleEvaluation = (ruleCores - idleCores - ruleSamplesPerSecond * cpuSecondsPerSample) / evaluationsPerSecond;
  const ruleInputSeries = SERIES / (SERIES / 100) * JOBS;
  const groupSecondsPerRule = r1.ruleGroupSeconds / RULES;

  // federate
  const fed = await get(`http://${address}/federate?match[]=${encodeURIComponent('{job="synthetic-0"}')}`, { gzip: true });
  const { gunzipSync } = await import('node:zlib');
  const fedText = (fed.encoding === 'gzip' ? gunzipSync(fed.body) : fed.body).toString();
  const federateBytesPerSample = fed.body.length / sampleLines(fedText);

  // a real exporter
  const nodePort = await freePort();
  const node = spawn('prometheus-node-exporter', [`--web.listen-address=127.0.0.1:${nodePort}`], { stdio: 'ignore' });
  children.push(node);
  let nodeBytesPerSample = NaN;
  let nodeSamples = 0;
  for (let i = 0; i < 40 && !Number.isFinite(nodeBytesPerSample); i++) {
    await sleep(250);
    try {
      const r = await get(`http://127.0.0.1:${nodePort}/metrics`, { gzip: true });
      const text = (r.encoding === 'gzip' ? gunzipSync(r.body) : r.body).toString();
      nodeSamples = sampleLines(text);
      nodeBytesPerSample = r.body.length / nodeSamples;
    } catch { /* not up yet */ }
  }

  const results = {
    prometheus: version,
    phaseSeconds,
    idleCores,
    samplesPerSecond,
    ingestCores,
    cpuSecondsPerSample,
    cpuSecondsPerMillionSamples: cpuSecondsPerSample * 1e6,
    walBytesPerSample,
    walPageBytesPerSample,
    wireBytesPerSample,
    rssPerSeries,
    headSeries: in1.series,
    evaluationsPerSecond,
    ruleInputSeries,
    cpuSecondsPerRuleEvaluation,
    groupSecondsPerRule,
    federateBytesPerSample,
    nodeExporterSamples: nodeSamples,
    nodeExporterBytesPerSample: nodeBytesPerSample,
  };
  if (asJson) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const f = (n, d = 3) => (Number.isFinite(n) ? Number(n.toPrecision(d)).toString() : String(n));
  console.log(`prometheus ${version}, phases of ${phaseSeconds}s, ${JOBS} jobs x ${SERIES} series every 1s`);
  console.log(`idle: ${f(idleCores)} cores`);
  console.log(`ingest: ${f(samplesPerSecond)} samples/s, ${f(ingestCores)} cores -> ${f(cpuSecondsPerSample * 1e6)} core-seconds per million samples`);
  console.log(`wal: ${f(walBytesPerSample)} bytes/sample on disk (${f(walPageBytesPerSample)} from completed pages)`);
  console.log(`scrape wire: ${f(wireBytesPerSample)} bytes/sample (gzip, synthetic exporter)`);
  console.log(`node_exporter wire: ${f(nodeBytesPerSample)} bytes/sample (gzip, ${nodeSamples} samples)`);
  console.log(`federate wire: ${f(federateBytesPerSample)} bytes/sample (gzip)`);
  console.log(`rss: ${f(rssPerSeries)} bytes per head series (${in1.series} series)`);
  console.log(`rules: ${f(evaluationsPerSecond)} evaluations/s over ${ruleInputSeries} input series each -> ${f(cpuSecondsPerRuleEvaluation * 1e3)} ms CPU per evaluation (group last duration ${f(groupSecondsPerRule * 1e3)} ms per rule)`);
}

main()
  .catch((e) => {
    console.error(`measure-capacity: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) if (c.pid) { try { process.kill(c.pid, 'SIGTERM'); } catch { /* gone */ } }
    exporter.close();
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 1000);
  });
