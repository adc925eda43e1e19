/** Alertmanager clusters: at least one instance; a single instance is no cluster (no redundancy). */
import { reportNode, type ValidationContext } from './context.ts';

export function checkAlertmanagers(ctx: ValidationContext): void {
  for (const node of ctx.t.nodes) {
    if (node.kind !== 'alertmanager') continue;
    if (node.instances.length === 0) {
      reportNode(ctx, 'alertmanager/no-instances', 'error', node, 'instances', 'has no instances: alerts sent to it go nowhere', {
        hint: 'Add at least one instance (host:port), two or three for a cluster.',
      });
    } else if (node.instances.length === 1) {
      reportNode(ctx, 'alertmanager/single-instance', 'info', node, 'instances', 'a single instance is not a cluster: no notifications while it is down', {
        hint: 'Add a second instance; PromTopo peers them with --cluster.peer.',
      });
    }
  }
}
