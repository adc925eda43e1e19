/** The bottom bar: the latest status message (refused connection, copied, ...) and statusbar slots. */
import { useEffect, useState } from 'react';
import { selectDocument, selectStatus } from '../store/selectors.ts';
import { useDesigner } from '../store/useDesigner.ts';
import type { SlotContribution } from './slots.ts';

/** Messages fade after this long (errors stay twice as long). */
const MESSAGE_MS = 6000;

export function StatusBar({ items }: { items: readonly SlotContribution[] }) {
  const status = useDesigner(selectStatus);
  const doc = useDesigner(selectDocument);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!status) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), status.kind === 'error' ? MESSAGE_MS * 2 : MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <footer className="pt-statusbar">
      <span className="pt-status-counts">
        {doc.nodes.length} nodes · {doc.edges.length} edges
      </span>
      <span className={`pt-status-message ${status?.kind ?? ''}`} role="status" aria-live="polite" data-testid="status-message">
        {visible && status ? status.text : ''}
      </span>
      <span className="pt-status-slots">
        {items.map(({ id, component: Item }) => (
          <Item key={id} />
        ))}
      </span>
    </footer>
  );
}
