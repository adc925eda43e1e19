/**
 * The concrete Prometheus instances behind one server node: one, or one per HA replica, or one per
 * hashmod shard, or shards x replicas. Ordered by shard, then replica.
 */
import type { PrometheusNode } from './types.ts';

export interface ServerInstance {
  /** Stable key used in file names: `''` for a plain server, `a`, `shard-0`, `shard-0-a`. */
  readonly key: string;
  /** Replica index (0 = `a`) when the server is an HA group. */
  readonly replica?: number;
  /** Replica label value (`a`, `b`, ...) when the server is an HA group. */
  readonly replicaValue?: string;
  /** Shard number when the server is hashmod-sharded. */
  readonly shard?: number;
  /** `host:port` this instance listens on. */
  readonly address: string;
  /** Position in the instance list (index into instanceAddresses). */
  readonly index: number;
}

/** `a`, `b`, ..., `z`, `aa`, `ab`, ... */
export function replicaValue(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

const replicaKey = replicaValue;

/** The replica label value of replica `index`: the server's replicaValues entry, else `a`, `b`, ... */
export function replicaValueOf(server: Pick<PrometheusNode, 'ha'>, index: number): string {
  const given = server.ha?.replicaValues?.[index];
  return given !== undefined && given !== '' ? given : replicaValue(index);
}

/** Splits `host:port` (also `[::1]:9090`); port undefined when absent or not a number. */
export function splitAddress(address: string): { host: string; port?: number } {
  const m = /^(.*):(\d+)$/.exec(address);
  if (!m) return { host: address };
  return { host: m[1] ?? '', port: Number(m[2]) };
}

/** The address of the instance at `index`: explicit, or `address` with the port advanced by `index`. */
export function deriveAddress(server: Pick<PrometheusNode, 'address' | 'instanceAddresses'>, index: number): string {
  const explicit = server.instanceAddresses?.[index];
  if (explicit) return explicit;
  if (index === 0) return server.address;
  const { host, port } = splitAddress(server.address);
  return port === undefined ? server.address : `${host}:${port + index}`;
}

export function replicaCount(server: Pick<PrometheusNode, 'ha'>): number {
  return server.ha ? Math.max(1, server.ha.replicas) : 1;
}

export function shardCount(server: Pick<PrometheusNode, 'hashmod'>): number {
  return server.hashmod ? Math.max(1, server.hashmod.shards) : 1;
}

/** Every instance of a server node. */
export function serverInstances(server: PrometheusNode): ServerInstance[] {
  const replicas = replicaCount(server);
  const shards = shardCount(server);
  const out: ServerInstance[] = [];
  for (let shard = 0; shard < shards; shard++) {
    for (let replica = 0; replica < replicas; replica++) {
      const index = shard * replicas + replica;
      const parts: string[] = [];
      if (server.hashmod) parts.push(`shard-${shard}`);
      if (server.ha) parts.push(replicaKey(replica));
      out.push({
        key: parts.join('-'),
        index,
        address: deriveAddress(server, index),
        ...(server.ha ? { replica, replicaValue: replicaValueOf(server, replica) } : {}),
        ...(server.hashmod ? { shard } : {}),
      });
    }
  }
  return out;
}
