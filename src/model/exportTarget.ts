/**
 * What a deployment target changes in the design's behaviour. prometheus-operator shards every
 * ScrapeConfig on `__address__` with its own relabelling, whatever the design's `hashmod.sourceLabels`
 * say; for a document exported to Kubernetes the load model and the shard listing use that rule.
 */
import type { ExportTarget, PrometheusNode, Topology } from './types.ts';

/** The labels prometheus-operator hashes to pick a target's shard (pkg/prometheus/promcfg.go). */
export const OPERATOR_SHARD_SOURCE_LABELS: readonly string[] = ['__address__'];

/** The document's export target (`settings.export.target`), `files` when unset. */
export function exportTargetOf(t: Topology): ExportTarget {
  return t.settings.export?.target ?? 'files';
}

/** True when the operator would hash other labels than the design asks for on this server. */
export function operatorShardsDifferently(server: PrometheusNode): boolean {
  const labels = server.hashmod?.sourceLabels;
  return labels !== undefined && (labels.length !== OPERATOR_SHARD_SOURCE_LABELS.length || labels.some((l, i) => l !== OPERATOR_SHARD_SOURCE_LABELS[i]));
}

/** The document with its export target set: one edit (the Export panel's choice, `--target`). */
export function withExportTarget(t: Topology, target: ExportTarget): Topology {
  if (exportTargetOf(t) === target) return t;
  return { ...t, settings: { ...t.settings, export: { ...t.settings.export, target } } };
}

const views = new WeakMap<Topology, Topology>();

/**
 * The design as its target runs it: for Kubernetes, hashmod servers hash `__address__`. The same
 * object when nothing changes (so caches keyed on documents and nodes keep working).
 */
export function deploymentView(t: Topology): Topology {
  if (exportTargetOf(t) !== 'kubernetes') return t;
  const cached = views.get(t);
  if (cached) return cached;
  let changed = false;
  const nodes = t.nodes.map((n) => {
    if (n.kind !== 'prometheus' || !n.hashmod || !operatorShardsDifferently(n)) return n;
    changed = true;
    return { ...n, hashmod: { ...n.hashmod, sourceLabels: [...OPERATOR_SHARD_SOURCE_LABELS] } };
  });
  const view = changed ? { ...t, nodes } : t;
  views.set(t, view);
  return view;
}
