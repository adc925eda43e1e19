/**
 * The Load panel's remote-write tables from the load model's estimate: one row per remote_write edge
 * (what it ships, the queue shards it needs against its max_shards, the sender's extra memory) and one
 * per receiver (what it ingests). Pure; names come from the document.
 */
import type { LoadEstimate } from '../../../src/estimate/types.ts';
import type { Topology } from '../../../src/model/types.ts';

export interface RemoteWriteRow {
  readonly id: string;
  /** `sender -> receiver` by node name. */
  readonly name: string;
  readonly samplesPerSecond: number;
  readonly bytesPerSecond: number;
  readonly shardsNeeded: number;
  readonly maxShards: number;
  /** Shards needed exceed max_shards: the queue falls behind. */
  readonly overShards: boolean;
  readonly senderMemoryBytes: number;
}

export interface ReceiverRow {
  readonly id: string;
  readonly name: string;
  readonly samplesPerSecond: number;
  readonly activeSeries: number;
  readonly duplicateSeries: number;
}

/** Rows in document order of the edges and receivers; empty when nothing writes. */
export function remoteWriteRows(document: Topology, estimate: Pick<LoadEstimate, 'edges' | 'receivers'>): { edges: RemoteWriteRow[]; receivers: ReceiverRow[] } {
  const names = new Map(document.nodes.map((n) => [n.id, n.name] as const));
  const edges: RemoteWriteRow[] = [];
  for (const edge of document.edges) {
    if (edge.kind !== 'remote_write') continue;
    const load = estimate.edges[edge.id];
    if (load?.kind !== 'remote_write') continue;
    edges.push({
      id: edge.id,
      name: `${names.get(edge.server) ?? edge.server} → ${names.get(edge.receiver) ?? edge.receiver}`,
      samplesPerSecond: load.samplesPerSecond,
      bytesPerSecond: load.bytesPerSecond,
      shardsNeeded: load.shardsNeeded,
      maxShards: load.maxShards,
      overShards: load.shardsNeeded > load.maxShards,
      senderMemoryBytes: load.senderExtraMemoryBytes,
    });
  }
  const receivers: ReceiverRow[] = [];
  for (const node of document.nodes) {
    const load = estimate.receivers[node.id];
    if (!load) continue;
    receivers.push({ id: node.id, name: node.name, samplesPerSecond: load.samplesPerSecond, activeSeries: load.activeSeries, duplicateSeries: load.duplicateSeries });
  }
  return { edges, receivers };
}
