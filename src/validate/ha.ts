/**
 * HA groups: at least two replicas, on hosts of their own, a valid replica label that no other external
 * label already uses, and the replica label dropped from alerts so Alertmanager deduplicates them.
 */
import { HASHMOD_SHARD_LABEL } from '../generate/prometheusConfig.ts';
import { serverInstances, splitAddress } from '../model/instances.ts';
import { isValidLabelName } from '../model/names.ts';
import type { PrometheusNode } from '../model/types.ts';
import { edgesOf, reportNode, q, type ValidationContext } from './context.ts';

/** Most replicas one HA group may have (values a to z). */
export const MAX_REPLICAS = 26;

export function checkHa(ctx: ValidationContext): void {
  for (const server of ctx.servers) {
    const ha = server.ha;
    if (!ha) continue;
    if (ha.replicas < 2) {
      reportNode(ctx, 'ha/replicas', 'error', server, 'ha.replicas', `an HA group needs at least 2 replicas (found ${ha.replicas})`, {
        hint: 'Set replicas to 2 or more, or turn HA off.',
      });
    } else if (ha.replicas > MAX_REPLICAS) {
      reportNode(ctx, 'ha/replicas', 'error', server, 'ha.replicas', `${ha.replicas} replicas is more than PromTopo generates (at most ${MAX_REPLICAS}, a to z)`, {
        hint: 'Two replicas are the usual HA pair; three at most.',
      });
    }
    if (ha.replicas >= 2 && ha.replicas <= MAX_REPLICAS) checkSharedHosts(ctx, server);
    if (!isValidLabelName(ha.replicaLabel)) {
      reportNode(ctx, 'ha/replica-label', 'error', server, 'ha.replicaLabel', `invalid replica label name ${q(ha.replicaLabel)}`, {
        hint: 'Use a label name such as replica or prometheus_replica.',
      });
    } else if (ha.replicaLabel in server.externalLabels || (server.hashmod && ha.replicaLabel === HASHMOD_SHARD_LABEL)) {
      reportNode(ctx, 'ha/replica-label-collision', 'error', server, 'ha.replicaLabel',
        `the replica label ${q(ha.replicaLabel)} is also ${ha.replicaLabel in server.externalLabels ? 'an external label' : 'the hashmod shard label'} of this server; the replicas would not be told apart`,
        { hint: 'Pick a replica label that no other external label uses.' });
    }
    const alerts = edgesOf(ctx, server.id, 'alert').some((e) => e.server === server.id);
    if (!ha.dropReplicaLabelOnAlerts && alerts) {
      reportNode(ctx, 'ha/labeldrop-off', 'warning', server, 'ha.dropReplicaLabelOnAlerts',
        `alerts keep the replica label ${q(ha.replicaLabel)}: Alertmanager cannot deduplicate them and sends one notification per replica`,
        { hint: 'Turn dropReplicaLabelOnAlerts back on (alert_relabel_configs: labeldrop).' });
    }
  }
}

/**
 * Replicas of one shard on one host (`localhost:9090` and `localhost:9091`): valid, and the usual
 * local test, but one machine going down stops every replica, so it is not HA.
 */
function checkSharedHosts(ctx: ValidationContext, server: PrometheusNode): void {
  if ((server.hashmod?.shards ?? 1) > 1000) return; // hashmod/shards reports it; do not enumerate
  const byShardHost = new Map<string, { replicas: string[]; ports: string[] }>();
  for (const instance of serverInstances(server)) {
    const { host, port } = splitAddress(instance.address);
    const key = `${instance.shard ?? ''}\u0000${host.toLowerCase()}`;
    const entry = byShardHost.get(key) ?? { replicas: [], ports: [] };
    entry.replicas.push(instance.replicaValue ?? '');
    entry.ports.push(port === undefined ? '?' : String(port));
    byShardHost.set(key, entry);
  }
  for (const [key, { replicas, ports }] of byShardHost) {
    if (replicas.length < 2) continue;
    const [shard, host] = key.split('\u0000');
    const which = `${shard ? `shard ${shard}: ` : ''}replicas ${replicas.join(', ')}`;
    const field = server.instanceAddresses && server.instanceAddresses.length > 0 ? 'instanceAddresses' : 'address';
    reportNode(ctx, 'ha/shared-host', 'warning', server, field,
      `${which} all run on host ${q(host ?? '')} (ports ${ports.join(', ')}): fine for a local test, but this is not HA: one machine going down stops every replica`,
      { hint: 'Give each replica its own host in the instance addresses (e.g. prom-a:9090, prom-b:9090), or turn on "Derive from the name".' });
  }
}
