import { describe, expect, it } from 'vitest';
import { federationEdge, makeTopology, scrapeEdge, server, targets } from '../generate/testBuilders.ts';
import type { Topology } from '../model/types.ts';
import { estimateLoad } from './estimateLoad.ts';

function hosts(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `h${i + 1}:9100`);
}

/** A leaf with `n` targets of 95 series (100 with the synthetic ones), federated by a global with `match`. */
function topology(n: number, leaf: Record<string, unknown> = {}, global: Record<string, unknown> = {}, fed: Record<string, unknown> = {}, match = ['up']): Topology {
  return makeTopology(
    [server('leaf', leaf), server('global', { role: 'global', ...global }), targets('api', hosts(n), { seriesPerTarget: 95 })],
    [scrapeEdge('leaf', 'api'), federationEdge('global', 'leaf', match, { id: 'fed', ...fed })],
  );
}

function codes(t: Topology): string[] {
  return estimateLoad(t).diagnostics.map((d) => `${d.severity} ${d.code} ${d.at.node ?? d.at.edge ?? ''}`);
}

describe('load diagnostics', () => {
  it.each([
    ['nothing to say', topology(10), []],
    ['over capacity', topology(10, { capacity: { activeSeries: 900 } }), ['warning load/over-capacity leaf']],
    ['near capacity', topology(10, { capacity: { activeSeries: 1200 } }), ['info load/near-capacity leaf']],
    ['a global over capacity', topology(10, {}, { capacity: { activeSeries: 12 } }), ['warning load/global-over-capacity global']],
    ['a large /federate response, frequent', topology(20, {}, {}, { scrapeInterval: '15s' }, ['{job="api"}']), ['warning load/federation-large fed']],
    ['a large /federate response, every 30s', topology(20, {}, {}, { scrapeInterval: '30s' }, ['{job="api"}']), ['info load/federation-large fed']],
    ['a huge /federate response, even every minute', topology(200, {}, {}, { scrapeInterval: '1m' }, ['{job="api"}']), ['warning load/federation-large fed']],
  ])('%s', (_name, t, expected) => {
    expect(codes(t)).toEqual(expected);
  });

  it('names the server, the resource and the numbers', () => {
    const [d] = estimateLoad(topology(10, { capacity: { activeSeries: 900, samplesPerSecond: 10 } })).diagnostics;
    expect(d?.message).toBe('leaf "leaf" is over capacity: active series 111% of 900, ingestion (samples/s) 667% of 10');
    expect(d?.at).toEqual({ node: 'leaf', field: 'capacity' });
  });

  it('names the busiest instance of an HA pair or hashmod group', () => {
    const t = topology(10, { ha: { replicas: 2 }, capacity: { activeSeries: 900 } });
    expect(estimateLoad(t).diagnostics[0]?.message).toContain('(busiest instance a)');
  });

  it('reports target groups without a series figure, and unknown exporters', () => {
    const t = makeTopology(
      [server('p'), targets('plain', ['a:1']), targets('odd', ['b:1'], { exporter: 'mystery' })],
      [scrapeEdge('p', 'plain'), scrapeEdge('p', 'odd')],
    );
    expect(estimateLoad(t, []).diagnostics.map((d) => [d.code, d.severity, d.at.node, d.at.field])).toEqual([
      ['load/unknown-exporter', 'warning', 'odd', 'exporter'],
      ['load/default-series', 'info', 'plain', 'seriesPerTarget'],
    ]);
  });
});
