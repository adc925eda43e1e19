/**
 * Predicted beside measured, per server instance: the estimate of the load model against what a
 * running Prometheus reports (src/import/serverSnapshot.ts). `memoryBytes` is process memory (RSS)
 * on both sides, since that is what a running server reports. The shape is the one of
 * `promtopo compare --json` and `promtopo run --json` (docs/cli.md).
 */
import type { Topology } from '../model/types.ts';
import type { ServerSnapshot } from '../import/serverSnapshot.ts';
import type { InstanceLoad, LoadEstimate } from './types.ts';

/** The three figures compared. */
export interface LoadFigures {
  readonly series: number;
  readonly samplesPerSecond: number;
  /** Process memory (RSS), bytes. */
  readonly memoryBytes: number;
}

export interface ServerComparison {
  /** Server node name. */
  readonly name: string;
  /** Instance key (`''` for a plain server, `a`, `shard-0`, ...). */
  readonly instance: string;
  readonly url: string;
  /** The server answered. */
  readonly up: boolean;
  readonly predicted: LoadFigures;
  /** Null when the server did not answer (`error` says why). */
  readonly measured: LoadFigures | null;
  readonly error?: string;
}

export interface Comparison {
  readonly servers: readonly ServerComparison[];
  /** Per-edge traffic is measured by `promtopo run` only; compare reads servers. */
  readonly edges: readonly never[];
}

/** A `--server NAME[/INSTANCE]=URL` link resolved against the document. */
export interface ServerLink {
  readonly name: string;
  readonly instance: string;
  readonly url: string;
}

export type ResolvedLink = { ok: true; link: ServerLink; load: InstanceLoad } | { ok: false; error: string };

/**
 * Finds the instance a link names: `NAME` for a one-instance server, `NAME/KEY` for an HA replica or
 * hashmod shard (`leaf/a`, `shards/shard-0`). Errors name the server and list what exists.
 */
export function resolveLink(topology: Topology, estimate: LoadEstimate, spec: { name: string; url: string }): ResolvedLink {
  const [name = '', instance] = spec.name.split('/', 2);
  const node = topology.nodes.find((n) => n.kind === 'prometheus' && (n.name === name || n.id === name));
  if (!node) {
    const names = topology.nodes.filter((n) => n.kind === 'prometheus').map((n) => n.name);
    return { ok: false, error: `no Prometheus server "${name}" in ${topology.name || 'the document'} (servers: ${names.join(', ') || 'none'})` };
  }
  const load = estimate.servers[node.id];
  if (!load) return { ok: false, error: `server ${node.name}: no estimate (see promtopo validate)` };
  const keys = load.instances.map((i) => i.key);
  if (instance === undefined) {
    if (load.instances.length !== 1) return { ok: false, error: `server ${node.name} has ${load.instances.length} instances (${keys.join(', ')}): give ${node.name}/INSTANCE=URL` };
    const only = load.instances[0];
    if (!only) return { ok: false, error: `server ${node.name}: no instance` };
    return { ok: true, link: { name: node.name, instance: only.key, url: spec.url }, load: only };
  }
  const found = load.instances.find((i) => i.key === instance);
  if (!found) return { ok: false, error: `server ${node.name} has no instance "${instance}" (instances: ${keys.join(', ')})` };
  return { ok: true, link: { name: node.name, instance: found.key, url: spec.url }, load: found };
}

/** The predicted figures of one instance (memory: the RSS estimate). */
export function predictedFigures(load: InstanceLoad): LoadFigures {
  return { series: load.activeSeries, samplesPerSecond: load.samplesPerSecond, memoryBytes: load.residentMemoryBytes };
}

/** One row: predicted beside measured (or the reason nothing was measured). */
export function compareInstance(link: ServerLink, load: InstanceLoad, measured: { ok: true; snapshot: ServerSnapshot } | { ok: false; error: string }): ServerComparison {
  const base = { name: link.name, instance: link.instance, url: link.url, predicted: predictedFigures(load) };
  if (!measured.ok) return { ...base, up: false, measured: null, error: measured.error };
  const s = measured.snapshot;
  return { ...base, up: true, measured: { series: s.series, samplesPerSecond: s.samplesPerSecond, memoryBytes: s.residentMemoryBytes ?? 0 } };
}

/** (predicted - measured) / measured, or undefined when nothing was measured. */
export function relativeDifference(predicted: number, measured: number | undefined): number | undefined {
  if (measured === undefined || measured === 0) return undefined;
  return (predicted - measured) / measured;
}
