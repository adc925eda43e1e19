import { describe, expect, it } from 'vitest';
import federation from '../../assets/examples/federation.promtopo.json' with { type: 'json' };
import { parseTopologyValue } from '../../src/model/document.ts';
import type { PrometheusNode, Topology } from '../../src/model/types.ts';
import { generatePrometheusConfig } from '../../src/generate/prometheusConfig.ts';
import { rawScrapeConfigMarkers } from './rawScrapeConfigs.ts';

function example(): Topology {
  const parsed = parseTopologyValue(federation, 'federation.promtopo.json');
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
  return parsed.topology;
}
const t = example();
const check = (text: string) => rawScrapeConfigMarkers(t, 'p-eu', text).map((m) => `${m.severity} ${m.line}:${m.column} ${m.message}`);

const good = `- job_name: blackbox
  metrics_path: /probe
  params:
    module: [http_2xx]
  static_configs:
    - targets: ['blackbox:9115']
  relabel_configs:
    - source_labels: [__address__]
      target_label: instance
`;

describe('rawScrapeConfigMarkers', () => {
  it('accepts a valid list of scrape configs, and empty text', () => {
    expect(check(good)).toEqual([]);
    expect(check('')).toEqual([]);
  });

  it.each([
    ['- job_name: a\n  static_configs: [\n', /^error 3:1 /],
    ['job_name: a\n', /^error 1:1 extra scrape configs must be a YAML list/],
    ['- static_configs: []\n', /^error 1:3 scrape config #1: job_name is missing/],
    ['- job_name: node-eu\n', /^error 1:13 job_name "node-eu" is already the job PromTopo generates for target group "node-eu"/],
    ['- job_name: x\n- job_name: x\n', /^error 2:13 job_name "x" appears twice/],
    ['- job_name: x\n  scrape_interval: 10 s\n', /^error 2:20 scrape_interval: "10 s" is not a Prometheus duration/],
    ['- job_name: x\n  scrape_interval: 10s\n  scrape_timeout: 20s\n', /^error 3:19 scrape_timeout is greater than scrape_interval/],
    ['- job_name: x\n  metrics_path: metrics\n', /^error 2:17 metrics_path must start with "\/"/],
    ['- job_name: x\n  static_configs:\n    - targets: [\'http://h:9100/metrics\']\n', /^error 3:17 target "http:\/\/h:9100\/metrics" must be host:port/],
    ['- job_name: x\n  scrape_intervall: 10s\n', /^warning 2:3 "scrape_intervall" is not a scrape_config field/],
    ['- job_name: x\n  job_name: y\n', /^error 2:3 /],
  ])('%j -> %s', (text, expected) => {
    const markers = check(text);
    expect(markers[0]).toMatch(expected);
  });

  it('lets kubernetes_sd_configs and other service discovery through', () => {
    expect(check('- job_name: k8s\n  kubernetes_sd_configs:\n    - role: pod\n')).toEqual([]);
  });

  it('is merged by the generator into the server config (the YAML merge)', () => {
    const t2: Topology = { ...t, nodes: t.nodes.map((n) => (n.id === 'p-eu' ? ({ ...n, extraScrapeConfigs: good } as PrometheusNode) : n)) };
    const yaml = generatePrometheusConfig(t2, 'p-eu');
    expect(yaml).toMatch(/- job_name: '?blackbox'?/);
    expect(yaml).toContain('/probe');
    expect(yaml.indexOf('job_name: node-eu')).toBeLessThan(yaml.indexOf('blackbox'));
  });
});
