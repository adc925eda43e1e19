/**
 * Inspector sections of a remote_write edge: its name, the queue_config fields, authentication by
 * reference to files (bearer token file, basic auth username + password file; never inline secrets)
 * and the latency the load model assumes per send. Each field commits one patch (one undo step) and
 * shows its diagnostics inline.
 */
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { EdgePatch } from '../../src/model/edit/updateElement.ts';
import { QUEUE_DEFAULTS } from '../../src/model/remoteWriteDefaults.ts';
import type { RemoteWriteEdge } from '../../src/model/types.ts';
import { FieldMessages, NumberField, Section, TextField } from './fields.tsx';
import { WriteRelabelEditor } from './WriteRelabelEditor.tsx';

type Queue = NonNullable<RemoteWriteEdge['queueConfig']>;

/** The queue with one field set (undefined removes it; an empty queue is removed). */
export function withQueueField<K extends keyof Queue>(queue: Queue | undefined, key: K, value: Queue[K] | undefined): Queue | undefined {
  const next: Record<string, unknown> = { ...queue };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? (next as Queue) : undefined;
}

/** Basic auth from its two fields: both empty removes it. */
export function basicAuthOf(username: string, passwordFile: string): RemoteWriteEdge['basicAuth'] {
  const u = username.trim();
  const p = passwordFile.trim();
  return u === '' && p === '' ? undefined : { username: u, passwordFile: p };
}

const NUMBER_FIELDS = [
  ['capacity', 'Capacity'],
  ['maxSamplesPerSend', 'Max samples per send'],
  ['minShards', 'Min shards'],
  ['maxShards', 'Max shards'],
] as const;

const DURATION_FIELDS = [
  ['batchSendDeadline', 'Batch send deadline'],
  ['minBackoff', 'Min backoff'],
  ['maxBackoff', 'Max backoff'],
] as const;

export function RemoteWriteEdgeEditor({ edge, patch, at }: { edge: RemoteWriteEdge; patch: (p: EdgePatch) => void; at: (field: string) => Diagnostic[] }) {
  const queue = edge.queueConfig;
  const setQueue = <K extends keyof Queue>(key: K, value: Queue[K] | undefined) => patch({ queueConfig: withQueueField(queue, key, value) });
  return (
    <>
      <Section title="Remote write">
        <TextField label="Name" value={edge.name ?? ''} placeholder="to-<receiver name>" onCommit={(v) => patch({ name: v.trim() || undefined })} diagnostics={at('name')} />
        <TextField label="Assumed latency per send" value={edge.assumedLatency ?? ''} mono placeholder="document's, else 100ms" hint="Round trip the load model assumes for queue shards needed." onCommit={(v) => patch({ assumedLatency: v.trim() || undefined })} diagnostics={at('assumedLatency')} />
      </Section>
      <Section title="Queue (queue_config)">
        <div className="pt-grid-2">
          {NUMBER_FIELDS.map(([key, label]) => (
            <NumberField key={key} label={label} value={queue?.[key]} optional integer min={key === 'minShards' ? 0 : 1} placeholder={String(QUEUE_DEFAULTS[key])} onCommit={(v) => setQueue(key, v)} diagnostics={at(`queueConfig.${key}`)} />
          ))}
          {DURATION_FIELDS.map(([key, label]) => (
            <TextField key={key} label={label} value={queue?.[key] ?? ''} mono placeholder={QUEUE_DEFAULTS[key]} onCommit={(v) => setQueue(key, v.trim() || undefined)} diagnostics={at(`queueConfig.${key}`)} />
          ))}
        </div>
        <FieldMessages diagnostics={at('queueConfig').filter((d) => d.at.field === 'queueConfig')} />
      </Section>
      <Section title="Write relabelling (write_relabel_configs)">
        <WriteRelabelEditor rules={edge.writeRelabelConfigs ?? []} onCommit={(writeRelabelConfigs) => patch({ writeRelabelConfigs })} diagnostics={at} />
      </Section>
      <Section title="Authentication (files on the sender)">
        <TextField label="Bearer token file" value={edge.bearerTokenFile ?? ''} mono placeholder="/etc/prometheus/token" onCommit={(v) => patch({ bearerTokenFile: v.trim() || undefined })} diagnostics={at('bearerTokenFile')} />
        <div className="pt-grid-2">
          <TextField label="Basic auth username" value={edge.basicAuth?.username ?? ''} mono onCommit={(v) => patch({ basicAuth: basicAuthOf(v, edge.basicAuth?.passwordFile ?? '') })} diagnostics={at('basicAuth.username')} />
          <TextField label="Basic auth password file" value={edge.basicAuth?.passwordFile ?? ''} mono onCommit={(v) => patch({ basicAuth: basicAuthOf(edge.basicAuth?.username ?? '', v) })} diagnostics={at('basicAuth.passwordFile')} />
        </div>
      </Section>
    </>
  );
}
