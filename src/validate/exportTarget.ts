/**
 * What the document's deployment target (settings.export.target) cannot carry as designed. For
 * Kubernetes: prometheus-operator's hashmod rule, server extraConfig that no resource field holds,
 * and the operator's fixed alert relabelling of the replica label.
 */
import { exportTargetOf, OPERATOR_SHARD_SOURCE_LABELS, operatorShardsDifferently } from '../model/exportTarget.ts';
import { isReceiverKind } from '../model/receivers.ts';
import type { Topology } from '../model/types.ts';
import { reportDocument, reportNode, q, type ValidationContext } from './context.ts';

/** True when the document uses agents, remote_write, receivers, sidecars or queriers (generated for the files target only). */
export function usesRemoteWriteParts(t: Topology): boolean {
  return t.edges.some((e) => e.kind === 'remote_write' || e.kind === 'store')
    || t.nodes.some((n) => n.kind === 'thanos-querier' || isReceiverKind(n.kind) || (n.kind === 'prometheus' && (n.mode === 'agent' || n.remoteWriteReceiver === true || n.thanosSidecar !== undefined)));
}

export function checkExportTarget(ctx: ValidationContext): void {
  const target = exportTargetOf(ctx.t);
  if (target !== 'files' && usesRemoteWriteParts(ctx.t)) {
    reportDocument(ctx, 'export/target-remote-write', 'error',
      `the ${target} target does not carry agent mode, remote_write, receivers or Thanos yet: only the plain bundle (files) does`,
      { field: 'settings.export.target' }, { hint: 'Export to files.' });
  }
  if (target !== 'kubernetes') return;
  for (const server of ctx.servers) {
    if (server.hashmod && operatorShardsDifferently(server)) {
      reportNode(ctx, 'export/operator-sharding', 'warning', server, 'hashmod.sourceLabels',
        `prometheus-operator shards on ${OPERATOR_SHARD_SOURCE_LABELS.map(q).join(', ')} with its own relabelling, not on ${server.hashmod.sourceLabels.map(q).join(', ')}: targets land on other shards than designed; the load figures use the operator's rule`,
        { hint: `Hash ${OPERATOR_SHARD_SOURCE_LABELS.join(', ')} (the default), or export to another target.` });
    }
    if (server.extraConfig !== undefined && server.extraConfig.trim() !== '') {
      reportNode(ctx, 'export/operator-extra-config', 'warning', server, 'extraConfig',
        'raw top-level configuration (remote_write, storage, ...) has no place in the Prometheus resource as written and is left out of the manifests',
        { hint: 'Set the matching Prometheus resource fields (remoteWrite, tsdb, ...) after export, or export to another target.' });
    }
    if (server.ha && !server.ha.dropReplicaLabelOnAlerts) {
      reportNode(ctx, 'export/operator-replica-label', 'info', server, 'ha.dropReplicaLabelOnAlerts',
        `prometheus-operator always drops the replica label ${q(server.ha.replicaLabel)} from alerts, so the replicas' alerts are deduplicated anyway`);
    }
  }
}
