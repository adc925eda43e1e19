/**
 * The canvas card of one node: role icon and colour, name, address, replica/shard badges, diagnostic
 * marker, and for servers the load badges (series, samples/s, memory) on a heat colour. Memoized; it
 * reads its load from the store through its own narrow selector.
 */
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo, useContext, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TopologyNode } from '../../src/model/types.ts';
import type { ServerLoadView } from '../store/engine.ts';
import { selectDownState, selectMachineBadge } from '../store/capacitySelectors.ts';
import { selectReceiverLoad, selectServerLoad } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';
import { roleLabel } from './accessibleNames.ts';
import { formatBytes, formatCount, formatPercent } from './format.ts';
import { DetailContext } from './levelOfDetail.ts';
import { ROLE_ICONS } from './roleIcons.ts';
import { RunBadges } from '../panels/run/RunBadges.tsx';
import { LinkedBadges } from '../panels/servers/LinkedBadges.tsx';
import type { TopologyFlowNode } from './toFlow.ts';


function roleOf(node: TopologyNode): string {
  if (node.kind === 'prometheus') return node.mode === 'agent' ? 'agent' : node.role;
  return node.kind;
}

function subtitle(node: TopologyNode): string {
  switch (node.kind) {
    case 'prometheus':
    case 'grafana':
    case 'mimir':
    case 'thanos-receive':
    case 'victoriametrics':
      return node.address;
    case 'thanos-querier':
      return node.replicaLabels.length ? `${node.address} · dedup ${node.replicaLabels.join(', ')}` : node.address;
    case 'targets': {
      const n = node.targets.length > 0 ? node.targets.length : (node.count ?? 0);
      return `${n} target${n === 1 ? '' : 's'}${node.exporter ? ` · ${node.exporter}` : ''}`;
    }
    case 'alertmanager':
      return node.instances.length === 1 ? (node.instances[0]?.address ?? '') : `${node.instances.length} instances (cluster)`;
  }
}

function LoadBadges({ id }: { id: string }) {
  const select = useMemo(() => selectServerLoad(id), [id]);
  const load: ServerLoadView | undefined = useDesigner(useShallow(select));
  if (!load) return null;
  const title = `${formatCount(load.activeSeries)} active series, ${formatCount(load.samplesPerSecond)} samples/s, ${formatBytes(load.memoryBytes)} head memory` +
    (load.residentMemoryBytes !== undefined ? `, ${formatBytes(load.residentMemoryBytes)} process memory (RSS)` : '') +
    (load.utilisation !== undefined ? `, ${formatPercent(load.utilisation)} of capacity` : '');
  return (
    <div className="pt-node-load" title={title} data-testid="load-badges">
      <span className="pt-badge load" data-metric="series">{formatCount(load.activeSeries)} series</span>
      <span className="pt-badge load" data-metric="samples">{formatCount(load.samplesPerSecond)}/s</span>
      <span className="pt-badge load" data-metric="memory">{formatBytes(load.memoryBytes)} head</span>
      {load.residentMemoryBytes !== undefined && <span className="pt-badge load" data-metric="rss">{formatBytes(load.residentMemoryBytes)} RSS</span>}
      {load.remoteWriteMemoryBytes !== undefined && <span className="pt-badge load" data-metric="remote-write-memory" title="Extra memory of remote_write (WAL reading and queues), included in RSS">+{formatBytes(load.remoteWriteMemoryBytes)} rw</span>}
      {load.utilisation !== undefined && <span className="pt-badge load util" data-metric="utilisation">{formatPercent(load.utilisation)}</span>}
    </div>
  );
}

/** What a remote-write receiver ingests: samples/s, active series and HA duplicates among them. */
function ReceiverBadges({ id }: { id: string }) {
  const select = useMemo(() => selectReceiverLoad(id), [id]);
  const load = useDesigner(select);
  if (!load) return null;
  const title = `remote_write in: ${formatCount(load.samplesPerSecond)} samples/s, ${formatCount(load.activeSeries)} active series` +
    (load.duplicateSeries > 0 ? `, ${formatCount(load.duplicateSeries)} of them HA duplicates` : '');
  return (
    <div className="pt-node-load" title={title} data-testid="receiver-badges">
      <span className="pt-badge load" data-metric="ingest">in {formatCount(load.samplesPerSecond)}/s</span>
      <span className="pt-badge load" data-metric="ingest-series">{formatCount(load.activeSeries)} series</span>
      {load.duplicateSeries > 0 && <span className="pt-badge load util" data-metric="duplicates">{formatCount(load.duplicateSeries)} dup</span>}
    </div>
  );
}

/** The machine size and, in a failure what-if, whether the server is down or covered. */
function MachineBadges({ id }: { id: string }) {
  const machine = useDesigner(useMemo(() => selectMachineBadge(id), [id]));
  const down = useDesigner(useMemo(() => selectDownState(id), [id]));
  if (!machine && !down) return null;
  return (
    <div className="pt-node-badges" data-testid="machine-badges">
      {machine && <span className={`pt-badge machine${machine.endsWith('too small') ? ' too-small' : ''}`} data-metric="machine" title="Machine size (Load panel: why)">{machine}</span>}
      {down && <span className={`pt-badge whatif ${down}`} data-metric="down" title="Failure what-if">{down === 'covered' ? 'down, HA covers' : down}</span>}
    </div>
  );
}

function NodeCardImpl({ data, selected }: NodeProps<TopologyFlowNode>) {
  const { node, markers, heat } = data;
  const role = roleOf(node);
  const acceptsInput = node.kind !== 'targets';
  const givesOutput = node.kind === 'prometheus' || node.kind === 'targets';
  // Zoomed far out: role, name and marker only (the rest is unreadable at that size).
  const full = useContext(DetailContext) === 'full';
  return (
    <div
      className={`pt-node role-${role} heat-${heat}${selected ? ' selected' : ''}${full ? '' : ' compact'}`}
      data-testid={`node-${node.name}`}
    >
      {acceptsInput && <Handle type="target" position={Position.Left} className="pt-handle" />}
      <div className="pt-node-head">
        <span className="pt-node-icon" aria-hidden="true">{ROLE_ICONS[role]}</span>
        <span className="pt-node-name" title={node.name}>{node.name}</span>
        {(markers.errors > 0 || markers.warnings > 0) && (
          <span
            className={`pt-marker ${markers.errors > 0 ? 'error' : 'warning'}`}
            title={`${markers.errors} error(s), ${markers.warnings} warning(s)`}
            data-testid="diagnostic-marker"
          >
            {markers.errors > 0 ? `✕ ${markers.errors}` : `! ${markers.warnings}`}
          </span>
        )}
      </div>
      {full && <div className="pt-node-sub">
        <span className="pt-node-role">{roleLabel(node)}</span>
        <span className="pt-node-addr" title={subtitle(node)}>{subtitle(node)}</span>
      </div>}
      {full && node.kind === 'prometheus' && (node.ha || node.hashmod) && (
        <div className="pt-node-badges">
          {node.ha && <span className="pt-badge ha">x{node.ha.replicas} HA</span>}
          {node.hashmod && <span className="pt-badge shards">{node.hashmod.shards} shards</span>}
        </div>
      )}
      {full && node.kind === 'prometheus' && <LoadBadges id={node.id} />}
      {full && node.kind !== 'targets' && node.kind !== 'grafana' && node.kind !== 'alertmanager' && <ReceiverBadges id={node.id} />}
      {full && node.kind === 'prometheus' && <MachineBadges id={node.id} />}
      {node.kind === 'prometheus' && <RunBadges id={node.id} />}
      {node.kind === 'prometheus' && <LinkedBadges id={node.id} />}
      {givesOutput && <Handle type="source" position={Position.Right} className="pt-handle" />}
    </div>
  );
}

export const NodeCard = memo(NodeCardImpl);
