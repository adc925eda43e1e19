/**
 * What copy puts on the operating system's clipboard: a complete `.promtopo.json` document holding
 * the copied nodes and the edges between them (paste it into a chat, a file, another PromTopo
 * window), and what paste accepts back: any topology document, checked by the same schema as Open.
 */
import { parseTopology, serializeTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import type { Fragment } from '../../src/model/edit/selectionEdits.ts';

/** The document text for `fragment`, copied out of `from` (its settings and catalogs travel along). */
export function fragmentToClipboardText(from: Topology, fragment: Fragment): string {
  return serializeTopology({ ...from, name: `${from.name} (copied)`, nodes: [...fragment.nodes], edges: [...fragment.edges] });
}

/** The nodes and edges of a topology document in `text`, or why it is not one. */
export function fragmentFromClipboardText(text: string): { ok: true; fragment: Fragment } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: false, reason: 'the clipboard is empty' };
  const parsed = parseTopology(text, 'clipboard');
  if (!parsed.ok) return { ok: false, reason: parsed.diagnostics[0]?.message ?? 'clipboard: not a PromTopo topology' };
  if (parsed.topology.nodes.length === 0) return { ok: false, reason: 'clipboard: the topology has no nodes' };
  return { ok: true, fragment: { nodes: parsed.topology.nodes, edges: parsed.topology.edges } };
}
