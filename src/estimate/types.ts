/**
 * What the load model returns: per Prometheus server node (and each of its instances), per scrape and
 * federation edge, per target group. Plain data keyed by document id, so a canvas node can subscribe to
 * its own slice (`estimate.servers[id]`).
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Bytes, SamplesPerSecond, Seconds, SeriesCount, ServerRole } from '../model/types.ts';

/** Resources a Prometheus instance can run out of (the fields of `Capacity`). */
export const LOAD_RESOURCES = ['activeSeries', 'samplesPerSecond', 'memoryBytes', 'diskBytes'] as const;
export type LoadResource = (typeof LOAD_RESOURCES)[number];

/** Where a server's active series come from. */
export interface SeriesBreakdown {
  /** Series exposed by scraped targets (targets x series per target). */
  readonly scraped: SeriesCount;
  /** Prometheus' own per-target series (`up`, `scrape_duration_seconds`, ...: 5 per target, federation targets included). */
  readonly synthetic: SeriesCount;
  /** Series pulled from `/federate` of other servers. */
  readonly federated: SeriesCount;
  /** Series written by the server's recording rules. */
  readonly rules: SeriesCount;
}

/** Load of one concrete Prometheus process (a plain server, one HA replica, one hashmod shard). */
export interface InstanceLoad {
  /** Instance key as in model/instances.ts (`''`, `a`, `shard-0`, `shard-0-a`). */
  readonly key: string;
  readonly address: string;
  readonly shard?: number;
  readonly replica?: number;
  /** Head series of this instance. */
  readonly activeSeries: SeriesCount;
  /** Samples appended per second (scrapes, federation, rule evaluations). */
  readonly samplesPerSecond: SamplesPerSecond;
  /** Scrapes per second (targets and /federate requests). */
  readonly scrapesPerSecond: number;
  /** Head memory: active series x bytes per series (the TSDB head only, not the whole process). */
  readonly memoryBytes: Bytes;
  /**
   * Process memory (RSS, what `process_resident_memory_bytes` and `top` show): a measured baseline
   * plus a term per head series and per sample/s (constants.ts, docs/load-model.md).
   */
  readonly residentMemoryBytes: Bytes;
  /** Disk for the retention: retention x samples/s x bytes per sample. */
  readonly diskBytes: Bytes;
  /** Targets this instance scrapes (federation targets included). */
  readonly targets: number;
  readonly series: SeriesBreakdown;
  /** used / capacity per resource that has a capacity. */
  readonly utilisationBy: Partial<Readonly<Record<LoadResource, number>>>;
}

/** Load of one Prometheus server node: all its instances together (HA doubles storage). */
export interface ServerLoad {
  readonly id: string;
  readonly name: string;
  readonly role: ServerRole;
  /** Replicas x shards. */
  readonly instanceCount: number;
  /** Sum over instances. */
  readonly activeSeries: SeriesCount;
  readonly samplesPerSecond: SamplesPerSecond;
  readonly scrapesPerSecond: number;
  /** Head memory, summed over instances. */
  readonly memoryBytes: Bytes;
  /** Process memory (RSS) summed over instances: each instance pays the baseline (remote_write's extra memory included). */
  readonly residentMemoryBytes: Bytes;
  /** Extra memory of its remote_write queues and WAL reading, all instances (part of residentMemoryBytes); absent without remote_write. */
  readonly remoteWriteMemoryBytes?: Bytes;
  readonly diskBytes: Bytes;
  readonly series: SeriesBreakdown;
  /** Capacity of ONE instance (the server's, else the document's, else the model's defaults). */
  readonly capacity: Partial<Readonly<Record<LoadResource, number>>>;
  /**
   * Highest used/capacity ratio over resources and instances (1 = full), i.e. of the busiest
   * instance against one instance's capacity; undefined when no capacity is known.
   */
  readonly utilisation: number | undefined;
  /** Per resource, the highest ratio over the instances. */
  readonly utilisationBy: Partial<Readonly<Record<LoadResource, number>>>;
  /** The resource behind `utilisation`. */
  readonly bottleneck: LoadResource | undefined;
  /** Key of the instance behind `utilisation` (the busiest). */
  readonly busiestInstance: string;
  readonly instances: readonly InstanceLoad[];
}

/** What flows along a scrape or federation edge (all instances of the scraping server together). */
export interface EdgeLoad {
  readonly id: string;
  readonly kind: 'scrape' | 'federation';
  /** Series carried (scrape: exposed + synthetic per target; federation: what /federate returns). */
  readonly series: SeriesCount;
  readonly samplesPerSecond: SamplesPerSecond;
  /** Scrape requests per second along the edge. */
  readonly scrapesPerSecond: number;
  /** Interval the edge is scraped at. */
  readonly intervalSeconds: Seconds;
  /** Federation: the largest single /federate response (series per request). */
  readonly seriesPerRequest?: SeriesCount;
}

/** What one remote_write edge carries (all instances of the sender, times the receiver's instances). */
export interface RemoteWriteLoad extends Omit<EdgeLoad, 'kind'> {
  readonly kind: 'remote_write';
  /** Bytes per second on the wire (snappy-compressed protobuf). */
  readonly bytesPerSecond: number;
  /** Queue shards the busiest sender instance needs: samples/s x latency / max_samples_per_send (at least min_shards). */
  readonly shardsNeeded: number;
  /** The edge's max_shards: above it, the queue falls behind. */
  readonly maxShards: number;
  /** The round-trip time assumed per send. */
  readonly latencySeconds: Seconds;
  /** Extra memory on the sender, all instances: WAL reading plus shards x capacity queued samples. */
  readonly senderExtraMemoryBytes: Bytes;
}

/** What a remote-write receiver (a Prometheus receiver or a store) ingests from its writers. */
export interface ReceiverLoad {
  readonly id: string;
  readonly samplesPerSecond: SamplesPerSecond;
  /** Active series written into it (HA duplicates included unless it deduplicates at ingest). */
  readonly activeSeries: SeriesCount;
  /** The part of activeSeries that are HA replicas' copies of the same series. */
  readonly duplicateSeries: SeriesCount;
  /** Sender instances writing to it. */
  readonly writers: number;
}

/** How many series a target group's targets expose and who scrapes them. */
export interface TargetGroupLoad {
  readonly id: string;
  readonly targets: number;
  /** Series one target exposes. */
  readonly seriesPerTarget: SeriesCount;
  /** Where `seriesPerTarget` comes from: the group, a running server (import from a server), its exporter catalog, or the model's default. */
  readonly seriesSource: 'group' | 'measured' | 'catalog' | 'default';
  /** Prometheus instances scraping each target (HA replicas each scrape it). */
  readonly scrapersPerTarget: number;
  /** Scrapes per second each target serves. */
  readonly scrapesPerSecondPerTarget: number;
}

/** The estimate for a whole document. */
export interface LoadEstimate {
  readonly servers: Readonly<Record<string, ServerLoad>>;
  readonly edges: Readonly<Record<string, EdgeLoad | RemoteWriteLoad>>;
  /** Per remote-write receiver id (Prometheus receivers and stores): what its writers send it. */
  readonly receivers: Readonly<Record<string, ReceiverLoad>>;
  readonly targetGroups: Readonly<Record<string, TargetGroupLoad>>;
  /** Over all servers and instances. */
  readonly totals: { readonly activeSeries: SeriesCount; readonly samplesPerSecond: SamplesPerSecond; readonly memoryBytes: Bytes; readonly residentMemoryBytes: Bytes; readonly diskBytes: Bytes };
  /** `load/...` findings (see docs/load-model.md), sorted. */
  readonly diagnostics: readonly Diagnostic[];
}
