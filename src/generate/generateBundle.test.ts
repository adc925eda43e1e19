import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashmodOf } from '../model/hashmod.ts';
import { serializeTopology } from '../model/document.ts';
import type { Topology } from '../model/types.ts';
import { BUNDLE_MARKER } from './bundle.ts';
import { generateBundle } from './generateBundle.ts';
import { instanceDir } from './links.ts';
import { generatePrometheusConfig } from './prometheusConfig.ts';
import { serverInstances } from '../model/instances.ts';
import type { PrometheusNode } from '../model/types.ts';
import {
  alertEdge, alertmanager, datasourceEdge, federationEdge, grafana, makeTopology, scrapeEdge, server, targets,
} from './testBuilders.ts';

function richTopology(): Topology {
  return makeTopology([
    server('prom-global', { role: 'global' }),
    server('prom-eu', { externalLabels: { dc: 'eu' }, ha: { replicas: 2 }, instanceAddresses: ['prom-eu-a:9090', 'prom-eu-b:9090'],
      ruleGroups: [{ name: 'job', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }] }),
    server('prom-shard', { role: 'shard', hashmod: { shards: 2 } }),
    targets('node', ['node-1:9100', 'node-2:9100', 'node-3:9100']),
    targets('api', [], { count: 3, port: 8080 }),
    alertmanager('am', ['am-1:9093', 'am-2:9093']),
    grafana('grafana'),
  ], [
    scrapeEdge('prom-eu', 'node'), scrapeEdge('prom-shard', 'node'), scrapeEdge('prom-shard', 'api'),
    federationEdge('prom-global', 'prom-eu', ['{__name__=~"job:.*"}']), federationEdge('prom-global', 'prom-shard', ['up']),
    alertEdge('prom-eu', 'am'), alertEdge('prom-global', 'am'),
    datasourceEdge('grafana', 'prom-global', { isDefault: true }), datasourceEdge('grafana', 'prom-eu'),
  ], { name: 'rich', description: 'A test design.' });
}

/** A deterministic permutation (reverses, then interleaves) so the test needs no randomness. */
function shuffle<T>(items: readonly T[]): T[] {
  const r = [...items].reverse();
  return [...r.filter((_, i) => i % 2 === 1), ...r.filter((_, i) => i % 2 === 0)];
}

const paths = (t: Topology) => generateBundle(t).files.map((f) => f.path);

describe('generateBundle', () => {
  it('lays the bundle out as docs/bundle.md says, sorted by path', () => {
    expect(paths(richTopology())).toEqual([
      '.promtopo-bundle',
      'README.md',
      'alertmanager/am/alertmanager.yml',
      'alertmanager/am/run-1.sh',
      'alertmanager/am/run-2.sh',
      'grafana/provisioning/datasources/grafana.yaml',
      'prometheus/prom-eu-a/prometheus.yml',
      'prometheus/prom-eu-a/rules.yml',
      'prometheus/prom-eu-a/run.sh',
      'prometheus/prom-eu-b/prometheus.yml',
      'prometheus/prom-eu-b/rules.yml',
      'prometheus/prom-eu-b/run.sh',
      'prometheus/prom-global/prometheus.yml',
      'prometheus/prom-global/run.sh',
      'prometheus/prom-shard-shard-0/prometheus.yml',
      'prometheus/prom-shard-shard-0/run.sh',
      'prometheus/prom-shard-shard-1/prometheus.yml',
      'prometheus/prom-shard-shard-1/run.sh',
      'topology.promtopo.json',
    ]);
    expect(BUNDLE_MARKER).toBe('.promtopo-bundle');
  });

  it('marks exactly the run files executable', () => {
    const files = generateBundle(richTopology()).files;
    expect(files.filter((f) => f.executable).map((f) => f.path)).toEqual(files.filter((f) => f.path.endsWith('.sh')).map((f) => f.path));
  });

  it('includes the design itself, canonically serialized', () => {
    const t = richTopology();
    expect(generateBundle(t).files.find((f) => f.path === 'topology.promtopo.json')?.contents).toBe(serializeTopology(t));
  });

  it('gives the same bytes twice', () => {
    expect(generateBundle(richTopology())).toEqual(generateBundle(richTopology()));
  });

  it('gives the same bytes when nodes and edges come in another order (the design file aside)', () => {
    const t = richTopology();
    const shuffled = { ...t, nodes: shuffle(t.nodes), edges: shuffle(t.edges) };
    expect(shuffled.nodes.map((n) => n.id)).not.toEqual(t.nodes.map((n) => n.id));
    const strip = (x: Topology) => generateBundle(x).files.filter((f) => f.path !== 'topology.promtopo.json');
    expect(strip(shuffled)).toEqual(strip(t));
  });

  it('builds paths only from safe segments, never escaping the bundle', () => {
    const t = makeTopology([server('../../etc', { name: '../../etc' }), alertmanager('a/b', ['am:9093'], { name: 'A/B' })]);
    for (const p of paths(t)) {
      expect(p.split('/').every((seg) => seg !== '..' && seg !== '' && seg !== '.')).toBe(true);
    }
  });

  it('writes every generated YAML file as parseable YAML', () => {
    for (const f of generateBundle(richTopology()).files.filter((x) => /\.ya?ml$/.test(x.path))) {
      expect(() => parse(f.contents), f.path).not.toThrow();
    }
  });

  it('previews exactly what it exports, instance by instance', () => {
    const t = richTopology();
    const files = new Map(generateBundle(t).files.map((f) => [f.path, f.contents]));
    for (const s of t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus')) {
      serverInstances(s).forEach((instance, i) => {
        expect(generatePrometheusConfig(t, s.id, i)).toBe(files.get(`${instanceDir(s, instance)}/prometheus.yml`));
      });
    }
  });

  it('does not throw on dangling edges (validation reports them)', () => {
    const t = makeTopology([server('leaf')], [scrapeEdge('leaf', 'missing'), federationEdge('leaf', 'gone', ['up']), datasourceEdge('nope', 'leaf')]);
    expect(() => generateBundle(t)).not.toThrow();
  });

  describe('README.md', () => {
    const readme = generateBundle(richTopology()).files.find((f) => f.path === 'README.md')!.contents;

    it('lists which shard keeps each target', () => {
      for (const target of ['node-1:9100', 'node-2:9100', 'node-3:9100']) {
        expect(readme).toContain(`\`${target}\` -> shard ${hashmodOf([target], 2)}`);
      }
      expect(readme).toContain('`api-1:8080` -> shard');
    });

    it('says why shards cannot be computed when the group relabels first', () => {
      const t = makeTopology([server('s', { hashmod: { shards: 2 } }), targets('node', ['n:1'], { extraConfig: 'relabel_configs:\n  - action: labeldrop\n    regex: x\n' })],
        [scrapeEdge('s', 'node')]);
      const text = generateBundle(t).files.find((f) => f.path === 'README.md')!.contents;
      expect(text).toContain("shard of each target not computed: the group's own relabel_configs run before the hashmod");
    });

    it('says what is federated from which replica, and how to start everything', () => {
      expect(readme).toContain('job `federate-prom-eu` from leaf `prom-eu` (replica a only): `prom-eu-a:9090`');
      expect(readme).toContain('match[]: `{__name__=~"job:.*"}`');
      expect(readme).toContain('sh prometheus/prom-eu-b/run.sh &');
      expect(readme).toContain('sh alertmanager/am/run-2.sh &');
      expect(readme).toContain('`prom-global` -> `http://prom-global:9090` (default)');
      expect(readme).toContain('A test design.');
    });
  });
});
