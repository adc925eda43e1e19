/**
 * Names and ids: every node name is DNS-safe and unique across all nodes (names become host names,
 * bundle folders, job names and Grafana data source names); ids are unique across nodes and edges.
 */
import { isDnsSafeName, toDnsSafeName } from '../model/names.ts';
import { reportDocument, reportNode, q, type ValidationContext } from './context.ts';

export function checkNames(ctx: ValidationContext): void {
  const byName = new Map<string, string[]>();
  for (const node of ctx.t.nodes) {
    if (!isDnsSafeName(node.name)) {
      reportNode(ctx, 'name/invalid', 'error', node, 'name', `${q(node.name)} is not a DNS-safe name`, {
        hint: `Use 1-63 lowercase letters, digits and "-", starting and ending with a letter or digit, e.g. ${q(toDnsSafeName(node.name))}.`,
      });
    }
    const ids = byName.get(node.name);
    if (ids) ids.push(node.id);
    else byName.set(node.name, [node.id]);
  }
  for (const [name, ids] of byName) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      const node = ctx.index.nodes.get(id);
      if (!node) continue;
      reportNode(ctx, 'name/duplicate', 'error', node, 'name', `the name ${q(name)} is used by ${ids.length} nodes`, {
        hint: 'Every node needs its own name: names become host names, bundle folders and job names.',
      });
    }
  }
  const seen = new Map<string, string>();
  const items: { id: string; what: string }[] = [
    ...ctx.t.nodes.map((n, i) => ({ id: n.id, what: `nodes[${i}]` })),
    ...ctx.t.edges.map((e, i) => ({ id: e.id, what: `edges[${i}]` })),
  ];
  for (const { id, what } of items) {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, what);
      continue;
    }
    reportDocument(ctx, 'id/duplicate', 'error', `${what}: id ${q(id)} is already used by ${first}`, { field: `${what}.id` }, {
      hint: 'Ids must be unique across nodes and edges; give one of them a new id.',
    });
  }
}
