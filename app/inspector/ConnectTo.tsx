/**
 * "Connect to": the keyboard's way to draw an edge. Lists the nodes the selected one can be
 * connected to (the same rules as dragging a handle) and connects on the button; the new edge is
 * then selected, as after a drag.
 */
import { useId, useState } from 'react';
import { connectNodes } from '../commands/connectNodes.ts';
import { selectDocument } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { choiceLabel, connectChoices } from './connectChoices.ts';

export function ConnectTo({ nodeId }: { nodeId: string }) {
  const document = useDesigner(selectDocument);
  const choices = connectChoices(document, nodeId);
  const [chosen, setChosen] = useState('');
  const id = useId();
  const target = choices.some((c) => c.id === chosen) ? chosen : '';
  if (choices.length === 0) return null;
  return (
    <div className="pt-field pt-connect-to">
      <label htmlFor={id}>Connect to</label>
      <div className="pt-input-row">
        <select id={id} className="pt-input" value={target} onChange={(e) => setChosen(e.target.value)}>
          <option value="">Choose a node…</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {choiceLabel(c)}
            </option>
          ))}
        </select>
        <button type="button" className="pt-small-button" disabled={target === ''} onClick={() => target && connectNodes(designerStore, nodeId, target)}>
          Connect
        </button>
      </div>
    </div>
  );
}
