import { describe, expect, it } from 'vitest';
import { durationSeconds, expositionValue, serverSnapshot } from './serverSnapshot.ts';

const sample = (job: string, instance: string, v: number) => ({ metric: { job, instance }, value: [0, String(v)] as [number, string] });

describe('serverSnapshot', () => {
  it('counts targets per job, the mean stored series per target, and samples/s with the synthetic series', () => {
    const s = serverSnapshot({
      tsdb: { headStats: { numSeries: 1234 } },
      targets: { activeTargets: [
        { labels: { job: 'node', instance: 'a:9100' }, scrapePool: 'node', health: 'up', scrapeInterval: '10s' },
        { labels: { job: 'node', instance: 'b:9100' }, scrapePool: 'node', health: 'down', scrapeInterval: '10s' },
        { labels: { job: 'api', instance: 'c:80' }, scrapePool: 'api', health: 'up' },
      ] },
      stored: { resultType: 'vector', result: [sample('node', 'a:9100', 100), sample('node', 'b:9100', 0), sample('api', 'c:80', 55)] },
      exposition: '# HELP process_resident_memory_bytes x\nprocess_resident_memory_bytes 5.5e+07\nprocess_resident_memory_bytes_other 1\n',
      defaultIntervalSeconds: 60,
    });
    expect(s.series).toBe(1234);
    expect(s.residentMemoryBytes).toBe(55_000_000);
    expect(s.jobs).toEqual([
      { job: 'api', targets: 1, up: 1, seriesPerTarget: 55, intervalSeconds: undefined },
      { job: 'node', targets: 2, up: 1, seriesPerTarget: 50, intervalSeconds: 10 },
    ]);
    // node: (100 + 5)/10 + (0 + 5)/10; api at the default 60s: (55 + 5)/60.
    expect(s.samplesPerSecond).toBeCloseTo(10.5 + 0.5 + 1, 9);
  });

  it('leaves series per target unknown for a job nothing was stored for yet, and RSS for a server without /metrics', () => {
    const s = serverSnapshot({
      tsdb: { headStats: { numSeries: 0 } },
      targets: { activeTargets: [{ labels: { job: 'new', instance: 'x:1' }, scrapePool: 'new', health: 'unknown', scrapeInterval: '1m' }] },
      stored: { resultType: 'vector', result: [] },
      exposition: undefined,
      defaultIntervalSeconds: 15,
    });
    expect(s.jobs[0]?.seriesPerTarget).toBeUndefined();
    expect(s.residentMemoryBytes).toBeUndefined();
  });
});

describe('durationSeconds, expositionValue', () => {
  it.each([['15s', 15], ['1m30s', 90], ['500ms', 0.5], ['2h', 7200], ['', undefined], ['10x', undefined]])('%s -> %s', (text, s) => expect(durationSeconds(text)).toBe(s));
  it('finds only the exact metric name', () => expect(expositionValue('a_total 3\na 2\n', 'a')).toBe(2));
});
