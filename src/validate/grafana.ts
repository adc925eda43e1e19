/**
 * Grafana data sources: at most one default per Grafana (Grafana refuses the provisioning file with
 * "Only one datasource per organization can be marked as default").
 */
import { edgesOf, reportNode, q, type ValidationContext } from './context.ts';

export function checkGrafana(ctx: ValidationContext): void {
  for (const node of ctx.t.nodes) {
    if (node.kind !== 'grafana') continue;
    const servers = new Set(edgesOf(ctx, node.id, 'datasource').filter((e) => e.grafana === node.id && e.isDefault).map((e) => e.server));
    if (servers.size < 2) continue;
    const names = [...servers].map((id) => ctx.index.nodes.get(id)?.name ?? id);
    reportNode(ctx, 'grafana/multiple-defaults', 'error', node, 'isDefault',
      `${servers.size} data sources are marked default (${names.map(q).join(', ')}); Grafana allows one default per organization and refuses the file`,
      { hint: 'Keep isDefault on one data source edge only.' });
  }
}
