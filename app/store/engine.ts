/**
 * The engine functions the designer derives its views from (diagnostics, load). Injected into the
 * store factory so tests can pass their own, and so the store does not care where they come from.
 */
import type { LoadEstimate } from '../../src/estimate/types.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { Topology } from '../../src/model/types.ts';

/** Load of one Prometheus server node (all its instances together), as shown on the canvas. */
export interface ServerLoadView {
  /** Active head series. */
  readonly activeSeries: number;
  /** Ingested samples per second. */
  readonly samplesPerSecond: number;
  /** Scrapes per second. */
  readonly scrapesPerSecond: number;
  /** Estimated head memory (TSDB head only), bytes. */
  readonly memoryBytes: number;
  /** Estimated process memory (RSS, what `process_resident_memory_bytes` shows), bytes. */
  readonly residentMemoryBytes?: number;
  /** Estimated disk for the retention, bytes. */
  readonly diskBytes: number;
  /** Extra memory of its remote_write queues and WAL reading (part of residentMemoryBytes); absent without remote_write. */
  readonly remoteWriteMemoryBytes?: number;
  /** Highest share of capacity used (0..1+, 1 = full); undefined when no capacity is known. */
  readonly utilisation?: number;
}

/** What flows along one edge. */
export interface EdgeLoadView {
  /** Series carried. */
  readonly series: number;
  /** Samples per second carried. */
  readonly samplesPerSecond: number;
  /** remote_write: bytes per second on the wire. */
  readonly bytesPerSecond?: number;
}

/** What a remote-write receiver (a Prometheus receiver or a store) ingests. */
export interface ReceiverLoadView {
  readonly samplesPerSecond: number;
  readonly activeSeries: number;
  /** HA replicas' copies of the same series among activeSeries. */
  readonly duplicateSeries: number;
}

/** Load per server node id and per edge id. */
export interface LoadView {
  readonly servers: ReadonlyMap<string, ServerLoadView>;
  readonly edges: ReadonlyMap<string, EdgeLoadView>;
  /** Per remote-write receiver node id; absent when nothing writes. */
  readonly receivers?: ReadonlyMap<string, ReceiverLoadView>;
  /** The load model's full estimate (per instance, capacities, bottlenecks), when computed by it. */
  readonly estimate?: LoadEstimate;
}

/** The pure functions the store derives views from. */
export interface DesignerEngine {
  readonly validate: (t: Topology) => readonly Diagnostic[];
  /**
   * The load of `t`. With the `previous` view (of the document before the edit), the server and edge
   * views whose figures did not change are the previous objects, so their cards do not re-render.
   */
  readonly estimate: (t: Topology, previous?: LoadView) => LoadView;
}

export const EMPTY_LOAD: LoadView = { servers: new Map(), edges: new Map() };

/** An engine with no findings and no load: for tests and until the real modules are wired. */
export const nullEngine: DesignerEngine = { validate: () => [], estimate: () => EMPTY_LOAD };
