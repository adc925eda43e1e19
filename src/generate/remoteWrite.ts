/**
 * The `remote_write` section of a server's prometheus.yml: one entry per remote_write edge (per
 * instance of a Prometheus receiver), with the receiver's ingest URL, the tenant header, file-based
 * auth, write relabelling and the queue settings the edge sets. Secrets are only referenced by file.
 */
import { serverInstances } from '../model/instances.ts';
import { isReceiverKind, PROMETHEUS_WRITE_PATH, RECEIVERS } from '../model/receivers.ts';
import type { PrometheusNode, QueueConfig, ReceiverNode, RelabelRule, RemoteWriteEdge, Topology, TopologyNode } from '../model/types.ts';
import { oneLine, sortBy } from './links.ts';
import type { YMap } from './yamlText.ts';
import { blockSeq, flowSeq, orderedMap, singleQuoted, withComment } from './yamlText.ts';

/** One remote_write destination: the edge, its receiver, and the URL(s) written. */
export interface RemoteWriteTarget {
  readonly edge: RemoteWriteEdge;
  readonly receiver: PrometheusNode | ReceiverNode;
  /** `name` of each entry (one per receiver instance) and its URL. */
  readonly entries: readonly { readonly name: string; readonly url: string }[];
}

/** The ingest URLs of a receiver node: every instance of a Prometheus receiver, or the store's address. */
export function receiverUrls(receiver: PrometheusNode | ReceiverNode): { key: string; url: string }[] {
  if (receiver.kind === 'prometheus') {
    return serverInstances(receiver).map((i) => ({ key: i.key, url: `http://${i.address}${PROMETHEUS_WRITE_PATH}` }));
  }
  return [{ key: '', url: `http://${receiver.address}${RECEIVERS[receiver.kind].writePath}` }];
}

function isWriteReceiver(node: TopologyNode | undefined): node is PrometheusNode | ReceiverNode {
  return node !== undefined && (node.kind === 'prometheus' || isReceiverKind(node.kind));
}

/** The remote_write destinations of a server, sorted by entry name (dangling edges skipped). */
export function remoteWriteTargets(t: Topology, server: PrometheusNode): RemoteWriteTarget[] {
  const out: RemoteWriteTarget[] = [];
  for (const edge of t.edges) {
    if (edge.kind !== 'remote_write' || edge.server !== server.id) continue;
    const receiver = t.nodes.find((n) => n.id === edge.receiver);
    if (!isWriteReceiver(receiver)) continue;
    const base = edge.name ?? `to-${receiver.name}`;
    const urls = receiverUrls(receiver);
    out.push({ edge, receiver, entries: urls.map((u) => ({ name: urls.length > 1 ? `${base}-${u.key}` : base, url: u.url })) });
  }
  return sortBy(out, (r) => `${r.entries[0]?.name ?? ''}\u0000${r.edge.id}`);
}

function queueConfigMap(q: QueueConfig | undefined): YMap | undefined {
  if (!q) return undefined;
  const map = orderedMap([
    ['capacity', q.capacity],
    ['min_shards', q.minShards],
    ['max_shards', q.maxShards],
    ['max_samples_per_send', q.maxSamplesPerSend],
    ['batch_send_deadline', q.batchSendDeadline],
    ['min_backoff', q.minBackoff],
    ['max_backoff', q.maxBackoff],
  ]);
  return map.entries.length ? map : undefined;
}

/** One relabel rule as Prometheus writes it (`source_labels`, `regex` quoted). */
export function relabelRuleMap(r: RelabelRule): YMap {
  return orderedMap([
    ['source_labels', r.sourceLabels ? flowSeq(r.sourceLabels) : undefined],
    ['separator', r.separator === undefined ? undefined : singleQuoted(r.separator)],
    ['regex', r.regex === undefined ? undefined : singleQuoted(r.regex)],
    ['modulus', r.modulus],
    ['target_label', r.targetLabel],
    ['replacement', r.replacement === undefined ? undefined : singleQuoted(r.replacement)],
    ['action', r.action],
  ]);
}

function entryMap(target: RemoteWriteTarget, entry: { name: string; url: string }): YMap {
  const { edge, receiver } = target;
  const tenant = receiver.kind !== 'prometheus' ? receiver.tenant : undefined;
  const map = orderedMap([
    ['url', entry.url],
    ['name', entry.name],
    ['headers', tenant ? orderedMap([['X-Scope-OrgID', singleQuoted(tenant)]]) : undefined],
    ['authorization', edge.bearerTokenFile ? orderedMap([['credentials_file', edge.bearerTokenFile]]) : undefined],
    ['basic_auth', edge.basicAuth ? orderedMap([['username', edge.basicAuth.username], ['password_file', edge.basicAuth.passwordFile]]) : undefined],
    ['write_relabel_configs', edge.writeRelabelConfigs?.length ? blockSeq(edge.writeRelabelConfigs.map(relabelRuleMap)) : undefined],
    ['queue_config', queueConfigMap(edge.queueConfig)],
  ]);
  const what = receiver.kind === 'prometheus' ? `Prometheus ${receiver.role}` : RECEIVERS[receiver.kind].title;
  return withComment(map, ` ${what} "${oneLine(receiver.name)}"`);
}

/** The `remote_write` list of a server, or undefined when it writes nowhere. */
export function remoteWriteSection(t: Topology, server: PrometheusNode): ReturnType<typeof blockSeq> | undefined {
  const targets = remoteWriteTargets(t, server);
  const entries = targets.flatMap((target) => target.entries.map((e) => entryMap(target, e)));
  return entries.length ? blockSeq(entries) : undefined;
}
