/** Every field of a Prometheus server node: identity, intervals, labels, HA, hashmod, instance addresses, capacity, raw YAML. */
import { replicaCount, serverInstances, shardCount } from '../../src/model/instances.ts';
import type { PrometheusNode } from '../../src/model/types.ts';
import { PlanActions, previewShardChange } from './PlanActions.tsx';
import { CheckboxField, NumberField, Section, SelectField, TextField } from './fields.tsx';
import { KeyValueEditor } from './KeyValueEditor.tsx';
import { LoadSummary } from './LoadSummary.tsx';
import { MachineSection } from './MachineSection.tsx';
import { RuleGroupsEditor } from './RuleGroupsEditor.tsx';
import { RunningServerSection } from '../panels/servers/RunningServerSection.tsx';
import { splitLines, splitList, useElementDiagnostics, usePatchNode } from './useElement.ts';

const roles = [
  { value: 'leaf', label: 'Leaf (scrapes targets)' },
  { value: 'global', label: 'Global (federates)' },
  { value: 'shard', label: 'Shard (a slice of targets)' },
] as const;

export function PrometheusInspector({ node }: { node: PrometheusNode }) {
  const patch = usePatchNode(node.id);
  const { at } = useElementDiagnostics(node.id);
  const capacity = node.capacity ?? {};
  const setCapacity = (key: keyof NonNullable<PrometheusNode['capacity']>, v: number | undefined) => {
    const next = { ...capacity, [key]: v };
    if (v === undefined) delete next[key];
    patch({ capacity: Object.keys(next).length > 0 ? next : undefined });
  };
  return (
    <>
      <LoadSummary id={node.id} />
      <PlanActions node={node} />
      <RunningServerSection node={node} />
      <Section title="Server">
        <TextField label="Name" value={node.name} onCommit={(name) => patch({ name })} diagnostics={at('name')} mono />
        <SelectField label="Role" value={node.role} options={roles} onCommit={(role) => patch({ role })} diagnostics={at('role')} />
        <TextField
          label="Address"
          value={node.address}
          onCommit={(address) => patch({ address })}
          diagnostics={at('address')}
          mono
          placeholder="host:9090"
          {...(node.addressFromName ? { hint: 'Follows the name. Type another host to set it yourself.' } : {})}
        />
        <CheckboxField
          label="Derive the address from the name"
          hint="name:port, kept in step when the server is renamed; HA replicas and shards get name-a, name-shard-0, ..."
          checked={node.addressFromName === true}
          onCommit={(on) => patch({ addressFromName: on })}
          diagnostics={at('addressFromName')}
        />
        <CheckboxField
          label="Scrape its own /metrics (job prometheus)"
          hint="So something watches the watcher: up, TSDB and rule-evaluation metrics of this server."
          checked={node.scrapeSelf === true}
          onCommit={(on) => patch({ scrapeSelf: on })}
          diagnostics={at('scrapeSelf')}
        />
        <CheckboxField
          label="Agent mode (scrape and forward by remote_write)"
          hint="--enable-feature=agent: no local queries, rules or alerting; connect it to a receiver."
          checked={node.mode === 'agent'}
          onCommit={(on) => patch({ mode: on ? 'agent' : undefined })}
          diagnostics={at('mode')}
        />
        <CheckboxField
          label="Accept remote_write (receiver)"
          hint="--web.enable-remote-write-receiver: other servers and agents may write to /api/v1/write."
          checked={node.remoteWriteReceiver === true}
          onCommit={(on) => patch({ remoteWriteReceiver: on ? true : undefined })}
          diagnostics={at('remoteWriteReceiver')}
        />
        <CheckboxField
          label="Thanos sidecar"
          hint="Serves this server's data over the StoreAPI (gRPC 10901) to a Thanos querier."
          checked={node.thanosSidecar !== undefined}
          onCommit={(on) => patch({ thanosSidecar: on ? { grpcPort: 10901, httpPort: 10902 } : undefined })}
          diagnostics={at('thanosSidecar')}
        />
        {node.thanosSidecar && (
          <div className="pt-grid-2">
            <NumberField label="Sidecar gRPC port" value={node.thanosSidecar.grpcPort} integer min={1} onCommit={(v) => v !== undefined && node.thanosSidecar && patch({ thanosSidecar: { ...node.thanosSidecar, grpcPort: v } })} diagnostics={at('thanosSidecar.grpcPort')} />
            <NumberField label="Sidecar HTTP port" value={node.thanosSidecar.httpPort} integer min={1} onCommit={(v) => v !== undefined && node.thanosSidecar && patch({ thanosSidecar: { ...node.thanosSidecar, httpPort: v } })} diagnostics={at('thanosSidecar.httpPort')} />
          </div>
        )}
      </Section>
      <Section title="Intervals and retention">
        <div className="pt-grid-2">
          <TextField label="Scrape interval" value={node.scrapeInterval} onCommit={(v) => patch({ scrapeInterval: v })} diagnostics={at('scrapeInterval')} mono />
          <TextField label="Scrape timeout" value={node.scrapeTimeout} onCommit={(v) => patch({ scrapeTimeout: v })} diagnostics={at('scrapeTimeout')} mono />
          <TextField label="Evaluation interval" value={node.evaluationInterval} onCommit={(v) => patch({ evaluationInterval: v })} diagnostics={at('evaluationInterval')} mono />
          <TextField label="Retention" value={node.retention} onCommit={(v) => patch({ retention: v })} diagnostics={at('retention')} mono />
        </div>
      </Section>
      <Section title="External labels">
        <KeyValueEditor label="External labels" value={node.externalLabels} onCommit={(externalLabels) => patch({ externalLabels })} diagnostics={at('externalLabels')} keyPlaceholder="dc" valuePlaceholder="eu-1" hideLabel />
      </Section>
      <Section title="High availability">
        <CheckboxField
          label="Run as an HA group (identical replicas)"
          checked={node.ha !== undefined}
          onCommit={(on) => patch({ ha: on ? { replicas: 2, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true } : undefined })}
          diagnostics={at('ha')}
        />
        {node.ha && (
          <>
            <div className="pt-grid-2">
              <NumberField label="Replicas" value={node.ha.replicas} integer min={1} onCommit={(v) => v !== undefined && node.ha && patch({ ha: { ...node.ha, replicas: v } })} diagnostics={at('ha.replicas')} />
              <TextField label="Replica label" value={node.ha.replicaLabel} onCommit={(v) => node.ha && patch({ ha: { ...node.ha, replicaLabel: v } })} diagnostics={at('ha.replicaLabel')} mono />
            </div>
            <CheckboxField
              label="Drop the replica label from alerts"
              hint="So Alertmanager de-duplicates the replicas' alerts."
              checked={node.ha.dropReplicaLabelOnAlerts}
              onCommit={(v) => node.ha && patch({ ha: { ...node.ha, dropReplicaLabelOnAlerts: v } })}
              diagnostics={at('ha.dropReplicaLabelOnAlerts')}
            />
          </>
        )}
      </Section>
      <Section title="Hashmod sharding">
        <CheckboxField
          label="Split the targets over shards (hashmod)"
          checked={node.hashmod !== undefined}
          onCommit={(on) => patch({ hashmod: on ? { shards: 2, sourceLabels: ['__address__'] } : undefined })}
          diagnostics={at('hashmod')}
        />
        {node.hashmod && (
          <div className="pt-grid-2">
            <NumberField
              label="Shards"
              value={node.hashmod.shards}
              integer
              min={1}
              hint="A new count opens the resharding preview: which targets move, and what that means for history and queries."
              onCommit={(v) => v !== undefined && node.hashmod && v !== node.hashmod.shards && previewShardChange(node, v)}
              diagnostics={at('hashmod.shards')}
            />
            <TextField
              label="Source labels"
              value={node.hashmod.sourceLabels.join(', ')}
              onCommit={(v) => node.hashmod && patch({ hashmod: { ...node.hashmod, sourceLabels: splitList(v) } })}
              diagnostics={at('hashmod.sourceLabels')}
              mono
            />
          </div>
        )}
      </Section>
      {(node.ha || node.hashmod) && <InstanceAddresses node={node} patch={patch} diagnostics={at('instanceAddresses')} />}
      <MachineSection node={node} />
      <Section title="Capacity per instance">
        <div className="pt-grid-2">
          <NumberField label="Active series" value={capacity.activeSeries} optional min={1} placeholder="default" onCommit={(v) => setCapacity('activeSeries', v)} diagnostics={at('capacity.activeSeries')} />
          <NumberField label="Samples/s" value={capacity.samplesPerSecond} optional min={1} placeholder="default" onCommit={(v) => setCapacity('samplesPerSecond', v)} diagnostics={at('capacity.samplesPerSecond')} />
          <NumberField label="Memory (bytes)" value={capacity.memoryBytes} optional min={1} placeholder="default" onCommit={(v) => setCapacity('memoryBytes', v)} diagnostics={at('capacity.memoryBytes')} />
          <NumberField label="Disk (bytes)" value={capacity.diskBytes} optional min={1} placeholder="default" onCommit={(v) => setCapacity('diskBytes', v)} diagnostics={at('capacity.diskBytes')} />
        </div>
      </Section>
      <RuleGroupsEditor node={node} diagnostics={at('ruleGroups')} onCommit={(ruleGroups) => patch({ ruleGroups })} />
      <Section title="Raw YAML (escape hatch)">
        <TextField
          label="Extra scrape_configs"
          value={node.extraScrapeConfigs ?? ''}
          multiline
          mono
          placeholder="- job_name: custom&#10;  static_configs: ..."
          onCommit={(v) => patch({ extraScrapeConfigs: v.trim() === '' ? undefined : v })}
          diagnostics={at('extraScrapeConfigs')}
        />
        <TextField
          label="Extra top-level config"
          value={node.extraConfig ?? ''}
          multiline
          mono
          placeholder="remote_write: ..."
          onCommit={(v) => patch({ extraConfig: v.trim() === '' ? undefined : v })}
          diagnostics={at('extraConfig')}
        />
      </Section>
    </>
  );
}

const MAX_LISTED_INSTANCES = 64;

/** Where each replica or shard listens: listed by the user, or derived (shown as the placeholder). */
function InstanceAddresses({ node, patch, diagnostics }: { node: PrometheusNode; patch: ReturnType<typeof usePatchNode>; diagnostics: ReturnType<ReturnType<typeof useElementDiagnostics>['at']> }) {
  const count = replicaCount(node) * shardCount(node);
  // Absurd counts are reported by ha/replicas and hashmod/shards; do not list thousands of lines.
  const derived = count <= MAX_LISTED_INSTANCES ? serverInstances({ ...node, instanceAddresses: undefined }) : [];
  return (
    <Section title="Instance addresses">
      <TextField
        label="Instance addresses (one per line, optional)"
        value={(node.instanceAddresses ?? []).join('\n')}
        multiline
        mono
        placeholder={derived.map((i) => i.address).join('\n')}
        hint={`${count} instances, ordered by shard then replica${derived.length ? ` (${derived.map((i) => i.key).join(', ')})` : ''}. Instances not listed are derived: ${node.addressFromName ? 'a host of their own, named after the server' : 'the address with the port advanced by the instance index'}.`}
        onCommit={(v) => {
          const list = splitLines(v);
          patch({ instanceAddresses: list.length > 0 ? list : undefined });
        }}
        diagnostics={diagnostics}
      />
    </Section>
  );
}
