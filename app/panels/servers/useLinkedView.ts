/** The linked-server view of one server node of the open document (linkedView.ts over the stores). */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { serverInstances } from '../../../src/model/instances.ts';
import type { PrometheusNode, Topology } from '../../../src/model/types.ts';
import { selectDocument, selectServerLoad } from '../../store/selectors.ts';
import { useDesigner } from '../../store/useDesigner.ts';
import { instanceLinkKeys, linkedServerView, type LinkedServerView } from './linkedView.ts';
import { useLinkedServers } from './linkedServers.ts';

/** The link keys of server node `id` in `document` (none when it is no server). */
export function nodeLinkKeys(document: Topology, id: string): string[] {
  const node = document.nodes.find((n): n is PrometheusNode => n.id === id && n.kind === 'prometheus');
  return node ? instanceLinkKeys(document.name, node.id, serverInstances(node)) : [];
}

export function useNodeLinkKeys(id: string): string[] {
  const document = useDesigner(selectDocument);
  return useMemo(() => nodeLinkKeys(document, id), [document, id]);
}

export function useLinkedView(id: string): LinkedServerView | undefined {
  const keys = useNodeLinkKeys(id);
  const select = useMemo(() => selectServerLoad(id), [id]);
  const load = useDesigner(useShallow(select));
  const links = useLinkedServers((s) => s.links);
  const measurements = useLinkedServers((s) => s.measurements);
  return useMemo(
    () =>
      linkedServerView(keys, links, measurements, {
        series: load?.activeSeries ?? 0,
        samplesPerSecond: load?.samplesPerSecond ?? 0,
        ...(load?.residentMemoryBytes !== undefined ? { memoryBytes: load.residentMemoryBytes } : {}),
      }),
    [keys, links, measurements, load],
  );
}
