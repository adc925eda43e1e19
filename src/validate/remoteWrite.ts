/**
 * remote_write, agents and the Thanos global view: writes to something that cannot ingest them,
 * agents asked for what only a server does, queriers that cannot deduplicate, relabelling that drops
 * everything, HA pairs writing twice, queue settings Prometheus refuses or that cannot work well.
 * Codes and sources: docs/diagnostics.md.
 */
import { durationMs } from '../model/duration.ts';
import { canIngestRemoteWrite, isAgent, isReceiverKind, RECEIVERS } from '../model/receivers.ts';
import { QUEUE_DEFAULTS } from '../model/remoteWriteDefaults.ts';
import type { PrometheusNode, RelabelRule, RemoteWriteEdge, Topology } from '../model/types.ts';
import { edgesOf, q, reportEdge, reportNode, type ValidationContext } from './context.ts';

/** Regexes that match every value, the empty one included (Prometheus anchors them). */
const MATCH_ALL = new Set(['.*', '(.*)', '.*?', '(.*?)']);
/** Regexes that match every non-empty value. */
const MATCH_NON_EMPTY = new Set(['.+', '(.+)', '.+?', '(.+?)']);

/** True when this one rule drops every series (`drop` of everything, `keep` of nothing). */
export function dropsEverything(rule: RelabelRule): boolean {
  const action = rule.action ?? 'replace';
  const regex = rule.regex ?? '(.*)';
  const onName = rule.sourceLabels?.length === 1 && rule.sourceLabels[0] === '__name__';
  if (action === 'drop') return MATCH_ALL.has(regex) || (onName && MATCH_NON_EMPTY.has(regex));
  // Every series has a non-empty name: keeping only the empty name keeps nothing.
  if (action === 'keep') return onName && (regex === '' || regex === '()');
  return false;
}

function checkAgents(ctx: ValidationContext): void {
  for (const server of ctx.servers) {
    if (!isAgent(server)) continue;
    if (server.ruleGroups.length > 0) {
      reportNode(ctx, 'agent/rules', 'error', server, 'ruleGroups', 'an agent evaluates no rules (Prometheus: "field rule_files is not allowed in agent mode")', {
        hint: 'Move the rule groups to the server the agent writes to, or switch the mode to server.',
      });
    }
    if (edgesOf(ctx, server.id, 'alert').some((e) => e.server === server.id)) {
      reportNode(ctx, 'agent/alerting', 'error', server, undefined, 'an agent sends no alerts (Prometheus: "field alerting is not allowed in agent mode")', {
        hint: 'Connect the Alertmanager to the server the agent writes to.',
      });
    }
    const queried = [
      ...edgesOf(ctx, server.id, 'datasource').map((e) => ctx.index.nodes.get(e.grafana)?.name ?? e.grafana),
      ...edgesOf(ctx, server.id, 'federation').filter((e) => e.source === server.id).map((e) => ctx.index.nodes.get(e.server)?.name ?? e.server),
      ...edgesOf(ctx, server.id, 'store').map((e) => ctx.index.nodes.get(e.querier)?.name ?? e.querier),
    ];
    if (queried.length > 0) {
      reportNode(ctx, 'agent/queried', 'error', server, undefined,
        `${queried.map(q).join(', ')} ${queried.length === 1 ? 'queries' : 'query'} it, but an agent keeps only a write-ahead log: it has no query API, no /federate and no TSDB for a sidecar`,
        { hint: 'Query the receiver it writes to instead.' });
    }
    if (!edgesOf(ctx, server.id, 'remote_write').some((e) => e.server === server.id)) {
      reportNode(ctx, 'agent/no-remote-write', 'warning', server, undefined, 'an agent without remote_write scrapes for nothing: it keeps no data of its own', {
        hint: 'Connect it to a receiver (remote_write edge).',
      });
    }
    if (server.remoteWriteReceiver) {
      reportNode(ctx, 'agent/receiver', 'error', server, 'remoteWriteReceiver', 'an agent cannot be a remote-write receiver: it has no storage to write into', {
        hint: 'Turn the receiver off, or switch the mode to server.',
      });
    }
  }
}

function receiverOf(ctx: ValidationContext, edge: RemoteWriteEdge) {
  return ctx.index.nodes.get(edge.receiver);
}

/** True when the HA pair's duplicate series are merged downstream of this edge: at ingest, or by a querier over a Thanos Receive. */
function deduplicatedDownstream(t: Topology, ctx: ValidationContext, server: PrometheusNode, edge: RemoteWriteEdge): boolean {
  const label = server.ha?.replicaLabel;
  const receiver = receiverOf(ctx, edge);
  if (!label || !receiver) return true;
  if (isReceiverKind(receiver.kind) && receiver.kind !== 'thanos-receive' && 'dedup' in receiver && receiver.dedup?.replicaLabel === label) return true;
  return t.edges.some((e) => e.kind === 'store' && e.store === receiver.id && (() => {
    const querier = ctx.index.nodes.get(e.querier);
    return querier?.kind === 'thanos-querier' && querier.replicaLabels.includes(label);
  })());
}

function checkQueue(ctx: ValidationContext, edge: RemoteWriteEdge): void {
  const qc = edge.queueConfig;
  if (!qc) return;
  for (const field of ['capacity', 'minShards', 'maxShards', 'maxSamplesPerSend'] as const) {
    const v = qc[field];
    if (v !== undefined && v <= 0) {
      const name = { capacity: 'capacity', minShards: 'min_shards', maxShards: 'max_shards', maxSamplesPerSend: 'max_samples_per_send' }[field];
      reportEdge(ctx, 'remote-write/queue-invalid', 'error', edge, `queueConfig.${field}`, `remote write queue ${name} must be positive`, { hint: 'Use a positive number, or leave it unset for the default.' });
    }
  }
  const minShards = qc.minShards ?? QUEUE_DEFAULTS.minShards;
  const maxShards = qc.maxShards ?? QUEUE_DEFAULTS.maxShards;
  if (minShards > 0 && maxShards > 0 && minShards > maxShards) {
    reportEdge(ctx, 'remote-write/queue-invalid', 'error', edge, 'queueConfig.minShards', 'remote write queue min_shards must not be greater than max_shards', { hint: 'Lower min_shards or raise max_shards.' });
  }
  const minBackoff = durationMs(qc.minBackoff ?? QUEUE_DEFAULTS.minBackoff);
  const maxBackoff = durationMs(qc.maxBackoff ?? QUEUE_DEFAULTS.maxBackoff);
  if (minBackoff !== undefined && maxBackoff !== undefined && maxBackoff < minBackoff) {
    reportEdge(ctx, 'remote-write/queue-invalid', 'error', edge, 'queueConfig.maxBackoff', 'remote write queue max_backoff must not be less than min_backoff', { hint: 'Raise max_backoff or lower min_backoff.' });
  }
  const capacity = qc.capacity ?? QUEUE_DEFAULTS.capacity;
  const perSend = qc.maxSamplesPerSend ?? QUEUE_DEFAULTS.maxSamplesPerSend;
  if (capacity > 0 && perSend > 0 && (capacity < perSend || capacity > 10 * perSend)) {
    reportEdge(ctx, 'remote-write/queue-range', 'warning', edge, qc.capacity !== undefined ? 'queueConfig.capacity' : 'queueConfig.maxSamplesPerSend',
      `capacity ${capacity} is ${capacity < perSend ? 'below' : 'above 10 times'} max_samples_per_send ${perSend}: Prometheus' tuning guide recommends 3 to 10 times, ${capacity < perSend ? 'a shard never fills a full send' : 'samples wait in memory and the queue uses more of it than it needs'}`,
      { hint: `Set capacity to about ${3 * perSend}-${10 * perSend}.` });
  }
  const deadline = durationMs(qc.batchSendDeadline ?? QUEUE_DEFAULTS.batchSendDeadline);
  if (deadline !== undefined && deadline > 60_000) {
    reportEdge(ctx, 'remote-write/queue-range', 'warning', edge, 'queueConfig.batchSendDeadline',
      `a batch send deadline of ${qc.batchSendDeadline} holds samples back that long on a quiet shard: the receiver lags the sender by up to that`,
      { hint: 'Keep it at the default 5s, or a few seconds.' });
  }
}

function checkEdges(ctx: ValidationContext): void {
  for (const edge of ctx.t.edges) {
    if (edge.kind !== 'remote_write') continue;
    const sender = ctx.index.nodes.get(edge.server);
    const receiver = receiverOf(ctx, edge);
    if (receiver?.kind === 'prometheus' && !canIngestRemoteWrite(receiver)) {
      reportEdge(ctx, 'remote-write/not-a-receiver', 'error', edge, 'receiver',
        isAgent(receiver) ? `${q(receiver.name)} is an agent: agents send remote_write but cannot ingest it` : `${q(receiver.name)} does not accept remote_write: its receiver (--web.enable-remote-write-receiver) is off, so every send is refused (404)`,
        { hint: isAgent(receiver) ? 'Write to a server or a store instead.' : 'Turn on the remote-write receiver of the receiving server.' });
    }
    if (edge.server === edge.receiver) {
      reportEdge(ctx, 'remote-write/self', 'error', edge, 'receiver', 'a server cannot remote-write to itself: every sample would be ingested again, forever', { hint: 'Delete the edge.' });
    }
    const rules = edge.writeRelabelConfigs ?? [];
    const drop = rules.findIndex(dropsEverything);
    if (drop >= 0) {
      reportEdge(ctx, 'remote-write/drops-everything', 'warning', edge, `writeRelabelConfigs[${drop}]`,
        `this rule (${rules[drop]?.action ?? 'replace'}${rules[drop]?.regex === undefined ? ', default regex (.*)' : ` ${q(rules[drop]?.regex ?? '')}`}) drops every series: nothing is sent`,
        { hint: 'Give the rule source_labels and a regex for the series to drop, or delete it.' });
    }
    if (edge.bearerTokenFile !== undefined && edge.basicAuth !== undefined) {
      reportEdge(ctx, 'remote-write/auth-twice', 'error', edge, 'basicAuth', 'at most one of basic_auth, oauth2 & authorization must be configured', { hint: 'Keep one of the bearer token file and basic auth.' });
    }
    if (sender?.kind === 'prometheus' && sender.ha && sender.ha.replicas > 1 && !deduplicatedDownstream(ctx.t, ctx, sender, edge) && receiver) {
      const where = receiver.kind === 'prometheus' ? 'a Prometheus receiver keeps both' : `${isReceiverKind(receiver.kind) ? RECEIVERS[receiver.kind].title : receiver.kind} ${q(receiver.name)} is not told to deduplicate on ${q(sender.ha.replicaLabel)}`;
      reportEdge(ctx, 'remote-write/ha-duplicates', 'warning', edge, undefined,
        `all ${sender.ha.replicas} replicas of ${q(sender.name)} write their identical series (told apart only by ${q(sender.ha.replicaLabel)}), and ${where}: the receiver stores every series ${sender.ha.replicas} times`,
        { hint: `Deduplicate downstream: Mimir's HA tracker or VictoriaMetrics (dedup on ${sender.ha.replicaLabel}), or a Thanos querier with --query.replica-label=${sender.ha.replicaLabel}; or let one replica write.` });
    }
    checkQueue(ctx, edge);
  }
}

function checkGlobalView(ctx: ValidationContext): void {
  for (const server of ctx.servers) {
    if (server.thanosSidecar && Object.keys(server.externalLabels).length === 0 && !server.ha && !server.hashmod && !(server.instanceExternalLabels?.some((l) => Object.keys(l).length > 0))) {
      reportNode(ctx, 'thanos/no-external-labels', 'error', server, 'externalLabels',
        'a Thanos sidecar needs external labels that identify the server (Thanos: "no external labels configured on Prometheus server, uniquely identifying external labels must be configured")',
        { hint: 'Add an external label such as cluster or dc.' });
    }
  }
  for (const node of ctx.t.nodes) {
    if (node.kind === 'thanos-querier') {
      const stores = edgesOf(ctx, node.id, 'store');
      if (stores.length === 0) {
        reportNode(ctx, 'querier/no-stores', 'warning', node, undefined, 'reads no stores: every query returns nothing', { hint: 'Connect it to servers with a Thanos sidecar or to a Thanos Receive (store edges).' });
      }
      for (const edge of stores) {
        const store = ctx.index.nodes.get(edge.store);
        if (store?.kind === 'prometheus' && !store.thanosSidecar) {
          reportEdge(ctx, 'querier/no-sidecar', 'error', edge, 'store', `${q(store.name)} has no Thanos sidecar: the querier has no StoreAPI to read`, { hint: 'Turn on its Thanos sidecar.' });
        }
        if (store?.kind === 'prometheus' && store.ha && !node.replicaLabels.includes(store.ha.replicaLabel)) {
          reportEdge(ctx, 'querier/no-replica-label', 'warning', edge, undefined,
            `${q(store.name)} is an HA group told apart by ${q(store.ha.replicaLabel)}, which is not among the querier's replica labels: every series shows up ${store.ha.replicas} times`,
            { hint: `Add ${store.ha.replicaLabel} to the querier's replica labels (--query.replica-label).` });
        }
      }
    }
    if (isReceiverKind(node.kind) && 'dedup' in node && node.dedup && node.kind === 'thanos-receive') {
      reportNode(ctx, 'receiver/no-ingest-dedup', 'warning', node, 'dedup', 'Thanos Receive does not deduplicate at ingest: the setting has no effect', {
        hint: 'Put a Thanos querier with the replica label over it instead.',
      });
    }
  }
}

export function checkRemoteWrite(ctx: ValidationContext): void {
  checkAgents(ctx);
  checkEdges(ctx);
  checkGlobalView(ctx);
}
