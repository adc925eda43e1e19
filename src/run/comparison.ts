/**
 * Measured vs predicted for a local run: per server instance (series, samples/s, memory) and per
 * scrape or federation edge (samples/s), with the error in percent. Pure: the measurements come in
 * as numbers read by the host from the running processes.
 */
import type { InstanceLoad, LoadEstimate } from '../estimate/types.ts';
import type { LocalEdgeJob, LocalServerInstance } from './localTopology.ts';

export interface Figures {
  readonly series: number;
  readonly samplesPerSecond: number;
  readonly memoryBytes: number;
}

/** What was read from one running Prometheus instance (undefined fields: could not be read). */
export interface InstanceMeasurement {
  readonly up: boolean;
  readonly series?: number;
  readonly samplesPerSecond?: number;
  /** `process_resident_memory_bytes`. */
  readonly memoryBytes?: number;
  /** Why it is down: the last lines of its log, or the error of the last request. */
  readonly problem?: string;
}

export interface ServerComparison {
  readonly nodeId: string;
  readonly name: string;
  readonly instance: string;
  readonly url: string;
  readonly up: boolean;
  readonly predicted: Figures;
  /** Null while down or until every figure has been read. */
  readonly measured: Figures | null;
  /** (predicted - measured) / measured in percent, per figure; null where nothing was measured. */
  readonly errorPercent: { readonly series: number | null; readonly samplesPerSecond: number | null; readonly memoryBytes: number | null };
  readonly problem?: string;
}

export interface EdgeComparison {
  readonly id: string;
  readonly kind: 'scrape' | 'federation';
  readonly job: string;
  readonly predicted: { readonly samplesPerSecond: number };
  readonly measured: { readonly samplesPerSecond: number } | null;
  readonly errorPercent: number | null;
}

export interface RunComparison {
  readonly servers: readonly ServerComparison[];
  readonly edges: readonly EdgeComparison[];
}

/**
 * The predicted memory of one instance. The one place that says which estimate a measured
 * `process_resident_memory_bytes` is set against: a process-RSS estimate when the load model has
 * one (`residentMemoryBytes`), else the head memory.
 */
export function predictedMemoryBytes(load: InstanceLoad): number {
  if ('residentMemoryBytes' in load && typeof load.residentMemoryBytes === 'number') return load.residentMemoryBytes;
  return load.memoryBytes;
}

/** (predicted - measured) / measured in percent; null when nothing was measured. */
export function errorPercent(predicted: number, measured: number | undefined): number | null {
  if (measured === undefined || !Number.isFinite(measured)) return null;
  if (measured === 0) return predicted === 0 ? 0 : null;
  return ((predicted - measured) / measured) * 100;
}

/** Least-squares slope of (time in s, counter value) points: a rate that does not depend on where scrapes fall. */
export function counterSlope(points: readonly { readonly t: number; readonly value: number }[]): number | undefined {
  if (points.length < 2) return undefined;
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mv = points.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.value - mv);
    den += (p.t - mt) ** 2;
  }
  return den === 0 ? undefined : num / den;
}

const NO_FIGURES: Figures = { series: 0, samplesPerSecond: 0, memoryBytes: 0 };

function predictedOf(estimate: LoadEstimate, server: LocalServerInstance): Figures {
  const load = estimate.servers[server.nodeId]?.instances.find((i) => i.key === server.key);
  if (!load) return NO_FIGURES;
  return { series: load.activeSeries, samplesPerSecond: load.samplesPerSecond, memoryBytes: predictedMemoryBytes(load) };
}

/** Builds the comparison from the plan, the estimate of the private copy and what was measured. */
export function compareRun(
  servers: readonly LocalServerInstance[],
  edges: readonly LocalEdgeJob[],
  estimate: LoadEstimate,
  measuredServers: ReadonlyMap<string, InstanceMeasurement>,
  measuredEdges: ReadonlyMap<string, number>,
): RunComparison {
  return {
    servers: servers.filter((s) => !s.external).map((s) => {
      const m = measuredServers.get(s.address);
      const predicted = predictedOf(estimate, s);
      // Measured once every figure is known (samples/s needs two readings after the warm-up).
      const measured: Figures | null = m?.up && m.series !== undefined && m.samplesPerSecond !== undefined && m.memoryBytes !== undefined
        ? { series: m.series, samplesPerSecond: m.samplesPerSecond, memoryBytes: m.memoryBytes }
        : null;
      return {
        nodeId: s.nodeId,
        name: s.name,
        instance: s.instance,
        url: `http://${s.address}`,
        up: m?.up === true,
        predicted,
        measured,
        errorPercent: {
          series: errorPercent(predicted.series, measured?.series),
          samplesPerSecond: errorPercent(predicted.samplesPerSecond, measured?.samplesPerSecond),
          memoryBytes: errorPercent(predicted.memoryBytes, measured?.memoryBytes),
        },
        ...(m?.problem ? { problem: m.problem } : {}),
      };
    }),
    edges: edges.map((e) => {
      const predicted = estimate.edges[e.edgeId]?.samplesPerSecond ?? 0;
      const measured = measuredEdges.get(e.edgeId);
      return {
        id: e.edgeId,
        kind: e.kind,
        job: e.job,
        predicted: { samplesPerSecond: predicted },
        measured: measured === undefined ? null : { samplesPerSecond: measured },
        errorPercent: errorPercent(predicted, measured),
      };
    }),
  };
}
