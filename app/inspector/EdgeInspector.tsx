/** Inspector of an edge: its ends, and the options of its kind (federation match[] list, ...). */
import { replicaCount, replicaValue } from '../../src/model/instances.ts';
import type { TopologyEdge, TopologyNode } from '../../src/model/types.ts';
import { formatBytes, formatCount } from '../canvas/format.ts';
import { selectEdgeLoad, selectIndex } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';
import { CheckboxField, Section, SelectField, TextField } from './fields.tsx';
import { MatchListEditor } from './MatchListEditor.tsx';
import { RemoteWriteEdgeEditor } from './RemoteWriteEdgeEditor.tsx';
import { useElementDiagnostics, usePatchEdge } from './useElement.ts';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';

const sentences: Record<TopologyEdge['kind'], (a: string, b: string) => string> = {
  scrape: (server, targets) => `${server} scrapes the target group ${targets}.`,
  federation: (server, source) => `${server} pulls series from ${source}'s /federate.`,
  alert: (server, am) => `${server} sends its alerts to ${am}.`,
  datasource: (grafana, server) => `${grafana} queries ${server} as a data source.`,
  remote_write: (server, receiver) => `${server} sends everything it ingests to ${receiver} by remote_write.`,
  store: (querier, store) => `${querier} reads ${store} over the Thanos StoreAPI.`,
};

function ends(edge: TopologyEdge): [string, string] {
  switch (edge.kind) {
    case 'scrape':
      return [edge.server, edge.targets];
    case 'federation':
      return [edge.server, edge.source];
    case 'alert':
      return [edge.server, edge.alertmanager];
    case 'datasource':
      return [edge.grafana, edge.server];
    case 'remote_write':
      return [edge.server, edge.receiver];
    case 'store':
      return [edge.querier, edge.store];
  }
}

export function EdgeInspector({ edge }: { edge: TopologyEdge }) {
  const index = useDesigner(selectIndex);
  const patch = usePatchEdge(edge.id);
  const { at } = useElementDiagnostics(edge.id);
  const selectLoad = useMemo(() => selectEdgeLoad(edge.id), [edge.id]);
  const load = useDesigner(useShallow(selectLoad));
  const [a, b] = ends(edge).map((id) => index.nodes.get(id));
  const name = (n: TopologyNode | undefined, id: string) => n?.name ?? `(missing ${id})`;
  return (
    <>
      <Section title="Connection">
        <p className="pt-sentence">{sentences[edge.kind](name(a, ends(edge)[0]), name(b, ends(edge)[1]))}</p>
        {load && (
          <div className="pt-load-summary compact" data-testid="edge-load">
            <div><span>Series</span><b>{formatCount(load.series)}</b></div>
            <div><span>Samples/s</span><b>{formatCount(load.samplesPerSecond)}</b></div>
            {load.bytesPerSecond !== undefined && <div><span>Bytes/s</span><b>{formatBytes(load.bytesPerSecond)}/s</b></div>}
          </div>
        )}
      </Section>
      {edge.kind === 'federation' && (
        <>
          <Section title="Federation">
            <MatchListEditor match={edge.match} diagnostics={at('match')} onCommit={(match) => patch({ match })} />
          </Section>
          <Section title="Options">
            <div className="pt-grid-2">
              <TextField label="Scrape interval" value={edge.scrapeInterval ?? ''} mono placeholder="server's" onCommit={(v) => patch({ scrapeInterval: v.trim() || undefined })} diagnostics={at('scrapeInterval')} />
              <TextField label="Scrape timeout" value={edge.scrapeTimeout ?? ''} mono placeholder="server's" onCommit={(v) => patch({ scrapeTimeout: v.trim() || undefined })} diagnostics={at('scrapeTimeout')} />
            </div>
            <CheckboxField label="honor_labels" hint="Keep the source's job/instance labels (recommended)." checked={edge.honorLabels} onCommit={(honorLabels) => patch({ honorLabels })} diagnostics={at('honorLabels')} />
            {b?.kind === 'prometheus' && b.ha && (
              <SelectField
                label="Source replica"
                value={edge.sourceReplica === undefined ? '0' : String(edge.sourceReplica)}
                options={[
                  ...Array.from({ length: replicaCount(b) }, (_, i) => ({ value: String(i), label: `replica ${replicaValue(i)}` })),
                  { value: 'all', label: 'all replicas (doubles series)' },
                ]}
                onCommit={(v) => patch({ sourceReplica: v === 'all' ? 'all' : Number(v) === 0 ? undefined : Number(v) })}
                diagnostics={at('sourceReplica')}
              />
            )}
          </Section>
        </>
      )}
      {edge.kind === 'remote_write' && <RemoteWriteEdgeEditor key={edge.id} edge={edge} patch={patch} at={at} />}
      {edge.kind === 'datasource' && (
        <Section title="Data source">
          <CheckboxField label="Default data source" hint="Only one data source per Grafana may be the default." checked={edge.isDefault} onCommit={(isDefault) => patch({ isDefault })} diagnostics={at('isDefault')} />
          <SelectField
            label="HA replicas"
            value={edge.replicas ?? 'first'}
            options={[
              { value: 'first', label: 'replica a only' },
              { value: 'each', label: 'a data source per replica (failover)' },
            ]}
            onCommit={(v) => patch({ replicas: v === 'each' ? 'each' : undefined })}
            diagnostics={at('replicas')}
          />
        </Section>
      )}
    </>
  );
}
