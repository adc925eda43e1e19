/** The built-in exporter catalogs and the exposition counter that measures them. */
import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { countExposition } from '../../scripts/measure-catalogs.ts';
import { parseCatalog } from '../../src/estimate/catalog.ts';

describe('built-in catalogs', () => {
  it('has the measured and the published ones, each with its provenance and source', () => {
    expect(builtinCatalogs.map((c) => [c.id, c.provenance])).toEqual([
      ['alertmanager', 'measured'],
      ['cadvisor', 'published estimate'],
      ['kube-state-metrics', 'published estimate'],
      ['node_exporter', 'measured'],
      ['prometheus', 'measured'],
    ]);
    for (const c of builtinCatalogs) {
      expect(c.source.length).toBeGreaterThan(10);
      if (c.provenance === 'measured') {
        expect(c.version).toMatch(/^\d+\.\d+/);
        expect(c.measuredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it.each([
    ['node_exporter', 200, 1500, 'node_cpu_seconds_total'],
    ['prometheus', 250, 800, 'prometheus_tsdb_head_series'],
    ['alertmanager', 100, 600, 'alertmanager_alerts'],
    ['kube-state-metrics', 50, 80, 'kube_pod_status_phase'],
    ['cadvisor', 24, 100, 'container_cpu_usage_seconds_total'],
  ])('%s: plausible series per target and the metric names users select', (id, min, max, metric) => {
    const c = builtinCatalogs.find((x) => x.id === id);
    expect(c?.seriesPerTarget).toBeGreaterThanOrEqual(min);
    expect(c?.seriesPerTarget).toBeLessThanOrEqual(max);
    expect(c?.metrics.map((m) => m.name)).toContain(metric);
  });

  it('rejects a catalog whose metrics do not add up, naming it', () => {
    expect(() => parseCatalog({ id: 'x', title: 't', provenance: 'measured', source: 's', seriesPerTarget: 3, metrics: [{ name: 'a', series: 1 }] }))
      .toThrow('exporter catalog "x": seriesPerTarget is 3 but its metrics add up to 1');
    expect(() => parseCatalog({ id: 'y', title: 't', provenance: 'guessed', source: 's', seriesPerTarget: 0, metrics: [] })).toThrow(/exporter catalog "y": provenance/);
  });
});

describe('countExposition', () => {
  it('counts series per metric name, label names, distinct values and family types', () => {
    const text = [
      '# HELP http_requests_total Requests.',
      '# TYPE http_requests_total counter',
      'http_requests_total{code="200",method="get"} 5',
      'http_requests_total{code="500",method="get"} 1',
      'http_requests_total{code="200",method="post",path="a \\"q\\" b"} 2',
      '# TYPE rpc_seconds histogram',
      'rpc_seconds_bucket{le="0.1"} 1',
      'rpc_seconds_bucket{le="+Inf"} 2',
      'rpc_seconds_sum 0.3',
      'rpc_seconds_count 2',
      'up 1 1700000000000',
      '',
    ].join('\n');
    expect(countExposition(text)).toEqual([
      { name: 'http_requests_total', series: 3, labels: ['code', 'method', 'path'], type: 'counter', values: { code: 2, method: 2, path: 1 } },
      { name: 'rpc_seconds_bucket', series: 2, labels: ['le'], type: 'histogram', values: { le: 2 } },
      { name: 'rpc_seconds_count', series: 1, labels: [], type: 'histogram' },
      { name: 'rpc_seconds_sum', series: 1, labels: [], type: 'histogram' },
      { name: 'up', series: 1, labels: [] },
    ]);
  });
});
