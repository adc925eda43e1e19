/**
 * Addresses are `host:port` without scheme or path, as Prometheus' static_configs want them
 * (`"http://bad" is not a valid hostname`). Listening addresses (server instances, Alertmanager web
 * and cluster addresses, Grafana) need a port and must not be shared by two instances.
 */
import { alertmanagerClusterAddress } from '../generate/runFiles.ts';
import { serverInstances } from '../model/instances.ts';
import { MAX_REPLICAS } from './ha.ts';
import { MAX_SHARDS } from './hashmod.ts';
import type { TopologyNode } from '../model/types.ts';
import { reportNode, q, type ValidationContext } from './context.ts';

/**
 * A host as Prometheus can scrape it: a bracketed IPv6 address, or a name/IPv4 without white space and
 * URL punctuation. Deliberately lenient (trailing-dot FQDNs, `_`): Prometheus' own check only refuses
 * schemes and paths; DNS decides the rest.
 */
const hostRe = /^(?:\[[0-9A-Fa-f:.]+\]|[^\s/:@?#[\]]+)$/;

/** The common case, `name:port`, checked with one regex before the detailed analysis. */
const plainRe = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?:(\d{1,5})$/;

/** Why `address` is not a usable `host:port`, or undefined when it is. */
export function addressProblem(address: string, requirePort: boolean): string | undefined {
  const plain = plainRe.exec(address);
  if (plain) {
    const port = Number(plain[1]);
    if (port >= 1 && port <= 65535) return undefined;
  }
  if (address.trim() === '') return 'the address is empty';
  if (address.includes('://') || address.includes('/')) return `${q(address)} is not a valid hostname`;
  if (/\s/.test(address)) return `${q(address)} contains white space`;
  const m = /^(.*?)(?::(\d*))?$/.exec(address);
  const host = address.startsWith('[') ? address.slice(0, address.indexOf(']') + 1) : (m?.[1] ?? '');
  const rest = address.slice(host.length);
  if (!hostRe.test(host)) return `${q(address)} is not a valid hostname`;
  if (rest === '') return requirePort ? `${q(address)} has no port (expected host:port)` : undefined;
  const port = /^:(\d+)$/.exec(rest);
  if (!port || Number(port[1]) < 1 || Number(port[1]) > 65535) return `${q(address)} has an invalid port (expected host:port, port 1-65535)`;
  return undefined;
}

const ADDRESS_HINT = 'Write host:port, without http:// and without a path, e.g. prometheus-eu:9090.';

function checkAddress(ctx: ValidationContext, node: TopologyNode, field: string, address: string, requirePort: boolean): boolean {
  const problem = addressProblem(address, requirePort);
  if (problem) reportNode(ctx, 'address/invalid', 'error', node, field, problem, { hint: ADDRESS_HINT });
  return problem === undefined;
}

export function checkAddresses(ctx: ValidationContext): void {
  /** host:port -> who listens there (first one wins; later ones are reported). */
  const listeners = new Map<string, string>();
  const claim = (node: TopologyNode, field: string, address: string, who: string) => {
    const key = address.toLowerCase();
    const first = listeners.get(key);
    if (first === undefined) {
      listeners.set(key, who);
      return;
    }
    reportNode(ctx, 'address/duplicate', 'error', node, field, `${who} listens on ${address}, which ${first} already uses`, {
      hint: 'Two instances cannot share one host:port; give each its own address (instanceAddresses for HA and shards).',
    });
  };
  for (const node of ctx.t.nodes) {
    switch (node.kind) {
      case 'prometheus': {
        checkAddress(ctx, node, 'address', node.address, true);
        if (node.external) break;
        node.instanceAddresses?.forEach((a, i) => checkAddress(ctx, node, `instanceAddresses[${i}]`, a, true));
        // Absurd replica/shard counts are reported by ha/replicas and hashmod/shards; do not enumerate them.
        if ((node.ha?.replicas ?? 1) > MAX_REPLICAS || (node.hashmod?.shards ?? 1) > MAX_SHARDS) break;
        const instances = serverInstances(node);
        const extra = (node.instanceAddresses?.length ?? 0) - instances.length;
        if (extra > 0) {
          reportNode(ctx, 'address/extra-instances', 'warning', node, 'instanceAddresses',
            `${node.instanceAddresses?.length} addresses for ${instances.length} instance(s); the last ${extra} are not used`,
            { hint: 'Remove the extra addresses, or raise the replicas/shards.' });
        }
        for (const instance of instances) {
          const field = node.instanceAddresses?.[instance.index] ? `instanceAddresses[${instance.index}]` : 'address';
          const who = instance.key ? `instance ${instance.key} of ${node.role} ${q(node.name)}` : `${node.role} ${q(node.name)}`;
          if (addressProblem(instance.address, true) === undefined) claim(node, field, instance.address, who);
        }
        break;
      }
      case 'targets':
        // Prometheus checks static targets only in jobs without relabel_configs: relabelling may turn a
        // URL into the address to scrape (blackbox probes: `__param_target` <- `https://...`).
        if (!hasRelabelling(node.extraConfig)) node.targets.forEach((a, i) => checkAddress(ctx, node, `targets[${i}]`, a, false));
        break;
      case 'alertmanager':
        node.instances.forEach((instance, i) => {
          if (checkAddress(ctx, node, `instances[${i}].address`, instance.address, false)) {
            claim(node, `instances[${i}].address`, withDefaultPort(instance.address, 9093), `alertmanager ${q(node.name)} instance ${i + 1}`);
          }
          const clusterOk = instance.clusterAddress === undefined
            ? addressProblem(instance.address, false) === undefined
            : checkAddress(ctx, node, `instances[${i}].clusterAddress`, instance.clusterAddress, true);
          if (clusterOk) {
            const implied = instance.clusterAddress === undefined ? ' (default cluster address)' : ' (cluster address)';
            claim(node, `instances[${i}].clusterAddress`, alertmanagerClusterAddress(instance), `alertmanager ${q(node.name)} instance ${i + 1}${implied}`);
          }
        });
        break;
      case 'grafana':
        if (checkAddress(ctx, node, 'address', node.address, true)) claim(node, 'address', node.address, `grafana ${q(node.name)}`);
        break;
    }
  }
}

function withDefaultPort(address: string, port: number): string {
  return /:\d+$/.test(address) ? address : `${address}:${port}`;
}

/** True when a target group's raw YAML has relabel_configs (a top-level key of the mapping). */
export function hasRelabelling(extraConfig: string | undefined): boolean {
  return extraConfig !== undefined && /^relabel_configs\s*:/m.test(extraConfig);
}
