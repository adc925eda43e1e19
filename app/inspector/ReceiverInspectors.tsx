/**
 * Inspectors of remote-write receivers (Mimir, Thanos Receive, VictoriaMetrics: address, tenant,
 * ingest dedup labels) and of a Thanos querier (address, replica labels). One patch per field.
 */
import { RECEIVERS } from '../../src/model/receivers.ts';
import type { ReceiverNode, ThanosQuerierNode } from '../../src/model/types.ts';
import { Section, TextField } from './fields.tsx';
import { splitList, useElementDiagnostics, usePatchNode } from './useElement.ts';

type Dedup = ReceiverNode['dedup'];

/** Ingest dedup from its two fields: no replica label removes it; the cluster label is optional. */
export function dedupOf(replicaLabel: string, clusterLabel: string): Dedup {
  const replica = replicaLabel.trim();
  const cluster = clusterLabel.trim();
  if (replica === '') return undefined;
  return cluster === '' ? { replicaLabel: replica } : { replicaLabel: replica, clusterLabel: cluster };
}

export function ReceiverInspector({ node }: { node: ReceiverNode }) {
  const patch = usePatchNode(node.id);
  const { at } = useElementDiagnostics(node.id);
  const facts = RECEIVERS[node.kind];
  return (
    <Section title={facts.title}>
      <TextField label="Name" value={node.name} mono onCommit={(name) => patch({ name })} diagnostics={at('name')} />
      <TextField label="Address" value={node.address} mono hint={`remote_write goes to http://<address>${facts.writePath}`} onCommit={(address) => patch({ address })} diagnostics={at('address')} />
      <TextField label="Tenant (X-Scope-OrgID)" value={node.tenant ?? ''} mono placeholder="none" onCommit={(v) => patch({ tenant: v.trim() || undefined })} diagnostics={at('tenant')} />
      {facts.ingestDedup && (
        <div className="pt-grid-2">
          <TextField label="Dedup replica label" value={node.dedup?.replicaLabel ?? ''} mono placeholder="none (keeps every replica)" onCommit={(v) => patch({ dedup: dedupOf(v, node.dedup?.clusterLabel ?? '') })} diagnostics={at('dedup.replicaLabel')} />
          <TextField label="Dedup cluster label" value={node.dedup?.clusterLabel ?? ''} mono placeholder="cluster" onCommit={(v) => patch({ dedup: dedupOf(node.dedup?.replicaLabel ?? '', v) })} diagnostics={at('dedup.clusterLabel')} />
        </div>
      )}
    </Section>
  );
}

export function QuerierInspector({ node }: { node: ThanosQuerierNode }) {
  const patch = usePatchNode(node.id);
  const { at } = useElementDiagnostics(node.id);
  return (
    <Section title="Thanos querier">
      <TextField label="Name" value={node.name} mono onCommit={(name) => patch({ name })} diagnostics={at('name')} />
      <TextField label="Address" value={node.address} mono onCommit={(address) => patch({ address })} diagnostics={at('address')} />
      <TextField label="Replica labels" value={node.replicaLabels.join(', ')} mono hint="--query.replica-label: series that differ only in these are merged." onCommit={(v) => patch({ replicaLabels: splitList(v) })} diagnostics={at('replicaLabels')} />
    </Section>
  );
}
