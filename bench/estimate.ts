// Benchmark of the load model: estimateLoad over topologies of 10, 100 and 1,000 Prometheus servers
// (leaves scraping node_exporter and themselves with recording rules, globals federating `job:` rules
// and `up` from them), with the built-in catalogs. Target: under 50 ms at 1,000 servers.
//
//   npx tsx bench/estimate.ts
import { performance } from 'node:perf_hooks';
import { builtinCatalogs } from '../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../src/estimate/estimateLoad.ts';
import { TopologySchema } from '../src/model/schema.ts';
import type { Topology } from '../src/model/types.ts';

/** Target: 1,000 servers estimated in under this many milliseconds. */
export const ESTIMATE_BUDGET_MS = 50;

/** `servers` Prometheus nodes: one global per 100, the rest leaves spread over them. */
export function benchTopology(servers: number): Topology {
  const globals = Math.max(1, Math.round(servers / 100));
  const leaves = servers - globals;
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  const position = { x: 0, y: 0 };
  for (let g = 0; g < globals; g++) {
    nodes.push({ id: `global-${g}`, kind: 'prometheus', role: 'global', name: `global-${g}`, address: `global-${g}:9090`, position, ha: { replicas: 2 } });
  }
  for (let l = 0; l < leaves; l++) {
    const id = `leaf-${l}`;
    nodes.push({
      id, kind: 'prometheus', role: 'leaf', name: id, address: `${id}:9090`, position,
      externalLabels: { dc: `dc-${l}` },
      ruleGroups: [{ name: 'node', rules: [
        { record: 'instance:node_cpu:rate5m', expr: 'sum without (cpu, mode) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))' },
        { record: 'job:node_cpu:rate5m', expr: 'sum by (job) (instance:node_cpu:rate5m)' },
        { record: 'job:up:sum', expr: 'sum by (job) (up)' },
      ] }],
    });
    nodes.push({ id: `${id}-node`, kind: 'targets', name: 'node', exporter: 'node_exporter', count: 20 + (l % 30), position });
    nodes.push({ id: `${id}-self`, kind: 'targets', name: 'prometheus', exporter: 'prometheus', targets: [`${id}:9090`], position });
    edges.push({ id: `${id}-s1`, kind: 'scrape', server: id, targets: `${id}-node` });
    edges.push({ id: `${id}-s2`, kind: 'scrape', server: id, targets: `${id}-self` });
    edges.push({ id: `${id}-f`, kind: 'federation', server: `global-${l % globals}`, source: id, match: ['{__name__=~"job:.*"}', 'up'] });
  }
  return TopologySchema.parse({ format: 'promtopo', version: 1, name: `bench ${servers}`, nodes, edges });
}

function median(times: number[]): number {
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/**
 * Median ms of estimateLoad on a freshly built document each run (nothing reused): wall time, and
 * CPU time of the process (less distorted when other processes compete for the cores).
 */
export function timeCold(servers: number, runs = 7): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = benchTopology(servers);
    const usage = process.cpuUsage();
    const start = performance.now();
    estimateLoad(t, builtinCatalogs);
    const used = process.cpuUsage(usage);
    if (i === 0) continue; // the first run warms the JIT
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Median ms of estimateLoad after a what-if edit (one leaf's target count changes each run). */
export function timeWhatIf(servers: number, runs = 7): number {
  let t = benchTopology(servers);
  estimateLoad(t, builtinCatalogs);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = { ...t, nodes: t.nodes.map((n) => (n.id === 'leaf-0-node' && n.kind === 'targets' ? { ...n, count: (n.count ?? 0) + 1 } : n)) };
    const start = performance.now();
    estimateLoad(t, builtinCatalogs);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Runs the benchmark, prints one line per size; returns false when 1,000 servers miss the budget. */
export function runEstimateBench(): boolean {
  let ok = true;
  for (const n of [10, 100, 1000]) {
    const cold = timeCold(n);
    const whatIf = timeWhatIf(n);
    const e = estimateLoad(benchTopology(n), builtinCatalogs);
    const within = n < 1000 || cold.wall < ESTIMATE_BUDGET_MS;
    ok &&= within;
    console.log(`estimateLoad ${String(n).padStart(5)} servers: cold ${cold.wall.toFixed(1).padStart(7)} ms (cpu ${cold.cpu.toFixed(1)} ms), after a what-if edit ${whatIf.toFixed(1).padStart(6)} ms (medians of 7)` +
      `  [${Math.round(e.totals.activeSeries).toLocaleString('en')} series]` +
      (n === 1000 ? `  target < ${ESTIMATE_BUDGET_MS} ms: ${within ? 'ok' : 'MISSED'}` : ''));
  }
  return ok;
}

if (process.argv[1] && import.meta.filename && process.argv[1].endsWith('bench/estimate.ts')) {
  if (!runEstimateBench()) process.exitCode = 1;
}
