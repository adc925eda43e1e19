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

/** Port of a server whose address gives none (Prometheus' default). */
export const DEFAULT_PROMETHEUS_PORT = 9090;

/** True for `127.0.0.1`-style IPv4 literals and bracketed IPv6 literals (`[::1]`). */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^\[[0-9a-fA-F:.]+\]$/.test(host);
}

/** The address derived from a server's name: `<name>:<port of current address, else 9090>`. */
export function addressFromName(name: string, current: string): string {
  return `${name}:${splitAddress(current).port ?? DEFAULT_PROMETHEUS_PORT}`;
}

/**
 * The address of the instance at `index` with key `key`: explicit (instanceAddresses), else `address`
 * for a plain server; else, when the address follows the name, the instance's own host
 * `<host>-<key>:<port>` (`prometheus-ha-a:9090`, `shards-shard-1:9090`); else (an address set by the
 * user, an IP literal) `address` with the port advanced by `index`.
 */
export function deriveAddress(server: Pick<PrometheusNode, 'address' | 'instanceAddresses' | 'addressFromName'>, index: number, key = ''): string {
  const explicit = server.instanceAddresses?.[index];
  if (explicit) return explicit;
  if (index === 0 && key === '') return server.address;
  const { host, port } = splitAddress(server.address);
  if (server.addressFromName && key !== '' && host !== '' && !isIpLiteral(host)) return `${host}-${key}:${port ?? DEFAULT_PROMETHEUS_PORT}`;
  if (index === 0) return server.address;
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
      const key = parts.join('-');
      out.push({
        key,
        index,
        address: deriveAddress(server, index, key),
        ...(server.ha ? { replica, replicaValue: replicaValueOf(server, replica) } : {}),
        ...(server.hashmod ? { shard } : {}),
      });
    }
  }
  return out;
}
