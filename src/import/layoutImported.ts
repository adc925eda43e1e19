/**
 * Layout of an imported topology. The designer's auto-layout (dagre, one column per layer) is fine for
 * a handful of nodes, but a real setup has dozens of jobs: one tall column of target groups fits the
 * screen only at a zoom where labels cannot be read. Imports therefore also get a wrapped layered
 * layout (each layer a block of columns, rows chosen so the whole fits a 16:10 screen), and whichever
 * of the two fits at the larger zoom is kept.
 */
import { autoLayout, LAYOUT_NODE_SIZE } from '../model/edit/autoLayout.ts';
import type { Topology, TopologyNode } from '../model/types.ts';

/** The screen the layout is made for (a designer window's canvas), in pixels. */
export const LAYOUT_VIEWPORT = { width: 1280, height: 800 } as const;

const CELL = { width: LAYOUT_NODE_SIZE.width + 20, height: LAYOUT_NODE_SIZE.height + 20 } as const;
const LAYER_GAP = 100;

function layerOf(n: TopologyNode): number {
  if (n.kind === 'targets') return 0;
  if (n.kind === 'prometheus') return n.role === 'global' ? 2 : 1;
  return 3;
}

/** Zoom at which the nodes' bounding box fits the viewport (React Flow's fit view, without padding). */
export function fitZoom(t: Topology): number {
  if (t.nodes.length === 0) return 1;
  const xs = t.nodes.map((n) => n.position.x);
  const ys = t.nodes.map((n) => n.position.y);
  const width = Math.max(...xs) - Math.min(...xs) + LAYOUT_NODE_SIZE.width;
  const height = Math.max(...ys) - Math.min(...ys) + LAYOUT_NODE_SIZE.height;
  return Math.min(LAYOUT_VIEWPORT.width / width, LAYOUT_VIEWPORT.height / height);
}

/** Target groups ordered by the first server that scrapes them, so each sits near its server. */
function orderedLayers(t: Topology): TopologyNode[][] {
  const layers: TopologyNode[][] = [[], [], [], []];
  for (const n of t.nodes) layers[layerOf(n)]?.push(n);
  const serverOrder = new Map<string, number>();
  (layers[1] ?? []).concat(layers[2] ?? []).forEach((s, i) => serverOrder.set(s.id, i));
  const firstScraper = new Map<string, number>();
  for (const e of t.edges) {
    if (e.kind !== 'scrape') continue;
    const rank = serverOrder.get(e.server) ?? Number.MAX_SAFE_INTEGER;
    firstScraper.set(e.targets, Math.min(firstScraper.get(e.targets) ?? Number.MAX_SAFE_INTEGER, rank));
  }
  const tIndex = new Map(t.nodes.map((n, i) => [n.id, i] as const));
  layers[0]?.sort((a, b) => (firstScraper.get(a.id) ?? 0) - (firstScraper.get(b.id) ?? 0) || (tIndex.get(a.id) ?? 0) - (tIndex.get(b.id) ?? 0));
  return layers.filter((l) => l.length > 0);
}

/** Wrapped layered layout with `rows` rows per layer block. */
function wrapped(t: Topology, rows: number): Topology {
  const positions = new Map<string, { x: number; y: number }>();
  let x = 0;
  const layers = orderedLayers(t);
  const blockRows = Math.min(rows, Math.max(...layers.map((l) => l.length)));
  for (const layer of layers) {
    const used = Math.min(rows, layer.length);
    const columns = Math.ceil(layer.length / used);
    // Centre short layers vertically against the tallest block.
    const offset = ((blockRows - used) * CELL.height) / 2;
    layer.forEach((n, i) => positions.set(n.id, { x: x + Math.floor(i / used) * CELL.width, y: Math.round(offset + (i % used) * CELL.height) }));
    x += columns * CELL.width + LAYER_GAP;
  }
  return { ...t, nodes: t.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position }) as TopologyNode) };
}

/** The imported topology laid out for reading at fit view. */
export function layoutImported(t: Topology): Topology {
  const dagre = autoLayout(t);
  let best = dagre;
  let bestZoom = fitZoom(dagre);
  const tallest = Math.max(0, ...orderedLayers(t).map((l) => l.length));
  for (let rows = 1; rows <= tallest; rows++) {
    const candidate = wrapped(t, rows);
    const zoom = fitZoom(candidate);
    if (zoom > bestZoom + 1e-9) {
      best = candidate;
      bestZoom = zoom;
    }
  }
  return best;
}
