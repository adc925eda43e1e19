/** Inspectors of target groups, Alertmanagers and Grafana. */
import type { AlertmanagerNode, GrafanaNode, TargetGroupNode } from '../../src/model/types.ts';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { FieldMessages, NumberField, Section, SelectField, SmallButton, TextField } from './fields.tsx';
import { KeyValueEditor } from './KeyValueEditor.tsx';
import { splitLines, useElementDiagnostics, usePatchNode } from './useElement.ts';

const exporterOptions = [
  { value: '', label: 'None (give series per target)' },
  ...builtinCatalogs.map((c) => ({ value: c.id, label: c.id })),
];

export function TargetGroupInspector({ node }: { node: TargetGroupNode }) {
  const patch = usePatchNode(node.id);
  const { at } = useElementDiagnostics(node.id);
  const known = exporterOptions.some((o) => o.value === (node.exporter ?? ''));
  const options = known ? exporterOptions : [...exporterOptions, { value: node.exporter ?? '', label: `${node.exporter} (no catalog)` }];
  return (
    <>
      <Section title="Target group">
        <TextField label="Name (job_name)" value={node.name} mono onCommit={(name) => patch({ name })} diagnostics={at('name')} />
        <SelectField label="Exporter" value={node.exporter ?? ''} options={options} onCommit={(v) => patch({ exporter: v === '' ? undefined : v })} diagnostics={at('exporter')} />
        <NumberField label="Series per target" value={node.seriesPerTarget} optional min={0} placeholder="from the exporter catalog" onCommit={(v) => patch({ seriesPerTarget: v })} diagnostics={at('seriesPerTarget')} />
      </Section>
      <Section title="Targets">
        <TextField
          label="Targets (host:port, one per line)"
          value={node.targets.join('\n')}
          multiline
          mono
          placeholder="Empty: use a count of placeholder targets"
          onCommit={(v) => patch({ targets: splitLines(v) })}
          diagnostics={at('targets')}
        />
        {node.targets.length === 0 && (
          <div className="pt-grid-2">
            <NumberField label="Count" value={node.count} optional integer min={0} onCommit={(v) => patch({ count: v })} diagnostics={at('count')} />
            <NumberField label="Port" value={node.port} optional integer min={1} onCommit={(v) => patch({ port: v })} diagnostics={at('port')} />
          </div>
        )}
        {node.discovery && (
          <NumberField
            label="Discovered targets (expected, for the load estimate)"
            value={node.discovery.targets}
            optional
            integer
            min={0}
            onCommit={(v) => patch({ discovery: v === undefined ? {} : { targets: v } })}
            diagnostics={at('discovery.targets')}
          />
        )}
      </Section>
      <Section title="Scrape settings">
        <div className="pt-grid-2">
          <TextField label="Scrape interval" value={node.scrapeInterval ?? ''} mono placeholder="server's" onCommit={(v) => patch({ scrapeInterval: v.trim() || undefined })} diagnostics={at('scrapeInterval')} />
          <TextField label="Scrape timeout" value={node.scrapeTimeout ?? ''} mono placeholder="server's" onCommit={(v) => patch({ scrapeTimeout: v.trim() || undefined })} diagnostics={at('scrapeTimeout')} />
          <TextField label="Metrics path" value={node.metricsPath ?? ''} mono placeholder="/metrics" onCommit={(v) => patch({ metricsPath: v.trim() || undefined })} diagnostics={at('metricsPath')} />
          <SelectField
            label="Scheme"
            value={node.scheme ?? 'http'}
            options={[{ value: 'http', label: 'http' }, { value: 'https', label: 'https' }]}
            onCommit={(v) => patch({ scheme: v === 'http' ? undefined : v })}
            diagnostics={at('scheme')}
          />
        </div>
        <KeyValueEditor label="Target labels" value={node.labels} onCommit={(labels) => patch({ labels })} diagnostics={at('labels')} keyPlaceholder="team" />
        <TextField label="Extra job YAML" value={node.extraConfig ?? ''} multiline mono placeholder="basic_auth: ..." onCommit={(v) => patch({ extraConfig: v.trim() === '' ? undefined : v })} diagnostics={at('extraConfig')} />
      </Section>
    </>
  );
}

export function AlertmanagerInspector({ node }: { node: AlertmanagerNode }) {
  const patch = usePatchNode(node.id);
  const { at } = useElementDiagnostics(node.id);
  const setInstance = (i: number, address: string, clusterAddress: string) =>
    patch({ instances: node.instances.map((x, j) => (j === i ? { address, ...(clusterAddress.trim() ? { clusterAddress } : {}) } : x)) });
  return (
    <>
      <Section title="Alertmanager">
        <TextField label="Name" value={node.name} mono onCommit={(name) => patch({ name })} diagnostics={at('name')} />
      </Section>
      <Section
        title={`Instances (${node.instances.length})`}
        aside={<SmallButton label="+ Instance" title="Add an Alertmanager instance" onClick={() => patch({ instances: [...node.instances, { address: `${node.name}-${node.instances.length + 1}:9093` }] })} />}
      >
        <FieldMessages diagnostics={at('instances').filter((d) => d.at.field === 'instances')} />
        {node.instances.map((inst, i) => (
          <div className="pt-instance" key={i}>
            <div className="pt-grid-2">
              <TextField label={`Address ${i + 1}`} value={inst.address} mono onCommit={(v) => setInstance(i, v, inst.clusterAddress ?? '')} diagnostics={at(`instances[${i}].address`)} />
              <TextField label="Cluster address" value={inst.clusterAddress ?? ''} mono placeholder="host:9094" onCommit={(v) => setInstance(i, inst.address, v)} diagnostics={at(`instances[${i}].clusterAddress`)} />
            </div>
            {node.instances.length > 1 && <SmallButton label="Remove instance" danger onClick={() => patch({ instances: node.instances.filter((_, j) => j !== i) })} />}
          </div>
        ))}
      </Section>
    </>
  );
}

export function GrafanaInspector({ node }: { node: GrafanaNode }) {
  const patch = usePatchNode(node.id);
  const { at } = useElementDiagnostics(node.id);
  return (
    <Section title="Grafana">
      <TextField label="Name" value={node.name} mono onCommit={(name) => patch({ name })} diagnostics={at('name')} />
      <TextField label="Address" value={node.address} mono onCommit={(address) => patch({ address })} diagnostics={at('address')} />
      <div className="pt-field-hint">Connect Grafana to Prometheus servers to make them its data sources.</div>
    </Section>
  );
}
