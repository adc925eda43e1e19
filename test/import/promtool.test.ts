/**
 * Configs that real Prometheus (2.42 here) accepts, imported and exported again, are still accepted by
 * the real `promtool check config` (Debian's 2.42 build: no consul SD, no global sample_limit): what PromTopo keeps verbatim (service discovery, auth, remote
 * write, limits, metric relabelling) comes back as valid YAML with the same types.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { importConfigs } from '../../src/import/importConfigs.ts';
import type { Topology } from '../../src/model/types.ts';

const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
if (promtool.status !== 0) throw new Error('promtool not found on PATH: apt-get install --no-install-recommends prometheus');

const dir = mkdtempSync(join(tmpdir(), 'promtopo-import-promtool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(path: string): { status: number | null; output: string } {
  const r = spawnSync('promtool', ['check', 'config', path], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const configs: Record<string, string> = {
  'leaf-eu/prometheus.yml': `global:
  scrape_interval: 15s
  evaluation_interval: 30s
  query_log_file: /tmp/query.log
  external_labels:
    dc: eu
rule_files: [rules.yml]
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['am-1:9093', 'am-2:9093']
    - scheme: https
      dns_sd_configs:
        - names: [_alertmanager._tcp.example.org]
scrape_configs:
  - job_name: node
    honor_timestamps: false
    static_configs:
      - targets: ['n1:9100', 'n2:9100']
        labels: {team: infra}
      - targets: ['n3:9100']
        labels: {team: db}
    metric_relabel_configs:
      - source_labels: [__name__]
        regex: 'go_.*'
        action: drop
  - job_name: files
    basic_auth:
      username: u
      password: p
    file_sd_configs:
      - files: ['targets/*.json']
        refresh_interval: 1m
    relabel_configs:
      - source_labels: [__meta_filepath]
        target_label: source
    sample_limit: 5000
remote_write:
  - url: http://remote/api/v1/write
    queue_config:
      max_shards: 10
    write_relabel_configs:
      - source_labels: [__name__]
        regex: 'expensive.*'
        action: drop
`,
  'leaf-eu/rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n',
  'global/prometheus.yml': `global:
  scrape_interval: 30s
  scrape_timeout: 25s
scrape_configs:
  - job_name: federate-leaf-eu
    honor_labels: true
    metrics_path: /federate
    params:
      'match[]': ['{__name__=~"job:.*"}']
    static_configs:
      - targets: ['leaf-eu:9090']
`,
};

describe('import -> export keeps configs that promtool accepts', () => {
  it('the inputs themselves are valid for promtool', () => {
    for (const [name, text] of Object.entries(configs)) {
      mkdirSync(join(dir, 'in', name, '..'), { recursive: true });
      writeFileSync(join(dir, 'in', name), text);
    }
    for (const name of ['leaf-eu/prometheus.yml', 'global/prometheus.yml']) {
      const r = check(join(dir, 'in', name));
      expect(r.status, r.output).toBe(0);
    }
  });

  it('every exported prometheus.yml passes promtool check config', () => {
    const r = importConfigs(Object.entries(configs).map(([name, text]) => ({ name, text })));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bundle = generateBundle(r.topology as Topology);
    for (const f of bundle.files) {
      mkdirSync(join(dir, 'out', f.path, '..'), { recursive: true });
      writeFileSync(join(dir, 'out', f.path), f.contents);
    }
    const checked = bundle.files.filter((f) => f.path.endsWith('/prometheus.yml'));
    expect(checked.length).toBe(2);
    for (const f of checked) {
      const result = check(join(dir, 'out', f.path));
      expect(result.status, `${f.path}\n${result.output}\n${f.contents}`).toBe(0);
    }
    const leaf = bundle.files.find((f) => f.path === 'prometheus/leaf-eu/prometheus.yml')?.contents ?? '';
    for (const kept of ['query_log_file: /tmp/query.log', 'file_sd_configs', 'dns_sd_configs', 'remote_write', "regex: 'expensive.*'", 'team: db', 'honor_timestamps: false']) {
      expect(leaf).toContain(kept);
    }
  });
});
