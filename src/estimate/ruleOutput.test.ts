import { describe, expect, it } from 'vitest';
import { ruleOutputBlocks } from './ruleOutput.ts';
import { selectFromIndex, indexBlocks, totalSeries, type SeriesBlock } from './series.ts';
import type { SeriesSource } from './ruleOutput.ts';

function source(blocks: SeriesBlock[]): SeriesSource {
  const index = indexBlocks(blocks);
  return { select: (selectors) => selectFromIndex(selectors, index) };
}

/** What a leaf holds: job api (3 instances) and job db (2 instances, tier=db). */
function holdings(): SeriesBlock[] {
  const api = ['a1:80', 'a2:80', 'a3:80'];
  const db = ['d1:80', 'd2:80'];
  const block = (name: string, job: string, instances: string[], perInstance: number, free: string[] = [], extra: Record<string, string> = {}): SeriesBlock => ({
    labels: { __name__: name, job, ...extra },
    free,
    instances,
    perInstance,
  });
  return [
    block('up', 'api', api, 1),
    block('up', 'db', db, 1, [], { tier: 'db' }),
    block('http_requests_total', 'api', api, 6, ['code', 'method']),
    block('http_requests_total', 'db', db, 6, ['code', 'method'], { tier: 'db' }),
    block('req_duration_seconds_bucket', 'api', api, 12, ['le']),
    block('node_cpu_seconds_total', 'api', api, 8, ['cpu', 'mode']),
    { ...block('cpu_measured', 'api', api, 16, ['cpu', 'mode']), cardinality: { cpu: 2, mode: 8 } },
  ];
}

describe('ruleOutputBlocks: series a recording rule writes', () => {
  it.each([
    ['a selector keeps its series', 'up', 5],
    ['a function keeps its argument series', 'rate(http_requests_total[5m])', 30],
    ['a matcher narrows the input', 'rate(http_requests_total{job="db"}[5m])', 12],
    ['sum without grouping: one series', 'sum(rate(http_requests_total[5m]))', 1],
    ['sum by (job): one per job', 'sum by (job) (rate(http_requests_total[5m]))', 2],
    ['by written after the body', 'sum(rate(http_requests_total[5m])) by (job)', 2],
    ['sum by (instance): one per target', 'sum by (instance) (up)', 5],
    ['sum by (job, instance)', 'sum by (job, instance) (rate(http_requests_total[5m]))', 5],
    ['a known group label', 'sum by (tier) (up)', 2],
    ['a label of unknown values: at most the series per target', 'sum by (mode) (rate(node_cpu_seconds_total[5m]))', 8],
    ['measured value counts: by (mode) gives the modes', 'sum by (mode) (rate(cpu_measured[5m]))', 8],
    ['measured value counts: by (instance, cpu)', 'sum by (instance, cpu) (rate(cpu_measured[5m]))', 3 * 2],
    ['measured value counts never exceed the series', 'sum by (cpu, mode) (cpu_measured)', 16],
    ['without (instance) keeps the other labels', 'sum without (instance) (rate(http_requests_total[5m]))', 12],
    ['without (code, method) keeps instance', 'sum without (code, method) (rate(http_requests_total[5m]))', 5],
    ['histogram_quantile drops le', 'histogram_quantile(0.9, sum by (le, job) (rate(req_duration_seconds_bucket[5m])))', 1],
    ['histogram_quantile per instance', 'histogram_quantile(0.9, rate(req_duration_seconds_bucket[5m]))', 3],
    ['topk per group', 'topk(2, rate(http_requests_total[5m]))', 2],
    ['topk never more than the input', 'topk(50, up{job="db"})', 2],
    ['count_values adds a label', 'count_values("v", up)', 1],
    ['a binary operator keeps the left side', 'sum by (job) (up) / sum by (job) (up)', 2],
    ['a scalar operand keeps the vector', '100 * sum by (job) (up)', 2],
    ['or adds both sides', 'sum by (job) (up) or vector(0)', 3],
    ['a scalar rule is one series', 'vector(1)', 1],
    ['a number is one series', '1', 1],
    ['absent is one series', 'absent(up{job="x"})', 1],
    ['nothing selected: no series', 'sum by (job) (missing_metric)', 0],
    ['a broken expression writes nothing', 'sum by (job (up', 0],
    ['a rule output can feed another rule', 'sum(job:up:sum)', 1],
  ])('%s: %s', (_name, expr, expected) => {
    const blocks = holdings();
    blocks.push({ labels: { __name__: 'job:up:sum', job: 'api' }, free: [], instances: [], perInstance: 1 });
    expect(totalSeries(ruleOutputBlocks(expr, 'rec:x', {}, source(blocks)))).toBe(expected);
  });

  it('names the output after the record and sets the rule labels', () => {
    const out = ruleOutputBlocks('sum by (job) (up)', 'job:up:sum', { team: 'x' }, source(holdings()));
    expect(out.map((b) => b.labels)).toEqual([
      { job: 'api', team: 'x', __name__: 'job:up:sum' },
      { job: 'db', team: 'x', __name__: 'job:up:sum' },
    ]);
  });

  it('label_replace makes the destination label unknown', () => {
    const out = ruleOutputBlocks('label_replace(up, "job", "x", "", "")', 'r', {}, source(holdings()));
    expect(out.every((b) => b.labels.job === undefined && b.free.includes('job'))).toBe(true);
    expect(totalSeries(out)).toBe(5);
  });
});
