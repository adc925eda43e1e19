import { describe, expect, it } from 'vitest';
import { serverInstances } from '../../../src/model/instances.ts';
import type { PrometheusNode } from '../../../src/model/types.ts';
import { instanceLinkKeys, linkKey, linkedServerView } from './linkedView.ts';

const predicted = { series: 1000, samplesPerSecond: 100, memoryBytes: 80e6 };

describe('link keys', () => {
  it('name one key per instance of an HA pair, a plain key for a single server', () => {
    const pair = { id: 'leaf', kind: 'prometheus', name: 'leaf', role: 'leaf', address: 'leaf:9090', ha: { replicas: 2 } } as unknown as PrometheusNode;
    expect(instanceLinkKeys('dc', 'leaf', serverInstances(pair))).toEqual(['dc/leaf#a', 'dc/leaf#b']);
    expect(linkKey('dc', 'global', '')).toBe('dc/global');
  });
});

describe('linkedServerView', () => {
  it('is undefined when no instance is linked', () => {
    expect(linkedServerView(['d/n'], {}, {}, predicted)).toBeUndefined();
  });

  it('compares the prediction with the measurement, error in percent of the measured figure', () => {
    const v = linkedServerView(['d/n'], { 'd/n': 'http://a' }, { 'd/n': { state: 'measured', url: 'http://a', measured: { series: 800, samplesPerSecond: 125, memoryBytes: 100e6 } } }, predicted);
    expect(v?.measured).toEqual({ series: 800, samplesPerSecond: 125, memoryBytes: 100e6 });
    expect(v?.errorPercent.series).toBeCloseTo(25);
    expect(v?.errorPercent.samplesPerSecond).toBeCloseTo(-20);
    expect(v?.errorPercent.memoryBytes).toBeCloseTo(-20);
  });

  it('with one of two instances linked, compares it with half the prediction', () => {
    const v = linkedServerView(['d/n#a', 'd/n#b'], { 'd/n#a': 'http://a' }, { 'd/n#a': { state: 'measured', url: 'http://a', measured: { series: 500, samplesPerSecond: 50 } } }, predicted);
    expect(v?.linked).toBe(1);
    expect(v?.instances).toBe(2);
    expect(v?.predicted.series).toBe(500);
    expect(v?.errorPercent.series).toBe(0);
    expect(v?.errorPercent.memoryBytes).toBeNull();
  });

  it('shows no sum until every linked instance is measured, and keeps failures with their URL', () => {
    const links = { 'd/n#a': 'http://a', 'd/n#b': 'http://b' };
    const v = linkedServerView(['d/n#a', 'd/n#b'], links, {
      'd/n#a': { state: 'measured', url: 'http://a', measured: { series: 1, samplesPerSecond: 1 } },
      'd/n#b': { state: 'failed', url: 'http://b', error: 'http://b/api/v1/status/config: connection refused' },
    }, predicted);
    expect(v?.measured).toBeUndefined();
    expect(v?.errors).toEqual(['http://b/api/v1/status/config: connection refused']);
  });

  it('ignores a measurement of a URL the link no longer holds', () => {
    const v = linkedServerView(['d/n'], { 'd/n': 'http://new' }, { 'd/n': { state: 'measured', url: 'http://old', measured: { series: 1, samplesPerSecond: 1 } } }, predicted);
    expect(v?.measured).toBeUndefined();
    expect(v?.measuring).toBe(false);
  });
});
