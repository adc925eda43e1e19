/**
 * The inspector: every field of the selected node or edge, with the diagnostics that point at each
 * field inline; the document's own fields when nothing is selected; actions for a multi-selection.
 */
import type { ReactNode } from 'react';
import { describeEdge, describeNode } from '../../src/model/lookup.ts';
import type { TopologyEdge, TopologyNode } from '../../src/model/types.ts';
import { updateDocument } from '../../src/model/edit/updateElement.ts';
import { MachineSizesEditor } from './MachineSizesEditor.tsx';
import { runCommand } from '../commands/runCommand.ts';
import { selectDocument, selectIndex, selectSelection, singleSelection } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { ConnectTo } from './ConnectTo.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import { FieldMessages, Section, SmallButton, TextField } from './fields.tsx';
import { unplacedDiagnostics } from './fieldDiagnostics.ts';
import { AlertmanagerInspector, GrafanaInspector, TargetGroupInspector } from './OtherNodeInspectors.tsx';
import { NodeConnections } from './NodeConnections.tsx';
import { PrometheusInspector } from './PrometheusInspector.tsx';
import { QuerierInspector, ReceiverInspector } from './ReceiverInspectors.tsx';
import { useElementDiagnostics } from './useElement.ts';

/** Field paths each inspector shows inline; findings elsewhere are listed at the top. */
const shownFields: Record<string, readonly string[]> = {
  prometheus: ['name', 'role', 'address', 'addressFromName', 'scrapeSelf', 'mode', 'remoteWriteReceiver', 'thanosSidecar', 'scrapeInterval', 'scrapeTimeout', 'evaluationInterval', 'retention', 'externalLabels', 'ha', 'hashmod', 'instanceAddresses', 'capacity', 'ruleGroups', 'extraScrapeConfigs', 'extraConfig'],
  targets: ['name', 'exporter', 'seriesPerTarget', 'targets', 'count', 'port', 'discovery.targets', 'scrapeInterval', 'scrapeTimeout', 'metricsPath', 'scheme', 'labels', 'extraConfig'],
  alertmanager: ['name', 'instances'],
  grafana: ['name', 'address'],
  mimir: ['name', 'address', 'tenant', 'dedup'],
  'thanos-receive': ['name', 'address', 'tenant'],
  victoriametrics: ['name', 'address', 'tenant', 'dedup'],
  'thanos-querier': ['name', 'address', 'replicaLabels'],
  remote_write: ['name', 'assumedLatency', 'queueConfig', 'writeRelabelConfigs', 'bearerTokenFile', 'basicAuth'],
  federation: ['match', 'scrapeInterval', 'scrapeTimeout', 'honorLabels', 'sourceReplica'],
  datasource: ['isDefault', 'replicas'],
  scrape: [],
  alert: [],
};

function Header({ id, kind, title, children, isNode }: { id: string; kind: string; title: string; children: ReactNode; isNode?: boolean }) {
  const { all } = useElementDiagnostics(id);
  const top = unplacedDiagnostics(all, shownFields[kind] ?? []);
  return (
    <div className="pt-inspector" data-testid="inspector" data-element={id}>
      <div className="pt-inspector-title">
        <h2>{title}</h2>
        <SmallButton label="Delete" danger title="Delete (Del)" onClick={() => runCommand('edit.delete')} />
      </div>
      {isNode && (
        <div className="pt-row-actions">
          <SmallButton label="← Upstream" title="Select upstream (Shift+U): where its data comes from" onClick={() => runCommand('edit.selectUpstream')} />
          <SmallButton label="Downstream →" title="Select downstream (Shift+D): who uses its data" onClick={() => runCommand('edit.selectDownstream')} />
          <SmallButton label="Duplicate" title="Duplicate (Ctrl+D)" onClick={() => runCommand('edit.duplicate')} />
        </div>
      )}
      {isNode && <ConnectTo nodeId={id} />}
      <FieldMessages diagnostics={top} />
      {children}
    </div>
  );
}

function NodeInspector({ node }: { node: TopologyNode }) {
  const title = describeNode(node);
  const kind = node.kind;
  return (
    <Header id={node.id} kind={kind} title={title} isNode>
      {node.kind === 'prometheus' && <PrometheusInspector key={node.id} node={node} />}
      {node.kind === 'targets' && <TargetGroupInspector key={node.id} node={node} />}
      {node.kind === 'alertmanager' && <AlertmanagerInspector key={node.id} node={node} />}
      {node.kind === 'grafana' && <GrafanaInspector key={node.id} node={node} />}
      {(node.kind === 'mimir' || node.kind === 'thanos-receive' || node.kind === 'victoriametrics') && <ReceiverInspector key={node.id} node={node} />}
      {node.kind === 'thanos-querier' && <QuerierInspector key={node.id} node={node} />}
      <NodeConnections nodeId={node.id} />
    </Header>
  );
}

function EdgeView({ edge }: { edge: TopologyEdge }) {
  const index = useDesigner(selectIndex);
  return (
    <Header id={edge.id} kind={edge.kind} title={describeEdge(edge, index)}>
      <EdgeInspector key={edge.id} edge={edge} />
    </Header>
  );
}

function DocumentInspector() {
  const doc = useDesigner(selectDocument);
  const apply = (patch: Parameters<typeof updateDocument>[1]) => designerStore.getState().apply((t) => updateDocument(t, patch));
  return (
    <div className="pt-inspector" data-testid="inspector">
      <div className="pt-inspector-title">
        <h2>Topology</h2>
      </div>
      <Section title="Document">
        <TextField label="Topology name" value={doc.name} onCommit={(name) => apply({ name })} />
        <TextField label="Description" value={doc.description ?? ''} multiline onCommit={(v) => apply({ description: v.trim() === '' ? undefined : v })} />
      </Section>
      <MachineSizesEditor />
      <p className="pt-empty-note">Select a node or an edge to edit it. Shift+drag selects several.</p>
    </div>
  );
}

function MultiInspector({ count }: { count: number }) {
  return (
    <div className="pt-inspector" data-testid="inspector">
      <div className="pt-inspector-title">
        <h2>{count} items selected</h2>
      </div>
      <div className="pt-row-actions padded">
        <SmallButton label="Duplicate" onClick={() => runCommand('edit.duplicate')} />
        <SmallButton label="Select upstream" onClick={() => runCommand('edit.selectUpstream')} />
        <SmallButton label="Select downstream" onClick={() => runCommand('edit.selectDownstream')} />
        <SmallButton label="Delete" danger onClick={() => runCommand('edit.delete')} />
      </div>
    </div>
  );
}

export function Inspector() {
  const selection = useDesigner(selectSelection);
  const index = useDesigner(selectIndex);
  const single = singleSelection(selection);
  if (!single) {
    const n = selection.nodes.length + selection.edges.length;
    return n === 0 ? <DocumentInspector /> : <MultiInspector count={n} />;
  }
  if (single.kind === 'node') {
    const node = index.nodes.get(single.id);
    return node ? <NodeInspector node={node} /> : <DocumentInspector />;
  }
  const edge = index.edges.get(single.id);
  return edge ? <EdgeView edge={edge} /> : <DocumentInspector />;
}
