import { describe, expect, it } from 'vitest';
import { ruleExprCases } from './ruleExpr.fixtures.ts';
import { checkPromqlSyntax, columnOf } from './syntax.ts';

describe('checkPromqlSyntax (rule expressions)', () => {
  it.each(['sum by (job) (rate(http_requests_total[5m]))', 'up == 0', 'histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))', 'up offset 5m'])(
    'accepts %s',
    (expr) => expect(checkPromqlSyntax(expr)).toBeUndefined(),
  );
  it.each([
    ['sum(rate(x[5m])', 'unexpected end of input', 15],
    ['up ==', 'unexpected end of input', 5],
    ['rate(x[5m]))', 'unexpected ")"', 11],
    ['', 'unexpected end of input', 0],
    ['sum by (job) (rate({"http.requests"}[5m]))', 'quoted names such as "http.requests" need Prometheus 3; Prometheus 2.42 rejects them', 20],
    ['# only a comment', 'unexpected end of input', 16],
  ])('rejects %s', (expr, message, from) => {
    expect(checkPromqlSyntax(expr)).toMatchObject({ message, from });
  });
  it('columnOf gives 1-based line and column', () => {
    expect(columnOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('checkPromqlSyntax over the rule expression table', () => {
  it.each(ruleExprCases.map((c) => [c.expr, c.valid] as const))('%j -> valid %s', (expr, valid) => {
    expect(checkPromqlSyntax(expr) === undefined).toBe(valid);
  });
});
