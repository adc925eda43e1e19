/**
 * The topology diagram as inline SVG, drawn from the positions in the document (the canvas layout):
 * a box per node with its role and name, a line per edge from the right side of one box to the left
 * side of the other, coloured by kind. Every name is escaped.
 */
import { edgeEnds } from '../model/lookup.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../model/types.ts';
import { escapeHtml } from './escapeHtml.ts';

const BOX_WIDTH = 190;
const BOX_HEIGHT = 52;
const MARGIN = 24;
const NAME_CHARS = 24;

const EDGE_COLOURS: Readonly<Record<TopologyEdge['kind'], string>> = {
  scrape: '#6e7781',
  federation: '#6f42c1',
  alert: '#d4570c',
  datasource: '#d39e00',
  remote_write: '#0b7285',
  store: '#5f3dc4',
};

function roleOf(node: TopologyNode): string {
  switch (node.kind) {
    case 'prometheus':
      return `${node.role} prometheus${node.ha ? ` x${node.ha.replicas} HA` : ''}${node.hashmod ? ` ${node.hashmod.shards} shards` : ''}`;
    case 'targets':
      return 'target group';
    case 'alertmanager':
      return 'alertmanager';
    case 'grafana':
      return 'grafana';
    case 'mimir':
      return 'grafana mimir';
    case 'thanos-receive':
      return 'thanos receive';
    case 'victoriametrics':
      return 'victoriametrics';
    case 'thanos-querier':
      return 'thanos querier';
  }
}

function colourOf(node: TopologyNode): string {
  if (node.kind === 'mimir' || node.kind === 'thanos-receive' || node.kind === 'victoriametrics') return '#0b7285';
  if (node.kind === 'thanos-querier') return '#5f3dc4';
  if (node.kind !== 'prometheus') return node.kind === 'targets' ? '#8c959f' : node.kind === 'alertmanager' ? '#e8590c' : '#f0a500';
  return node.role === 'global' ? '#7048e8' : node.role === 'shard' ? '#1c7ed6' : '#2f9e44';
}

function clip(text: string): string {
  return text.length > NAME_CHARS ? `${text.slice(0, NAME_CHARS - 1)}…` : text;
}

/** The diagram; `label` is the accessible name of the picture. */
export function diagramSvg(topology: Topology, label: string): string {
  if (topology.nodes.length === 0) return '<p class="empty">The design has no nodes yet.</p>';
  const xs = topology.nodes.map((n) => n.position.x);
  const ys = topology.nodes.map((n) => n.position.y);
  const minX = Math.min(...xs) - MARGIN;
  const minY = Math.min(...ys) - MARGIN;
  const width = Math.max(...xs) - minX + BOX_WIDTH + MARGIN;
  const height = Math.max(...ys) - minY + BOX_HEIGHT + MARGIN;
  const at = new Map(topology.nodes.map((n) => [n.id, { x: n.position.x - minX, y: n.position.y - minY }] as const));
  const edges = topology.edges.flatMap((edge) => {
    const [a, b] = edgeEnds(edge);
    // Arrows go from the pulling/sending side on the left to the right, as on the canvas: targets -> server, source -> global.
    const [from, to] = edge.kind === 'scrape' ? [b, a] : edge.kind === 'federation' ? [b, a] : [a, b];
    const p = at.get(from);
    const q = at.get(to);
    if (!p || !q) return [];
    const x1 = p.x + BOX_WIDTH;
    const y1 = p.y + BOX_HEIGHT / 2;
    const x2 = q.x;
    const y2 = q.y + BOX_HEIGHT / 2;
    const mid = (x1 + x2) / 2;
    const dash = edge.kind === 'alert' || edge.kind === 'datasource' ? ' stroke-dasharray="5 4"' : '';
    return [`<path d="M${x1} ${y1} C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}" fill="none" stroke="${EDGE_COLOURS[edge.kind]}" stroke-width="1.6"${dash}/>`];
  });
  const boxes = topology.nodes.map((node) => {
    const p = at.get(node.id) ?? { x: 0, y: 0 };
    return `<g transform="translate(${p.x} ${p.y})"><title>${escapeHtml(node.name)}</title>`
      + `<rect width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="6" fill="#fff" stroke="#d0d7de"/>`
      + `<rect width="5" height="${BOX_HEIGHT}" rx="2" fill="${colourOf(node)}"/>`
      + `<text x="14" y="21" font-size="13" font-weight="600" fill="#1f2328">${escapeHtml(clip(node.name))}</text>`
      + `<text x="14" y="39" font-size="10.5" fill="#59636e">${escapeHtml(roleOf(node))}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="100%" preserveAspectRatio="xMidYMin meet" font-family="system-ui, sans-serif">${edges.join('')}${boxes.join('')}</svg>`;
}
