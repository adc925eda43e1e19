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
  // id -> position, as `nodes[i]` (i >= 0) or `edges[-i-1]`; the text is made only when reporting.
  const seen = new Map<string, number>();
  const place = (p: number) => (p >= 0 ? `nodes[${p}]` : `edges[${-p - 1}]`);
  const ids = [...ctx.t.nodes.map((n) => n.id), ...ctx.t.edges.map((e) => e.id)];
  const nodeCount = ctx.t.nodes.length;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as string;
    const position = k < nodeCount ? k : -(k - nodeCount) - 1;
    const firstPosition = seen.get(id);
    if (firstPosition === undefined) {
      seen.set(id, position);
      continue;
    }
    const what = place(position);
    const first = place(firstPosition);
    reportDocument(ctx, 'id/duplicate', 'error', `${what}: id ${q(id)} is already used by ${first}`, { field: `${what}.id` }, {
      hint: 'Ids must be unique across nodes and edges; give one of them a new id.',
    });
  }
}
