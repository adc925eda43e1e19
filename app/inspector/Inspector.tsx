/** The inspector: every field of the selected node or edge (filled in by the field editors). */
import { selectSelection } from '../store/selectors.ts';
import { singleSelection } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';

export function Inspector() {
  const selection = useDesigner(selectSelection);
  const single = singleSelection(selection);
  if (!single) {
    const n = selection.nodes.length + selection.edges.length;
    return <p className="pt-empty-note">{n === 0 ? 'Select a node or an edge to edit it.' : `${n} items selected.`}</p>;
  }
  return <p className="pt-empty-note">{single.kind} {single.id}</p>;
}
