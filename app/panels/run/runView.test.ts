import { describe, expect, it } from 'vitest';
import { edgeRunSamples, formatError, serverRunView, type LocalRunStatus } from './runView.ts';

const figures = (series: number, samplesPerSecond: number, memoryBytes: number) => ({ series, samplesPerSecond, memoryBytes });
const none = { series: null, samplesPerSecond: null, memoryBytes: null };

const status: LocalRunStatus = {
  servers: [
    { nodeId: 'p-eu', name: 'eu', instance: 'eu-a', url: 'http://127.0.0.1:1', up: true, predicted: figures(100, 50, 1), measured: figures(110, 40, 9), errorPercent: none },
    { nodeId: 'p-eu', name: 'eu', instance: 'eu-b', url: 'http://127.0.0.1:2', up: false, predicted: figures(100, 50, 1), measured: null, errorPercent: none, problem: 'eu-b exited (1)' },
    { nodeId: 'p-us', name: 'us', instance: 'us', url: 'http://127.0.0.1:3', up: true, predicted: figures(90, 45, 1), measured: figures(100, 50, 9), errorPercent: none },
  ],
  edges: [{ id: 'e1', kind: 'scrape', job: 'node', predicted: { samplesPerSecond: 10 }, measured: { samplesPerSecond: 12 }, errorPercent: -16.7 }],
  alertmanagers: [],
  targetsDown: {},
};

describe('runView', () => {
  it('sums the instances of a server and shows the error against the measurement', () => {
    expect(serverRunView(status, 'p-us')).toEqual({ up: 1, instances: 1, predicted: figures(90, 45, 1), measured: figures(100, 50, 9), errorPercent: { series: -10, samplesPerSecond: -10 } });
  });

  it('has no measured figures while an instance is down, and names its problem', () => {
    const eu = serverRunView(status, 'p-eu');
    expect(eu).toMatchObject({ up: 1, instances: 2, measured: null, errorPercent: { series: null, samplesPerSecond: null }, problem: 'eu-b exited (1)' });
    expect(serverRunView(status, 'grafana')).toBeUndefined();
  });

  it('reads an edge and formats errors with their sign', () => {
    expect(edgeRunSamples(status, 'e1')).toBe(12);
    expect(edgeRunSamples(status, 'e9')).toBeUndefined();
    expect([formatError(4.25), formatError(-12), formatError(null)]).toEqual(['+4.3%', '-12.0%', '-']);
  });
});
