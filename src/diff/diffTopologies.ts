/**
 * A semantic diff of two topology documents (`promtopo diff`, "Compare with file..."): servers,
 * target groups, Alertmanagers, Grafana, edges and `match[]` selectors added, removed or changed,
 * field by field in user words, and the load change per server. Pure and deterministic.
 */
import { estimateLoad } from '../estimate/estimateLoad.ts';
import type { CatalogIndex, ExporterCatalog } from '../estimate/catalog.ts';
import { describeEdge, describeNode, indexTopology } from '../model/lookup.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../model/types.ts';
import { fieldChanges, showValue, type NameResolvers } from './fieldChanges.ts';
import { loadChanges } from './loadChanges.ts';
import { matchElements } from './matchElements.ts';
import { selectorChanges } from './selectorChanges.ts';
import type { ElementChange, ElementKind, FieldChange, TopologyDiff } from './types.ts';

const ELEMENT_ORDER: readonly ElementKind[] = ['document', 'server', 'targets', 'alertmanager', 'grafana', 'receiver', 'querier', 'edge', 'selector'];
const CHANGE_ORDER = { removed: 0, changed: 1, added: 2 } as const;

function elementOf(node: TopologyNode): ElementKind {
  switch (node.kind) {
    case 'prometheus':
      return 'server';
    case 'mimir':
    case 'thanos-receive':
    case 'victoriametrics':
      return 'receiver';
    case 'thanos-querier':
      return 'querier';
    default:
      return node.kind;
  }
}

function compareChanges(a: ElementChange, b: ElementChange): number {
  return ELEMENT_ORDER.indexOf(a.element) - ELEMENT_ORDER.indexOf(b.element)
    || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)
    || CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change];
}

function documentChange(before: Topology, after: Topology, names: NameResolvers): ElementChange[] {
  const pick = (t: Topology) => ({ name: t.name, description: t.description, settings: t.settings });
  const fields = fieldChanges(pick(before), pick(after), names);
  return fields.length ? [{ change: 'changed', element: 'document', title: 'document', fields }] : [];
}

function selectorList(edge: TopologyEdge): FieldChange[] {
  return edge.kind === 'federation' && edge.match.length ? [{ field: 'match', label: 'match[] selectors', after: showValue(edge.match) }] : [];
}

/** Diffs `before` against `after`; `catalogs` feed the load estimate (as estimateLoad takes them). */
export function diffTopologies(before: Topology, after: Topology, catalogs: readonly ExporterCatalog[] | CatalogIndex = []): TopologyDiff {
  const oldIndex = indexTopology(before);
  const newIndex = indexTopology(after);
  const names: NameResolvers = {
    before: (id) => oldIndex.nodes.get(id)?.name ?? id,
    after: (id) => newIndex.nodes.get(id)?.name ?? id,
  };
  const matching = matchElements(before, after);
  const changes: ElementChange[] = [...documentChange(before, after, names)];
  const moved: string[] = [];

  for (const m of matching.nodes) {
    const fields = fieldChanges(m.before, m.after, names);
    if (fields.length) changes.push({ change: 'changed', element: elementOf(m.after), title: describeNode(m.after), oldId: m.before.id, newId: m.after.id, matchedBy: m.by, fields });
    if (m.before.position.x !== m.after.position.x || m.before.position.y !== m.after.position.y) moved.push(m.after.name);
  }
  for (const n of matching.removedNodes) changes.push({ change: 'removed', element: elementOf(n), title: describeNode(n), oldId: n.id, fields: [] });
  for (const n of matching.addedNodes) changes.push({ change: 'added', element: elementOf(n), title: describeNode(n), newId: n.id, fields: [] });

  for (const m of matching.edges) {
    const title = describeEdge(m.after, newIndex);
    const fields = fieldChanges(m.before, m.after, names);
    if (fields.length) changes.push({ change: 'changed', element: 'edge', title, oldId: m.before.id, newId: m.after.id, matchedBy: m.by, fields });
    if (m.before.kind === 'federation' && m.after.kind === 'federation') {
      for (const s of selectorChanges(m.before.match, m.after.match)) {
        const selectorFields: FieldChange[] = [{ field: 'match', label: 'match[] selector', ...(s.before !== undefined ? { before: s.before } : {}), ...(s.after !== undefined ? { after: s.after } : {}) }];
        changes.push({ change: s.change, element: 'selector', title, oldId: m.before.id, newId: m.after.id, edgeId: m.after.id, fields: selectorFields });
      }
    }
  }
  for (const e of matching.removedEdges) changes.push({ change: 'removed', element: 'edge', title: describeEdge(e, oldIndex), oldId: e.id, fields: selectorList(e) });
  for (const e of matching.addedEdges) changes.push({ change: 'added', element: 'edge', title: describeEdge(e, newIndex), newId: e.id, fields: selectorList(e) });

  changes.sort(compareChanges);
  const load = loadChanges(matching, { topology: before, load: estimateLoad(before, catalogs) }, { topology: after, load: estimateLoad(after, catalogs) });
  return { changed: changes.length > 0, changes, load, moved: moved.sort() };
}
