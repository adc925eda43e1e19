/**
 * What PromTopo knows about the nodes that take remote_write or serve a global view: each receiver
 * kind's ingest path, query path and default ports (from each project's documentation; see
 * docs/bundle.md#remote-write-and-a-global-view), and which nodes can ingest, be queried or serve a
 * StoreAPI.
 */
import type { PrometheusNode, ReceiverKind, TopologyNode } from './types.ts';
import { RECEIVER_KINDS } from './schema.ts';

export interface ReceiverFacts {
  /** Name as written in messages and on the canvas. */
  readonly title: string;
  /** HTTP path that accepts remote_write. */
  readonly writePath: string;
  /** Base of the Prometheus-compatible query API, appended to `http://<address>`; undefined: none. */
  readonly queryPath: string | undefined;
  /** Port of `address` in a new node. */
  readonly defaultPort: number;
  /** Deduplicates HA pairs at ingest when `dedup` is set. */
  readonly ingestDedup: boolean;
  /** Where the paths come from. */
  readonly source: string;
}

export const RECEIVERS: Readonly<Record<ReceiverKind, ReceiverFacts>> = {
  mimir: {
    title: 'Grafana Mimir',
    writePath: '/api/v1/push',
    queryPath: '/prometheus',
    defaultPort: 8080,
    ingestDedup: true,
    source: 'grafana.com/docs/mimir/latest/references/http-api/ (distributor push, Prometheus query API under the prefix /prometheus); HA tracker: configure-high-availability-deduplication',
  },
  'thanos-receive': {
    title: 'Thanos Receive',
    writePath: '/api/v1/receive',
    queryPath: undefined,
    defaultPort: 19291,
    ingestDedup: false,
    source: 'thanos.io/tip/components/receive.md (--remote-write.address default 0.0.0.0:19291, path /api/v1/receive; queried through a Thanos querier over its StoreAPI)',
  },
  victoriametrics: {
    title: 'VictoriaMetrics',
    writePath: '/api/v1/write',
    queryPath: '',
    defaultPort: 8428,
    ingestDedup: true,
    source: 'docs.victoriametrics.com/single-server-victoriametrics/ (-httpListenAddr :8428, remote_write to /api/v1/write, Prometheus query API at /; deduplication with -dedup.minScrapeInterval)',
  },
};

/** The remote-write path of a Prometheus with `--web.enable-remote-write-receiver`. */
export const PROMETHEUS_WRITE_PATH = '/api/v1/write';

/** Default gRPC port of a Thanos Receive's StoreAPI (`--grpc-address`). */
export const THANOS_RECEIVE_GRPC_PORT = 10901;

export function isReceiverKind(kind: string): kind is ReceiverKind {
  return (RECEIVER_KINDS as readonly string[]).includes(kind);
}

export function isAgent(server: PrometheusNode): boolean {
  return server.mode === 'agent';
}

/** True when remote_write to this node is ingested (a receiver kind, or a Prometheus server with the receiver on). */
export function canIngestRemoteWrite(node: TopologyNode): boolean {
  if (isReceiverKind(node.kind)) return true;
  return node.kind === 'prometheus' && node.remoteWriteReceiver === true && !isAgent(node);
}

/** True when Grafana can query this node with the Prometheus API. */
export function hasQueryApi(node: TopologyNode): boolean {
  if (node.kind === 'prometheus') return !isAgent(node);
  if (node.kind === 'thanos-querier') return true;
  if (isReceiverKind(node.kind)) return RECEIVERS[node.kind].queryPath !== undefined;
  return false;
}

/** True when a Thanos querier can read this node over the StoreAPI. */
export function servesStoreApi(node: TopologyNode): boolean {
  if (node.kind === 'prometheus') return node.thanosSidecar !== undefined && !isAgent(node);
  return node.kind === 'thanos-receive';
}
