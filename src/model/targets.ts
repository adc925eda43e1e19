/**
 * The concrete targets of a target group: its static list, or `count` placeholders
 * `<name>-<i>:<port>` (i from 1) when the addresses are not known yet.
 */
import type { TargetGroupNode } from './types.ts';

/** Default port of placeholder targets per exporter catalog id (the exporters' registered ports). */
const exporterPorts: Readonly<Record<string, number>> = {
  node_exporter: 9100,
  prometheus: 9090,
  alertmanager: 9093,
  'kube-state-metrics': 8080,
  kube_state_metrics: 8080,
  cadvisor: 8080,
};

/** Port used for placeholders when neither the group nor its exporter says. */
export const DEFAULT_PLACEHOLDER_PORT = 9100;

/** The addresses a target group's scrape job lists. */
export interface GroupTargets {
  /** `host:port` targets, in the group's order. */
  readonly targets: readonly string[];
  /** True when the targets are generated placeholders (`count`), not real addresses. */
  readonly placeholder: boolean;
}

/** Port of the placeholder targets of a group. */
export function placeholderPort(group: Pick<TargetGroupNode, 'port' | 'exporter'>): number {
  return group.port ?? (group.exporter ? exporterPorts[group.exporter] : undefined) ?? DEFAULT_PLACEHOLDER_PORT;
}

/** Static targets when listed, else `count` placeholders, else none. */
export function groupTargets(group: Pick<TargetGroupNode, 'name' | 'targets' | 'count' | 'port' | 'exporter'>): GroupTargets {
  if (group.targets.length > 0) return { targets: group.targets, placeholder: false };
  const count = group.count ?? 0;
  const port = placeholderPort(group);
  const targets: string[] = [];
  for (let i = 1; i <= count; i++) targets.push(`${group.name}-${i}:${port}`);
  return { targets, placeholder: count > 0 };
}

/** Service-discovery mechanisms a target group's raw YAML uses (`kubernetes` for kubernetes_sd_configs), in order. */
export function discoveryMechanisms(group: Pick<TargetGroupNode, 'extraConfig'>): string[] {
  const out: string[] = [];
  for (const m of (group.extraConfig ?? '').matchAll(/^([a-z0-9]+)_sd_configs\s*:/gm)) if (m[1] && !out.includes(m[1])) out.push(m[1]);
  return out;
}

/** True when the group's targets (also) come from service discovery. */
export function hasDiscovery(group: Pick<TargetGroupNode, 'extraConfig' | 'discovery'>): boolean {
  return group.discovery !== undefined || discoveryMechanisms(group).length > 0;
}

/** Targets the load model counts for a group: static or placeholder targets plus the discovered ones given. */
export function estimatedTargetCount(group: Pick<TargetGroupNode, 'name' | 'targets' | 'count' | 'port' | 'exporter' | 'discovery'>): number {
  return groupTargets(group).targets.length + (group.discovery?.targets ?? 0);
}
