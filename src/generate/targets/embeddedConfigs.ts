/**
 * The Prometheus and Alertmanager configuration embedded in Kubernetes manifests (additional scrape
 * configs, PrometheusRule groups, Alertmanager config Secrets), as standalone files the real tools can
 * check: a `prometheus.yml` around each job list, a rule file per PrometheusRule, each alertmanager.yaml.
 */
import { parseAllDocuments } from 'yaml';
import type { BundleFile } from '../bundle.ts';
import { ADDITIONAL_SCRAPE_KEY, MANIFEST_DIR } from './kubernetes.ts';

export interface EmbeddedConfig {
  /** Where it is embedded: `manifests/secrets/x.yaml#scrape-configs.yaml`. */
  readonly source: string;
  readonly kind: 'prometheus' | 'rules' | 'alertmanager';
  readonly text: string;
}

interface Manifest { kind?: string; spec?: { groups?: unknown }; stringData?: Record<string, string> }

/** Every embedded config of the manifests among `files`, in path order. */
export function embeddedConfigs(files: readonly BundleFile[]): EmbeddedConfig[] {
  const out: EmbeddedConfig[] = [];
  for (const file of files) {
    if (!file.path.startsWith(`${MANIFEST_DIR}/`)) continue;
    for (const doc of parseAllDocuments(file.contents)) {
      const m = doc.toJS() as Manifest | null;
      if (!m) continue;
      const jobs = m.kind === 'Secret' ? m.stringData?.[ADDITIONAL_SCRAPE_KEY] : undefined;
      if (jobs !== undefined) {
        const indented = jobs.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
        out.push({ source: `${file.path}#${ADDITIONAL_SCRAPE_KEY}`, kind: 'prometheus', text: `scrape_configs:\n${indented}\n` });
      }
      const am = m.kind === 'Secret' ? m.stringData?.['alertmanager.yaml'] : undefined;
      if (am !== undefined) out.push({ source: `${file.path}#alertmanager.yaml`, kind: 'alertmanager', text: am });
      if (m.kind === 'PrometheusRule') out.push({ source: `${file.path}#spec.groups`, kind: 'rules', text: `${JSON.stringify({ groups: m.spec?.groups ?? [] }, null, 2)}\n` });
    }
  }
  return out;
}
