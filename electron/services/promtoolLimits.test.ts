/**
 * The real promtool (Debian's 2.42 here) against configs it cannot fully check: valid Prometheus 3.x
 * it does not know is a warning naming file and section and the bundle is written; `strict` refuses;
 * what promtool really rejects stays rejected.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importConfigs } from '../../src/import/importConfigs.ts';
import type { Topology } from '../../src/model/types.ts';
import { writeBundle } from './bundleWriter.ts';
import { serverOnlyFiles, uncheckableFields, withoutFields } from './promtoolLimits.ts';

if (spawnSync('promtool', ['--version']).status !== 0) throw new Error('promtool not found on PATH: apt-get install --no-install-recommends prometheus');

const root = mkdtempSync(join(tmpdir(), 'promtopo-promtool-limits-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function topology(text: string): Topology {
  const r = importConfigs([{ name: 'k8s/prometheus.yml', text }]);
  expect(r.ok).toBe(true);
  return r.topology as Topology;
}

const kubernetes = `global:
  scrape_interval: 30s
scrape_configs:
  - job_name: pods
    kubernetes_sd_configs:
      - role: pod
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        action: keep
        regex: true
  - job_name: node
    static_configs: [{targets: ['node:9100']}]
`;

/** Whether this promtool lacks Kubernetes discovery (Debian's 2.42 does): the expectations follow the real tool. */
const probeFile = join(root, 'probe.yml');
writeFileSync(probeFile, kubernetes);
const probe = spawnSync('promtool', ['check', 'config', probeFile], { encoding: 'utf8' });
const lacksKubernetes = /field kubernetes_sd_configs not found/.test(`${probe.stdout}${probe.stderr}`);

describe('promtool limits', () => {
  it('reads promtool\'s "field X not found" as "cannot check", and anything else as a rejection', () => {
    const limited = 'Checking x.yml\n  FAILED: parsing YAML file x.yml: yaml: unmarshal errors:\n  line 5: field kubernetes_sd_configs not found in type config.ScrapeConfig\n';
    expect(uncheckableFields(limited)).toEqual([{ line: 5, field: 'kubernetes_sd_configs', type: 'config.ScrapeConfig' }]);
    expect(uncheckableFields(limited.replace('kubernetes_sd_configs', 'scrape_intervall'))).toBeUndefined();
    expect(uncheckableFields('Checking x.yml\n  FAILED: "x" is not a valid duration\n')).toBeUndefined();
    // A top-level key inside a named section is a mistake in any version (rule_files inside a job);
    // config.plain is also the alias of nested sections, where 3.x keys such as remote_write's azuread show up.
    expect(uncheckableFields(limited.replace('kubernetes_sd_configs', 'rule_files'))).toBeUndefined();
    expect(uncheckableFields(limited.replace('kubernetes_sd_configs not found in type config.ScrapeConfig', 'azuread not found in type config.plain'))).toEqual([{ line: 5, field: 'azuread', type: 'config.plain' }]);
    expect(uncheckableFields(limited.replace('kubernetes_sd_configs not found in type config.ScrapeConfig', 'otlp not found in type config.plain'))).toEqual([{ line: 5, field: 'otlp', type: 'config.plain' }]);
    expect(serverOnlyFiles('Checking x\n  FAILED: error checking client cert file "/etc/p/tls.crt": stat /etc/p/tls.crt: no such file or directory\n')).toEqual(['/etc/p/tls.crt']);
    const reduced = withoutFields(kubernetes, [{ line: 5, field: 'kubernetes_sd_configs', type: 'config.ScrapeConfig' }]);
    expect(reduced.removed).toEqual(['scrape_configs > job "pods" > kubernetes_sd_configs']);
    expect(reduced.text).not.toContain('kubernetes_sd_configs');
    expect(reduced.text).toContain('__meta_kubernetes_pod_annotation_prometheus_io_scrape');
  });

  it('a config this promtool cannot fully check is written, with a warning naming file and section', async () => {
    const out = join(root, 'lenient');
    const r = await writeBundle({ topology: topology(kubernetes), outDir: out });
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(existsSync(join(out, 'prometheus/k8s/prometheus.yml'))).toBe(true);
    const warnings = r.diagnostics.filter((d) => d.code === 'export/promtool-unchecked');
    expect(warnings.map((d) => `${d.severity}: ${d.message}`)).toEqual(lacksKubernetes ? [
      'warning: prometheus/k8s/prometheus.yml: this promtool cannot check scrape_configs > job "pods" > kubernetes_sd_configs (valid Prometheus 3.x this promtool does not know); the rest of the file passed promtool',
    ] : []);
  });

  it('--strict refuses what this promtool cannot check; a real rejection is refused either way', async () => {
    const strictOut = join(root, 'strict');
    const strict = await writeBundle({ topology: topology(kubernetes), outDir: strictOut, strict: true });
    expect(strict.ok).toBe(!lacksKubernetes);
    expect(existsSync(strictOut)).toBe(!lacksKubernetes);
    if (lacksKubernetes) expect(strict.error).toContain('--strict');
    // A raw YAML key no Prometheus knows: promtool's rejection stands, nothing is written.
    const t = topology(kubernetes);
    const bad: Topology = { ...t, nodes: t.nodes.map((n) => (n.kind === 'targets' && n.name === 'node' ? { ...n, extraConfig: 'scrape_intervall: 1m\n' } : n)) };
    const rejected = await writeBundle({ topology: bad, outDir: join(root, 'bad') });
    expect(rejected.ok).toBe(false);
    expect(rejected.error).toContain('scrape_intervall');
    expect(existsSync(join(root, 'bad'))).toBe(false);
  });
});
