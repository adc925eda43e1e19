import { describe, expect, it } from 'vitest';
import federation from '../../assets/examples/federation.promtopo.json' with { type: 'json' };
import { parseTopologyValue } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { selectorMarkers, seriesPulled, sourceVocabulary } from './selectorAssist.ts';

function example(): Topology {
  const parsed = parseTopologyValue(federation, 'federation.promtopo.json');
  if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
  return parsed.topology;
}

describe('selectorMarkers (engine errors at their columns)', () => {
  it.each([
    ['node_load1', []],
    ['{__name__=~"job:.*"}', []],
  ])('%s parses', (text, markers) => {
    expect(selectorMarkers(text)).toEqual(markers);
  });
  it.each([
    // text, first column of the marker (1-based), as the engine reports it
    ['{job="node"', 12],
    ['up{job=~"("}', 9],
    ['sum(up)', 1],
  ])('%s is marked from column %i', (text, column) => {
    const [marker] = selectorMarkers(text);
    expect(marker?.startColumn).toBe(column);
    expect(marker!.endColumn).toBeGreaterThan(marker!.startColumn);
    expect(marker!.message.length).toBeGreaterThan(5);
  });
  it('marks an empty selector', () => {
    expect(selectorMarkers('  ')[0]?.message).toContain('empty selector');
  });
});

describe('sourceVocabulary', () => {
  const t = example();
  it('offers the metric names of the exporters the source scrapes, its recording rules and synthetic series', () => {
    const v = sourceVocabulary(t, 'e7');
    expect(v.metricNames).toEqual(expect.arrayContaining(['node_load1', 'node_cpu_seconds_total', 'prometheus_tsdb_head_series', 'up']));
    expect(v.metricNames.some((m) => m.startsWith('job:'))).toBe(true);
    expect(v.labelNames).toEqual(expect.arrayContaining(['job', 'instance', 'cpu', 'mode']));
  });
  it('offers nothing for an edge that is not a federation edge', () => {
    expect(sourceVocabulary(t, 'e1')).toEqual({ metricNames: [], labelNames: [] });
  });
});

describe('seriesPulled', () => {
  const t = example();
  it('counts more series for a broader selector, and none for a name nobody exposes', () => {
    const one = seriesPulled(t, 'e7', 'node_load1')!;
    const all = seriesPulled(t, 'e7', '{__name__=~"node_.*"}')!;
    expect(one).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(one * 10);
    expect(seriesPulled(t, 'e7', 'no_such_metric_anywhere')).toBe(0);
  });
  it('gives no count for a broken selector', () => {
    expect(seriesPulled(t, 'e7', '{job="node"')).toBeUndefined();
  });
});
