/**
 * A self-scrape job is recognised by meaning: exactly what the generated self-scrape job would make
 * Prometheus do, on every instance of the server; anything else stays a target group. The round trip
 * is checked with the semantic comparison (src/compare).
 */
import { describe, expect, it } from 'vitest';
import { verifyImport } from '../compare/verifyImport.ts';
import type { PrometheusNode, TargetGroupNode, Topology } from '../model/types.ts';
import { importConfigs } from './importConfigs.ts';

const files = (entries: Record<string, string>) => Object.entries(entries).map(([name, text]) => ({ name, text }));
const servers = (t: Topology) => t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus');
const groupNames = (t: Topology) => t.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets').map((g) => g.jobName ?? g.name).sort();

function imported(entries: Record<string, string>): Topology {
  const r = importConfigs(files(entries));
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return r.topology as Topology;
}

const node = "  - job_name: node\n    static_configs: [{targets: ['n1:9100', 'n2:9100']}]\n";

describe('self-scrape jobs on import', () => {
  it('a job Prometheus runs as the generated self-scrape job is scrapeSelf, and the round trip changes nothing', () => {
    const entries = { 'leaf/prometheus.yml': `global: {scrape_interval: 15s}\nscrape_configs:\n  - job_name: prometheus\n    metrics_path: /metrics\n    scheme: http\n    scrape_interval: 15s\n    static_configs:\n      - targets: ['localhost:9090']\n${node}` };
    const t = imported(entries);
    expect(servers(t).map((s) => s.scrapeSelf)).toEqual([true]);
    expect(groupNames(t)).toEqual(['node']);
    const v = verifyImport(files(entries));
    expect(v.verdict?.differences).toEqual([]);
    expect(v.verdict?.equal).toBe(true);
  });

  it('the port of a localhost self-scrape job is the guessed address\'s port', () => {
    const t = imported({ 'leaf/prometheus.yml': `scrape_configs:\n  - job_name: prometheus\n    static_configs: [{targets: ['localhost:9091']}]\n${node}` });
    expect(servers(t).map((s) => [s.scrapeSelf, s.address])).toEqual([[true, 'leaf:9091']]);
  });

  it('hashmod shards with a self-scrape job are one sharded server (the self-scrape job is not sharded)', () => {
    const shard = (n: number) => `global:\n  external_labels: {shard: '${n}'}\nscrape_configs:\n  - job_name: prometheus\n    static_configs: [{targets: ['localhost:9090']}]\n  - job_name: node\n    static_configs: [{targets: ['n1:9100', 'n2:9100']}]\n    relabel_configs:\n      - {source_labels: [__address__], modulus: 2, target_label: __tmp_hash, action: hashmod}\n      - {source_labels: [__tmp_hash], regex: '^${n}$', action: keep}\n`;
    const entries = { 'shards/prom-0.yml': shard(0), 'shards/prom-1.yml': shard(1) };
    const t = imported(entries);
    expect(servers(t).map((s) => [s.hashmod?.shards, s.scrapeSelf])).toEqual([[2, true]]);
    expect(groupNames(t)).toEqual(['node']);
    expect(verifyImport(files(entries)).verdict?.differences).toEqual([]);
  });

  it('anything the generated job would not write stays a target group, and scrapeSelf stays off', () => {
    const cases = {
      'own interval': "  - job_name: prometheus\n    scrape_interval: 5s\n    static_configs: [{targets: ['localhost:9090']}]\n",
      'target labels': "  - job_name: prometheus\n    static_configs: [{targets: ['localhost:9090'], labels: {env: prod}}]\n",
      'other targets too': "  - job_name: prometheus\n    static_configs: [{targets: ['localhost:9090', 'other:9090']}]\n",
      'another job name': "  - job_name: self\n    static_configs: [{targets: ['localhost:9090']}]\n",
      'another path': "  - job_name: prometheus\n    metrics_path: /prometheus/metrics\n    static_configs: [{targets: ['localhost:9090']}]\n",
      'a host name': "  - job_name: prometheus\n    static_configs: [{targets: ['leaf:9090']}]\n",
    };
    for (const [what, job] of Object.entries(cases)) {
      const entries = { 'leaf/prometheus.yml': `scrape_configs:\n${job}${node}` };
      const t = imported(entries);
      expect(servers(t).map((s) => s.scrapeSelf), what).toEqual([false]);
      expect(groupNames(t).length, what).toBe(2);
      expect(verifyImport(files(entries)).verdict?.differences, what).toEqual([]);
    }
  });

  it('a localhost job on another port than the instance\'s known address is not the instance itself', () => {
    const entries = {
      'leaf/prometheus.yml': `scrape_configs:\n  - job_name: prometheus\n    static_configs: [{targets: ['localhost:9100']}]\n${node}`,
      'leaf/run.sh': 'prometheus \\\n  --web.listen-address=leaf:9090\n',
    };
    const t = imported(entries);
    expect(servers(t).map((s) => [s.scrapeSelf, s.address])).toEqual([[false, 'leaf:9090']]);
    expect(groupNames(t)).toEqual(['node', 'prometheus']);
  });

  it('an IP-literal self target is the instance itself only at that address', () => {
    const config = `scrape_configs:\n  - job_name: prometheus\n    static_configs: [{targets: ['10.0.0.5:9090']}]\n${node}`;
    const at = (listen: string) => imported({ 'leaf/prometheus.yml': config, 'leaf/run.sh': `prometheus \\\n  --web.listen-address=${listen}\n` });
    expect(servers(at('10.0.0.5:9090')).map((s) => s.scrapeSelf)).toEqual([true]);
    expect(servers(at('10.0.0.6:9090')).map((s) => s.scrapeSelf)).toEqual([false]);
    expect(servers(imported({ 'leaf/prometheus.yml': config })).map((s) => s.scrapeSelf)).toEqual([false]);
  });
});
