/**
 * Label names Prometheus 2.x accepts (`[a-zA-Z_][a-zA-Z0-9_]*`), the reserved `__` prefix, and empty
 * values (an empty label value means "no label" in Prometheus).
 */
import { isValidLabelName } from '../model/names.ts';
import type { TopologyNode } from '../model/types.ts';
import { reportNode, q, type ValidationContext } from './context.ts';

/** Checks the names (and optionally values) of one label map of a node. */
function checkLabelMap(
  ctx: ValidationContext,
  node: TopologyNode,
  field: string,
  labels: Readonly<Record<string, string>>,
  what: string,
  options: { emptyValue: boolean; reserved: 'warn' | 'ignore' },
): void {
  for (const [name, value] of Object.entries(labels)) {
    const at = `${field}.${name}`;
    // Rule labels cannot set the metric name (rulefmt: "invalid label name: __name__").
    if (!isValidLabelName(name) || (what === 'rule label' && name === '__name__')) {
      reportNode(ctx, 'label/invalid-name', 'error', node, at, `${q(name)} is not a valid label name (${what})`, {
        hint: 'Label names are letters, digits and "_", not starting with a digit (Prometheus 2.x).',
      });
      continue;
    }
    if (options.reserved === 'warn' && name.startsWith('__')) {
      reportNode(ctx, 'label/reserved', 'warning', node, at, `${what} ${q(name)} starts with "__", which Prometheus reserves for internal labels`, {
        hint: 'Labels starting with "__" are dropped after relabelling and never stored; rename it.',
      });
    }
    if (options.emptyValue && value === '') {
      reportNode(ctx, 'label/empty-value', 'warning', node, at, `${what} ${q(name)} has an empty value, which Prometheus treats as no label at all`, {
        hint: 'Give it a value or remove it.',
      });
    }
  }
}

export function checkLabels(ctx: ValidationContext): void {
  for (const server of ctx.servers) {
    checkLabelMap(ctx, server, 'externalLabels', server.externalLabels, 'external label', { emptyValue: true, reserved: 'warn' });
    server.ruleGroups.forEach((group, g) => {
      group.rules.forEach((rule, r) => {
        const base = `ruleGroups[${g}].rules[${r}]`;
        if (rule.labels) checkLabelMap(ctx, server, `${base}.labels`, rule.labels, 'rule label', { emptyValue: false, reserved: 'warn' });
        if ('alert' in rule && rule.annotations) {
          checkLabelMap(ctx, server, `${base}.annotations`, rule.annotations, 'annotation', { emptyValue: false, reserved: 'ignore' });
        }
      });
    });
  }
  for (const group of ctx.targetGroups) {
    // `__`-labels on targets are legitimate meta labels (`__metrics_path__`, `__param_x`): not flagged.
    checkLabelMap(ctx, group, 'labels', group.labels, 'target label', { emptyValue: true, reserved: 'ignore' });
  }
}
