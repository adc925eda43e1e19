/**
 * Instance addresses of a server that gets more instances (HA replicas, hashmod shards): each on a host
 * of its own. A server whose address follows its name derives them itself (`<name>-<key>:<port>`);
 * for an address set by hand the same hosts are written out; an IP literal keeps its host and counts
 * the port up (a local set-up, flagged by validation as not HA).
 */
import { isIpLiteral, serverInstances, splitAddress, DEFAULT_PROMETHEUS_PORT } from '../model/instances.ts';
import type { PrometheusNode } from '../model/types.ts';

/**
 * `server` with instanceAddresses that fit its current ha/hashmod settings. `keep`: addresses of the
 * first instances that stay as they are (an explicit list whose leading instances keep their index).
 */
export function withInstanceAddresses(server: PrometheusNode, base: string, keep: readonly string[] = []): PrometheusNode {
  const { instanceAddresses: _dropped, instanceExternalLabels: _labels, ...rest } = server;
  if (server.addressFromName) return { ...rest, address: base };
  const { host, port } = splitAddress(base);
  const p = port ?? DEFAULT_PROMETHEUS_PORT;
  const probe: PrometheusNode = { ...rest, address: base, addressFromName: !isIpLiteral(host) && host !== '' };
  const addresses = serverInstances(probe).map((i) => keep[i.index] ?? (probe.addressFromName ? (i.key === '' ? base : `${host}-${i.key}:${p}`) : `${host}:${p + i.index}`));
  return { ...rest, address: addresses[0] ?? base, ...(addresses.length > 1 ? { instanceAddresses: addresses } : {}) };
}

/** The base address a server's instances were derived from: its address, or (explicit list) the first one's host without the instance key. */
export function baseAddress(server: PrometheusNode): string {
  if (server.addressFromName || !server.instanceAddresses || server.instanceAddresses.length < 2) return server.address;
  const first = serverInstances(server)[0];
  const { host, port } = splitAddress(server.address);
  const p = port ?? DEFAULT_PROMETHEUS_PORT;
  if (!first || first.key === '') return server.address;
  for (const suffix of [`-${first.key}`, first.key]) {
    const stem = host.slice(0, -suffix.length);
    if (host.endsWith(suffix) && /[a-z0-9]$/i.test(stem)) return `${stem}:${p}`;
  }
  return server.address;
}
