/**
 * Rule expressions with the verdict of Prometheus 2.42's promtool, shared by the unit test
 * (syntax.test.ts) and the live oracle (test/promql/ruleSyntaxOracle.test.ts). Accepted rows are
 * also semantically valid, so promtool accepts exactly the rows checkPromqlSyntax accepts.
 */
export interface RuleExprCase {
  readonly expr: string;
  readonly valid: boolean;
}

export const ruleExprCases: readonly RuleExprCase[] = [
  { expr: 'up', valid: true },
  { expr: 'sum by (job) (rate(http_requests_total[5m]))', valid: true },
  { expr: 'sum without (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))', valid: true },
  { expr: 'histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))', valid: true },
  { expr: 'up == 0', valid: true },
  { expr: 'avg_over_time(up[10m]) < 0.9', valid: true },
  { expr: 'rate(x[5m]) / ignoring(code) group_left rate(y[5m])', valid: true },
  { expr: 'max by (instance) (node_load1 offset 1h)', valid: true },
  { expr: 'rate(x[5m] offset 1h)', valid: true },
  { expr: 'max_over_time(rate(x[5m])[1h:5m] offset 1d)', valid: true },
  { expr: 'max by (instance) (node_load1) offset 1h', valid: false },
  { expr: '(up) offset 5m', valid: false },
  { expr: 'sum(up) @ 100', valid: false },
  { expr: 'count(up{job=~"node|api"}) > bool 2', valid: true },
  { expr: 'label_replace(up, "host", "$1", "instance", "(.*):.*")', valid: true },
  { expr: 'sum(up) # trailing comment', valid: true },
  { expr: 'up\n  and on(job)\n  absent(x)', valid: true },
  { expr: 'sum(rate(x[5m])', valid: false },
  { expr: 'rate(x[5m]))', valid: false },
  { expr: 'up ==', valid: false },
  { expr: 'sum by job (up)', valid: false },
  { expr: 'up{job="a" job="b"}', valid: false },
  { expr: 'up{job=a}', valid: false },
  { expr: 'rate(x[5m] offset)', valid: false },
  { expr: '{"http.requests"}', valid: false },
  { expr: 'sum({"a.b"="c"})', valid: false },
  { expr: 'x[5m', valid: false },
  { expr: '(up', valid: false },
  { expr: 'up +', valid: false },
];
