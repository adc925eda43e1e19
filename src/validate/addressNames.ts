/**
 * A server address whose host is another node's default name: left over from a rename (`leaf:9090` on
 * a server now called `leaf-eu`), or pointing at where another node listens. Prometheus accepts it,
 * but whoever federates or queries the server reaches a host that is not this one.
 */
import { isIpLiteral, serverInstances, splitAddress } from '../model/instances.ts';
import type { PrometheusNode } from '../model/types.ts';
import { reportNode, q, type ValidationContext } from './context.ts';
import { MAX_REPLICAS } from './ha.ts';
import { MAX_SHARDS } from './hashmod.ts';

/** Names the designer gives new servers (`leaf`, `leaf-2`, `global`, `shard-3`, ...). */
const defaultServerName = /^(?:leaf|global|shard)(?:-\d+)?$/;

/** The first DNS label of an address' host, lower-cased; undefined for IP literals. */
function hostLabel(address: string): string | undefined {
  const { host } = splitAddress(address);
  if (host === '' || isIpLiteral(host) || host === 'localhost') return undefined;
  return host.split('.')[0]?.toLowerCase();
}

/** Hosts a server's own addresses may use: its name, and `<name>-<instance key>`. */
function ownHosts(server: PrometheusNode): Set<string> {
  const hosts = new Set([server.name]);
  if ((server.ha?.replicas ?? 1) <= MAX_REPLICAS && (server.hashmod?.shards ?? 1) <= MAX_SHARDS) {
    for (const i of serverInstances(server)) if (i.key) hosts.add(`${server.name}-${i.key}`);
  }
  return hosts;
}

export function checkAddressNames(ctx: ValidationContext): void {
  /** Default host -> the node it belongs to (servers, their instances, Alertmanagers, Grafanas). */
  const owners = new Map<string, string>();
  const hostsOf = new Map<PrometheusNode, Set<string>>();
  for (const node of ctx.t.nodes) {
    if (node.kind === 'targets') continue; // a group's name is its job, not a host
    const who = node.kind === 'prometheus' ? `${node.role} ${q(node.name)}` : `${node.kind} ${q(node.name)}`;
    const hosts = node.kind === 'prometheus' ? ownHosts(node) : [node.name];
    if (node.kind === 'prometheus') hostsOf.set(node, hosts as Set<string>);
    for (const h of hosts) if (!owners.has(h)) owners.set(h, who);
  }
  for (const server of ctx.servers) {
    const own = hostsOf.get(server) ?? ownHosts(server);
    const fields: [string, string][] = [['address', server.address], ...(server.instanceAddresses ?? []).map((a, i) => [`instanceAddresses[${i}]`, a] as [string, string])];
    for (const [field, address] of fields) {
      const host = hostLabel(address);
      if (host === undefined || own.has(host)) continue;
      const owner = owners.get(host);
      const why = owner
        ? `uses the name of ${owner}, not this server's`
        : defaultServerName.test(host) ? `uses the default name ${q(host)}, not this server's name ${q(server.name)} (left from a rename?)` : undefined;
      if (!why) continue;
      reportNode(ctx, 'address/other-name', 'warning', server, field, `${q(address)} ${why}: whoever federates or queries this server reaches ${q(host)}`, {
        hint: field === 'address'
          ? `Set it to ${server.name}:${splitAddress(address).port ?? 9090} (or turn on "Derive from the name"), unless that host really runs this server.`
          : `Use ${server.name}-<instance>:<port>, or remove the line to derive it, unless that host really runs this instance.`,
      });
    }
  }
}
