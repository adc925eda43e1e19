/**
 * What the canvas shows of a local run: per server node its instances together (up n/m, measured
 * vs predicted series, samples/s and memory with the error in percent), per edge its measured
 * samples/s. Pure functions over the host's status answer.
 */
import type { HostResponse } from '../../../src/host-api.ts';

export type LocalRunStatus = NonNullable<HostResponse<'localRunStatus'>['status']>;

export interface ServerRunView {
  readonly up: number;
  readonly instances: number;
  readonly predicted: { readonly series: number; readonly samplesPerSecond: number; readonly memoryBytes: number };
  /** Null until every up instance has been measured. */
  readonly measured: { readonly series: number; readonly samplesPerSecond: number; readonly memoryBytes: number } | null;
  readonly errorPercent: { readonly series: number | null; readonly samplesPerSecond: number | null };
  /** The first problem of a down instance (its last log lines). */
  readonly problem?: string;
}

function errorPercent(predicted: number, measured: number | undefined): number | null {
  if (measured === undefined || !Number.isFinite(measured) || measured === 0) return null;
  return ((predicted - measured) / measured) * 100;
}

/** The run as seen on one server node, or undefined when the node has no instance in the run. */
export function serverRunView(status: LocalRunStatus, nodeId: string): ServerRunView | undefined {
  const instances = status.servers.filter((s) => s.nodeId === nodeId);
  if (instances.length === 0) return undefined;
  const sum = (f: (s: (typeof instances)[number]) => number) => instances.reduce((n, s) => n + f(s), 0);
  const predicted = { series: sum((s) => s.predicted.series), samplesPerSecond: sum((s) => s.predicted.samplesPerSecond), memoryBytes: sum((s) => s.predicted.memoryBytes) };
  const all = instances.every((s) => s.measured !== null);
  const measured = all
    ? { series: sum((s) => s.measured?.series ?? 0), samplesPerSecond: sum((s) => s.measured?.samplesPerSecond ?? 0), memoryBytes: sum((s) => s.measured?.memoryBytes ?? 0) }
    : null;
  const problem = instances.find((s) => s.problem)?.problem;
  return {
    up: instances.filter((s) => s.up).length,
    instances: instances.length,
    predicted,
    measured,
    errorPercent: { series: errorPercent(predicted.series, measured?.series), samplesPerSecond: errorPercent(predicted.samplesPerSecond, measured?.samplesPerSecond) },
    ...(problem ? { problem } : {}),
  };
}

/** Measured samples/s of an edge, when measured. */
export function edgeRunSamples(status: LocalRunStatus, edgeId: string): number | undefined {
  return status.edges.find((e) => e.id === edgeId)?.measured?.samplesPerSecond;
}

/** `+4.2%` / `-12.0%` / `-`. */
export function formatError(percent: number | null): string {
  return percent === null ? '-' : `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}
