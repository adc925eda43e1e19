/**
 * The edges of the selected node, each a button that selects it: how the keyboard reaches an edge
 * (the canvas' Tab order holds the nodes only) and a readable list of what the node is wired to.
 */
import { edgeAccessibleName } from '../canvas/accessibleNames.ts';
import { selectIndex } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { Section } from './fields.tsx';
import './connections.css';

export function NodeConnections({ nodeId }: { nodeId: string }) {
  const index = useDesigner(selectIndex);
  const edges = index.edgesOf.get(nodeId) ?? [];
  if (edges.length === 0) return null;
  const nameOf = (id: string) => index.nodes.get(id)?.name ?? `(missing ${id})`;
  return (
    <Section title="Connections">
      <ul className="pt-connections">
        {edges.map((edge) => (
          <li key={edge.id}>
            <button type="button" className="pt-link-button" onClick={() => designerStore.getState().select({ nodes: [], edges: [edge.id] })}>
              {edgeAccessibleName(edge, nameOf)}
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
