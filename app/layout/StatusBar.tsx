/**
 * The bottom bar: the latest status message (refused connection, copied, ...) and statusbar slots.
 * A message speaks of the moment it was posted: it goes away after a while, and at once when the
 * user does something else (the document or the selection changes).
 */
import { useEffect, useState } from 'react';
import type { Topology } from '../../src/model/types.ts';
import type { Selection } from '../store/designerStore.ts';
import { selectDocument, selectSelection, selectStatus } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';
import type { SlotContribution } from './slots.ts';

/** Messages fade after this long (errors stay twice as long). */
const MESSAGE_MS = 6000;

/** What the user was looking at when the message was posted. */
interface PostedAt {
  readonly seq: number;
  readonly document: Topology;
  readonly selection: Selection;
}

export function StatusBar({ items }: { items: readonly SlotContribution[] }) {
  const status = useDesigner(selectStatus);
  const doc = useDesigner(selectDocument);
  const selection = useDesigner(selectSelection);
  const [visible, setVisible] = useState(false);
  const [postedAt, setPostedAt] = useState<PostedAt | null>(null);
  useEffect(() => {
    if (!status) return;
    setVisible(true);
    setPostedAt({ seq: status.seq, document: doc, selection });
    const timer = setTimeout(() => setVisible(false), status.kind === 'error' ? MESSAGE_MS * 2 : MESSAGE_MS);
    return () => clearTimeout(timer);
    // Only a new message re-arms: the document and selection are read as they were when it came.
  }, [status]);
  const current = postedAt !== null && postedAt.seq === status?.seq && postedAt.document === doc && postedAt.selection === selection;
  return (
    <footer className="pt-statusbar">
      <span className="pt-status-counts">
        {doc.nodes.length} nodes · {doc.edges.length} edges
      </span>
      <span className={`pt-status-message ${status?.kind ?? ''}`} role="status" aria-live="polite" data-testid="status-message">
        {visible && current && status ? status.text : ''}
      </span>
      <span className="pt-status-slots">
        {items.map(({ id, component: Item }) => (
          <Item key={id} />
        ))}
      </span>
    </footer>
  );
}
