/**
 * The load of remote_write: per edge, what the sender ships (samples/s, bytes/s on the wire, queue
 * shards needed, the sender's extra memory); per receiver, what it ingests (samples/s, active series,
 * HA duplicates unless deduplicated). Formulas and sources: docs/load-model.md#remote-write.
 */
import { durationMs } from '../model/duration.ts';
import { serverInstances } from '../model/instances.ts';
import { isReceiverKind } from '../model/receivers.ts';
import { QUEUE_DEFAULTS } from '../model/remoteWriteDefaults.ts';
import type { PrometheusNode, RemoteWriteEdge, Topology } from '../model/types.ts';
import type { InstanceLoad, ReceiverLoad, RemoteWriteLoad, ServerLoad } from './types.ts';

/**
 * Bytes on the wire per sample: snappy-compressed remote-write 1.0 protobuf, measured here between
 * Prometheus 2.42 agents and a receiver (`prometheus_remote_storage_bytes_total` /
 * `prometheus_remote_storage_samples_total`: 23.7 with node_exporter series and a 1s batch deadline,
 * so few samples per send); test/live/remoteWrite.test.ts prints the measured figure each run.
 */
export const WIRE_BYTES_PER_SAMPLE = 24;

/** Round-trip time of one send assumed when neither the edge nor the document sets one. */
export const DEFAULT_REMOTE_WRITE_LATENCY_MS = 100;

/**
 * Memory of one queued sample in a shard's queue: its series reference, timestamp and value, and
 * its share of the labels held for the send (an assumption, sized on Prometheus' queue_manager structs).
 */
export const QUEUED_SAMPLE_BYTES = 128;

/**
 * Extra memory of the WAL reading remote_write does, as a share of the sender's head memory: "most
 * users report ~25% increased memory usage" (prometheus.io/docs/practices/remote_write/).
 */
export const WAL_READ_MEMORY_SHARE = 0.25;

function latencySeconds(edge: RemoteWriteEdge, t: Topology): number {
  const ms = durationMs(edge.assumedLatency ?? t.settings.load?.remoteWriteLatency ?? '') ?? DEFAULT_REMOTE_WRITE_LATENCY_MS;
  return Math.max(ms, 1) / 1000;
}

/** Receiver instances that each get a copy (every instance of a Prometheus receiver; one store). */
function copies(t: Topology, edge: RemoteWriteEdge): number {
  const receiver = t.nodes.find((n) => n.id === edge.receiver);
  return receiver?.kind === 'prometheus' ? serverInstances(receiver).length : 1;
}

/** True when the receiver keeps one replica of this HA sender (ingest dedup on its replica label). */
function dedupAtIngest(t: Topology, sender: PrometheusNode, edge: RemoteWriteEdge): boolean {
  const receiver = t.nodes.find((n) => n.id === edge.receiver);
  if (!receiver || !isReceiverKind(receiver.kind) || receiver.kind === 'thanos-receive' || !sender.ha) return false;
  return 'dedup' in receiver && receiver.dedup?.replicaLabel === sender.ha.replicaLabel;
}

/** The remote_write loads, from the servers' loads. */
export function remoteWriteLoads(t: Topology, servers: Readonly<Record<string, ServerLoad>>): { edges: Record<string, RemoteWriteLoad>; receivers: Record<string, ReceiverLoad> } {
  const edges: Record<string, RemoteWriteLoad> = {};
  const receivers: Record<string, { samplesPerSecond: number; activeSeries: number; duplicateSeries: number; writers: number }> = {};
  for (const edge of t.edges) {
    if (edge.kind !== 'remote_write') continue;
    const sender = t.nodes.find((n): n is PrometheusNode => n.kind === 'prometheus' && n.id === edge.server);
    const load = sender ? servers[sender.id] : undefined;
    if (!sender || !load) continue;
    const n = copies(t, edge);
    const q = edge.queueConfig ?? {};
    const perSend = q.maxSamplesPerSend ?? QUEUE_DEFAULTS.maxSamplesPerSend;
    const capacity = q.capacity ?? QUEUE_DEFAULTS.capacity;
    const minShards = q.minShards ?? QUEUE_DEFAULTS.minShards;
    const maxShards = q.maxShards ?? QUEUE_DEFAULTS.maxShards;
    const latency = latencySeconds(edge, t);
    // Throughput of one shard = max_samples_per_send / latency; the busiest instance sets the need.
    const busiest = Math.max(0, ...load.instances.map((i) => i.samplesPerSecond));
    const shardsNeeded = Math.max(minShards, Math.ceil((busiest * latency) / Math.max(1, perSend)));
    const instanceMemory = Math.max(0, ...load.instances.map((i) => i.memoryBytes));
    const queueMemory = Math.min(shardsNeeded, maxShards) * capacity * QUEUED_SAMPLE_BYTES;
    const samplesPerSecond = load.samplesPerSecond * n;
    edges[edge.id] = {
      id: edge.id,
      kind: 'remote_write',
      series: load.activeSeries * n,
      samplesPerSecond,
      scrapesPerSecond: 0,
      intervalSeconds: 0,
      bytesPerSecond: samplesPerSecond * WIRE_BYTES_PER_SAMPLE,
      shardsNeeded,
      maxShards,
      latencySeconds: latency,
      senderExtraMemoryBytes: (instanceMemory * WAL_READ_MEMORY_SHARE + queueMemory) * load.instanceCount,
    };
    const replicas = sender.ha?.replicas ?? 1;
    const kept = dedupAtIngest(t, sender, edge) ? 1 / replicas : 1;
    const acc = receivers[edge.receiver] ?? { samplesPerSecond: 0, activeSeries: 0, duplicateSeries: 0, writers: 0 };
    acc.samplesPerSecond += load.samplesPerSecond * kept;
    acc.activeSeries += load.activeSeries * kept;
    acc.duplicateSeries += replicas > 1 && kept === 1 ? load.activeSeries * (1 - 1 / replicas) : 0;
    acc.writers += load.instanceCount;
    receivers[edge.receiver] = acc;
  }
  const out: Record<string, ReceiverLoad> = {};
  for (const [id, r] of Object.entries(receivers)) out[id] = { id, ...r };
  return { edges, receivers: out };
}

/**
 * The servers' loads with each sender's remote_write extra memory added to its process memory (RSS):
 * every instance carries its share of each of its edges' `senderExtraMemoryBytes`. Servers without
 * remote_write are returned as the same objects.
 */
export function withRemoteWriteMemory(
  servers: Readonly<Record<string, ServerLoad>>,
  t: Topology,
  edges: Readonly<Record<string, RemoteWriteLoad>>,
): Record<string, ServerLoad> {
  const extra = new Map<string, number>();
  for (const edge of t.edges) {
    if (edge.kind !== 'remote_write') continue;
    const load = edges[edge.id];
    if (load) extra.set(edge.server, (extra.get(edge.server) ?? 0) + load.senderExtraMemoryBytes);
  }
  const out: Record<string, ServerLoad> = { ...servers };
  for (const [id, bytes] of extra) {
    const load = servers[id];
    if (!load || bytes === 0) continue;
    const share = bytes / Math.max(1, load.instanceCount);
    const instances: InstanceLoad[] = load.instances.map((i) => ({ ...i, residentMemoryBytes: i.residentMemoryBytes + share }));
    out[id] = { ...load, instances, residentMemoryBytes: load.residentMemoryBytes + bytes, remoteWriteMemoryBytes: bytes };
  }
  return out;
}
