/**
 * Export panel model: what blocks an export, how promtool's verdict reads, and which server a bundle
 * file belongs to. Pure, unit-tested.
 */
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import type { HostResponse } from '../../../src/host-api.ts';
import type { ExportTarget, Topology } from '../../../src/model/types.ts';

export type ExportResponse = HostResponse<'exportBundle'>;
export type PromtoolVerdict = NonNullable<ExportResponse['promtool']>;

/** The deployment targets offered by the panel, in order, with what each writes. */
export const EXPORT_TARGET_CHOICES: readonly { readonly target: ExportTarget; readonly label: string; readonly writes: string }[] = [
  { target: 'files', label: 'Files (configs and run scripts)', writes: 'a prometheus.yml per instance, rule files, Alertmanager and Grafana configs and run scripts' },
  { target: 'kubernetes', label: 'Kubernetes (prometheus-operator)', writes: 'Prometheus, ScrapeConfig, PrometheusRule and Alertmanager resources, a Grafana ConfigMap and a kustomization.yaml (kubectl apply -k)' },
  { target: 'compose', label: 'docker compose', writes: 'a docker-compose.yml running every instance, Alertmanager and Grafana, with the configs it mounts (docker compose up)' },
  { target: 'systemd', label: 'systemd units', writes: 'a systemd unit per instance and the configs they read from /etc/promtopo (systemctl enable --now)' },
];

/** What an export to `target` writes, for the panel's description. */
export function targetDescription(target: ExportTarget): string {
  return EXPORT_TARGET_CHOICES.find((c) => c.target === target)?.writes ?? '';
}

/** The errors that block an export, in panel order. */
export function blockingErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** One line about the real tools' verdict. */
export interface VerdictSummary {
  readonly status: 'ok' | 'failed' | 'not-found' | 'not-run';
  readonly text: string;
}

export function summariseVerdict(verdict: PromtoolVerdict | undefined): VerdictSummary {
  if (!verdict) return { status: 'not-run', text: 'The configs were not checked with promtool.' };
  if (!verdict.ran) return { status: 'not-found', text: 'promtool was not found on this machine, so the configs were not checked. Install Prometheus\' promtool to check them on export.' };
  const failed = verdict.results.filter((r) => !r.ok).length;
  if (failed > 0) return { status: 'failed', text: `promtool rejected ${failed} of ${verdict.results.length} config(s).` };
  return { status: 'ok', text: `promtool accepted all ${verdict.results.length} config(s).` };
}

/**
 * The server a bundle path belongs to, by its folder or file names (`prometheus/leaf-eu/prometheus.yml`
 * or `prometheus/leaf-eu-a/...` -> `leaf-eu`); the longest matching name wins; undefined for shared files.
 */
export function serverOfPath(path: string, topology: Topology): { id: string; name: string } | undefined {
  const segments = path.split('/');
  let best: { id: string; name: string } | undefined;
  for (const node of topology.nodes) {
    if (node.kind !== 'prometheus') continue;
    const matches = segments.some((s) => s === node.name || s.startsWith(`${node.name}-`) || s.startsWith(`${node.name}.`));
    if (matches && (!best || node.name.length > best.name.length)) best = { id: node.id, name: node.name };
  }
  return best;
}

/** The node or edge a diagnostic names, described for a "fix" link. */
export function fixLinkLabel(d: Diagnostic, topology: Topology): string | undefined {
  if (d.at.node) {
    const node = topology.nodes.find((n) => n.id === d.at.node);
    return node ? `Select ${node.name}` : undefined;
  }
  if (d.at.edge) return topology.edges.some((e) => e.id === d.at.edge) ? 'Select the edge' : undefined;
  return undefined;
}

const LAST_DIR_KEY = 'promtopo.export.lastDir';

/** The last folder exported to (browser storage), or '' when none. */
export function loadLastExportDir(storage: Pick<Storage, 'getItem'> | undefined): string {
  try {
    return storage?.getItem(LAST_DIR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveLastExportDir(storage: Pick<Storage, 'setItem'> | undefined, dir: string): void {
  try {
    storage?.setItem(LAST_DIR_KEY, dir);
  } catch {
    // Storage can be full or disabled; remembering the folder is a convenience only.
  }
}
