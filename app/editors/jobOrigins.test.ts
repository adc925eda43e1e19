import { describe, expect, it } from 'vitest';
import federation from '../../assets/examples/federation.promtopo.json' with { type: 'json' };
import { generatePrometheusConfig } from '../../src/generate/prometheusConfig.ts';
import { parseTopologyValue } from '../../src/model/document.ts';
import type { PrometheusNode, Topology } from '../../src/model/types.ts';
import { jobOrigins, originAtLine } from './jobOrigins.ts';
import { bundleText, previewFiles } from './previewFiles.ts';

function example(): Topology {
  const parsed = parseTopologyValue(federation, 'federation.promtopo.json');
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
  return parsed.topology;
}

function withExtraJob(t: Topology, serverId: string): Topology {
  const extra = '- job_name: blackbox\n  static_configs:\n    - targets: [\'probe:9115\']\n';
  return { ...t, nodes: t.nodes.map((n) => (n.id === serverId ? ({ ...n, extraScrapeConfigs: extra } as PrometheusNode) : n)) };
}

describe('jobOrigins: a generated job -> the element it came from', () => {
  const t = example();

  it('maps the leaf jobs to their target groups and scrape edges, and the self-scrape job to the server', () => {
    const yaml = generatePrometheusConfig(t, 'p-eu');
    const origins = jobOrigins(t, 'p-eu', yaml);
    expect(origins.map((o) => [o.job, o.target])).toEqual([
      ['node-eu', { nodes: ['t-node-eu'], edges: ['e1'] }],
      ['prometheus', { nodes: ['p-eu'], edges: [] }],
    ]);
    const lines = yaml.split('\n');
    for (const o of origins) {
      expect(lines[o.startLine - 1]).toMatch(new RegExp(`job_name: '?${o.job}'?`));
      expect(o.endLine).toBeGreaterThan(o.startLine);
    }
  });

  it('maps federate-<source> jobs of the global to their federation edges', () => {
    const yaml = generatePrometheusConfig(t, 'p-global');
    expect(jobOrigins(t, 'p-global', yaml).map((o) => [o.job, o.target.edges])).toEqual([
      ['prometheus', []],
      ['federate-prom-ap-1', ['e9']],
      ['federate-prom-eu-1', ['e7']],
      ['federate-prom-us-1', ['e8']],
    ]);
  });

  it('maps a job from extraScrapeConfigs to the server itself', () => {
    const t2 = withExtraJob(t, 'p-eu');
    const origins = jobOrigins(t2, 'p-eu', generatePrometheusConfig(t2, 'p-eu'));
    expect(origins.find((o) => o.job === 'blackbox')?.target).toEqual({ nodes: ['p-eu'], edges: [] });
  });

  it('finds the job under a clicked line, and nothing outside scrape_configs', () => {
    const yaml = generatePrometheusConfig(t, 'p-eu');
    const origins = jobOrigins(t, 'p-eu', yaml);
    const second = origins[1]!;
    expect(originAtLine(origins, second.startLine)?.job).toBe('prometheus');
    expect(originAtLine(origins, second.endLine)?.job).toBe('prometheus');
    expect(originAtLine(origins, 1)).toBeUndefined();
  });

  it('returns nothing for text that is not YAML', () => {
    expect(jobOrigins(t, 'p-eu', 'scrape_configs: [\n')).toEqual([]);
  });
});

describe('previewFiles', () => {
  const t = example();
  it('shows a server its own prometheus.yml and rules', () => {
    const files = previewFiles(t, 'p-eu');
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(/prom-eu-1\/prometheus\.yml$/)]));
    expect(files.find((f) => f.path.endsWith('prometheus.yml'))?.serverId).toBe('p-eu');
    expect(files.every((f) => f.path.includes('prom-eu-1'))).toBe(true);
  });
  it('shows a target group the configs of the servers scraping it', () => {
    expect(previewFiles(t, 't-node-us').map((f) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(/prom-us-1\/prometheus\.yml$/)]));
  });
  it('shows every config when nothing is selected', () => {
    const paths = previewFiles(t, undefined).map((f) => f.path);
    expect(paths.filter((p) => p.endsWith('prometheus.yml'))).toHaveLength(4);
    expect(paths.every((p) => /\.ya?ml$/.test(p))).toBe(true);
  });
  it('renders the bundle as one diffable text that follows an edit', () => {
    const before = bundleText(t);
    const after = bundleText({ ...t, nodes: t.nodes.map((n) => (n.id === 'p-eu' ? { ...n, scrapeInterval: '1m' } as PrometheusNode : n)) });
    expect(before).toContain('# ==> ');
    expect(before).not.toBe(after);
    expect(after).toContain('scrape_interval: 1m');
  });
});
