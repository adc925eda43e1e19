import { describe, expect, it } from 'vitest';
import { isEverythingSelector, selectorMatches, selectorMetricNames, selectsOnlyRecordingRules } from './matchSelector.ts';
import { parseSelector, type Selector } from './parseSelector.ts';

function sel(text: string): Selector {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.selector;
}

describe('selectorMatches', () => {
  const series = { __name__: 'http_requests_total', job: 'api', instance: 'api-1:8080', code: '200' };
  it.each([
    ['http_requests_total', true],
    ['up', false],
    ['{job="api"}', true],
    ['{job="ap"}', false],
    ['{job=~"ap"}', false], // anchored, unlike a JavaScript search
    ['{job=~"ap.*"}', true],
    ['{job=~"API"}', false],
    ['{job=~"(?i)API"}', true],
    ['http_requests_total{job!~"a.*"}', false],
    ['http_requests_total{job!="web"}', true],
    ['{job="api",missing=""}', true], // an absent label has the value ""
    ['{job="api",missing!=""}', false],
    ['{job="api",missing=~".*"}', true],
    ['{instance=~"[[:alpha:]]+-\\\\d:\\\\d+"}', true],
    ['{code=~"2.."}', true],
    ['{code=~"\\\\p{N}+"}', true],
    ['{code=~"[^[:^digit:]]+"}', true],
    ['{code=~"[[:^digit:]]+"}', false],
    ['{job=~"\\\\Qa.i\\\\E|api"}', true],
    ['{job=~"(?P<x>a)pi"}', true],
    ['{job=~"a{"}', false],
  ])('%s -> %s', (text, expected) => {
    expect(selectorMatches(sel(text), series)).toBe(expected);
  });
});

describe('isEverythingSelector', () => {
  it.each([
    ['{__name__=~".+"}', true],
    ['{__name__=~".*",job=~".+"}', true],
    ['{job=~".+"}', true],
    ['{__name__!="up",job=~".+"}', true],
    ['{__name__=~"[^#]+"}', true],
    ['{__name__=~"job:.*"}', false],
    ['{__name__=~".+",job="api"}', false],
    ['{instance=~".+"}', false], // recording rules usually drop instance: not everything
    ['{__name__=~".+",dc=~".*"}', true],
    ['up', false],
  ])('%s -> %s', (text, expected) => {
    expect(isEverythingSelector(sel(text))).toBe(expected);
  });
});

describe('selectorMetricNames', () => {
  const catalog = ['node_cpu_seconds_total', 'node_load1', 'up', 'job:node_cpu:rate5m'];
  it.each([
    ['{__name__=~"node_.*"}', ['node_cpu_seconds_total', 'node_load1']],
    ['up', ['up']],
    ['{job="x"}', catalog],
    ['{__name__=~"job:.*"}', ['job:node_cpu:rate5m']],
    ['missing_metric', []],
  ])('%s', (text, expected) => {
    expect(selectorMetricNames(sel(text), catalog)).toEqual(expected);
  });
});

describe('selectsOnlyRecordingRules', () => {
  it.each([
    ['{__name__=~"job:.*"}', true],
    ['job:http_requests:rate5m', true],
    ['{__name__=~".+:.+"}', true],
    ['{__name__=~"job:.*|instance:.*"}', true],
    ['{__name__=~"job:.*|node_load1"}', false],
    ['{__name__=~"(job|instance):.*"}', true],
    ['up', false],
    ['{job="api"}', false],
    ['{__name__=~"node_.*"}', false],
    ['{__name__=~".*",job="a"}', false],
  ])('%s -> %s', (text, expected) => {
    expect(selectsOnlyRecordingRules(sel(text))).toBe(expected);
  });
});
