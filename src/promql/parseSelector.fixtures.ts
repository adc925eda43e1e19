/**
 * The selector table shared by the unit test (parseSelector.test.ts) and the live oracle test
 * (test/promql/federateOracle.test.ts), which asks a real Prometheus 2.42 `/federate` about each row.
 */
import type { SelectorErrorKind } from './parseSelector.ts';

/** One row: the selector text and what parseSelector must say about it. */
export interface SelectorCase {
  readonly text: string;
  /** Expected error kind; absent when the selector is accepted. */
  readonly rejected?: SelectorErrorKind;
  /** Substring of the error message. */
  readonly message?: string;
  /** Expected 0-based error start. */
  readonly from?: number;
  /** For accepted selectors: does it select every series? */
  readonly everything?: boolean;
}

/** Kinds Prometheus 2.42 itself rejects with HTTP 400 (the others are PromTopo's own rules). */
export const PROMETHEUS_REJECTS: ReadonlySet<SelectorErrorKind> = new Set(['syntax', 'not-selector', 'quoted-name', 'regex', 'escape']);

export const selectorCases: readonly SelectorCase[] = [
  // accepted
  { text: 'up', everything: false },
  { text: 'up{}', everything: false },
  { text: '{job="api"}', everything: false },
  { text: 'up{job="api",}', everything: false },
  { text: 'up{job=~"a.*",instance!="b"}', everything: false },
  { text: '{__name__=~"job:.*"}', everything: false },
  { text: 'job:http_requests:rate5m', everything: false },
  { text: "{job='single'}", everything: false },
  { text: '{job=`raw\\d`}', everything: false },
  { text: '{job="esc\\"aped\\n"}', everything: false },
  { text: '{job="\\u00e9t\\x41"}', everything: false },
  { text: 'up # a comment', everything: false },
  { text: '  up  ', everything: false },
  { text: 'sum', everything: false },
  { text: 'by{a="b"}', everything: false },
  { text: '{by="x"}', everything: false },
  { text: 'and', everything: false },
  { text: 'without', everything: false },
  { text: 'start', everything: false },
  { text: 'count_values', everything: false },
  { text: 'topk{a="b"}', everything: false },
  { text: 'limitk', everything: false },
  { text: 'offset_seconds', everything: false },
  { text: '{job=~"(?i)API"}', everything: false },
  { text: '{job=~"(?P<name>a)b"}', everything: false },
  { text: '{job=~"[[:alpha:]]+"}', everything: false },
  { text: '{job=~"[[:^alpha:]]"}', everything: false },
  { text: '{job=~"a\\\\-b"}', everything: false },
  { text: '{job=~"\\\\pL+"}', everything: false },
  { text: '{job=~"\\\\p{Greek}"}', everything: false },
  { text: '{job=~"a{"}', everything: false },
  { text: '{job=~"x{2,5}"}', everything: false },
  { text: '{job=~"a\\\\z"}', everything: false },
  { text: '{job=~"(?U)a+"}', everything: false },
  { text: '{job=~"[]a]"}', everything: false },
  { text: '{job=~"\\\\Qa.b\\\\E"}', everything: false },
  { text: '{job!~"x",__name__="up"}', everything: false },
  // accepted, and selects every series
  { text: '{__name__=~".+"}', everything: true },
  { text: '{__name__=~".*",job=~".+"}', everything: true },
  { text: '{job=~".+"}', everything: true },
  { text: '{job!=""}', everything: true },
  { text: '{__name__!=""}', everything: true },
  { text: '{__name__=~"(.+)"}', everything: true },
  // syntax errors
  { text: '', rejected: 'syntax', message: 'empty selector' },
  { text: 'up{', rejected: 'syntax', message: 'unexpected end of input', from: 3 },
  { text: 'up{job="a" or x="b"}', rejected: 'syntax', message: 'unexpected "or"', from: 11 },
  { text: 'up{a="b" b="c"}', rejected: 'syntax', from: 9 },
  { text: 'up{job=a}', rejected: 'syntax', message: 'unexpected "a"', from: 7 },
  { text: '{job="abc}', rejected: 'syntax' },
  { text: 'up{job="a"}{x="y"}', rejected: 'syntax', from: 11 },
  { text: 'on{a="b"}', rejected: 'syntax', from: 0 },
  { text: 'bool', rejected: 'syntax' },
  { text: 'atan2', rejected: 'syntax', message: 'unexpected "atan2"' },
  { text: 'atan2{a="b"}', rejected: 'syntax' },
  { text: 'up{job=="a"}', rejected: 'syntax' },
  { text: '{job~="a"}', rejected: 'syntax' },
  { text: 'up)', rejected: 'syntax', from: 2 },
  // expressions, not selectors
  { text: 'sum(up)', rejected: 'not-selector', message: 'sum(up) is an aggregation' },
  { text: 'rate(up[5m])', rejected: 'not-selector', message: 'function call' },
  { text: 'up[5m]', rejected: 'not-selector', message: 'range selector' },
  { text: 'up offset 5m', rejected: 'not-selector', message: 'offset' },
  { text: 'up @ 100', rejected: 'not-selector', message: '@ modifier' },
  { text: 'up[5m:1m]', rejected: 'not-selector', message: 'subquery' },
  { text: 'up + 1', rejected: 'not-selector', message: 'binary operation' },
  { text: 'up or down', rejected: 'not-selector', message: 'binary operation' },
  { text: '(up)', rejected: 'not-selector', message: 'parenthesised' },
  { text: '-up', rejected: 'not-selector', message: 'unary' },
  { text: '1', rejected: 'not-selector', message: 'number' },
  { text: 'nan', rejected: 'not-selector', message: 'number' },
  { text: '"up"', rejected: 'not-selector', message: 'string' },
  // Prometheus 3 only
  { text: '{"a.b"="v"}', rejected: 'quoted-name', message: 'Prometheus 2.42', from: 1 },
  { text: '{"up"}', rejected: 'quoted-name' },
  { text: 'up{"job"="a"}', rejected: 'quoted-name', from: 3 },
  // bad escapes
  { text: '{job="a\\q"}', rejected: 'escape', message: 'unknown escape sequence', from: 7 },
  { text: '{job="\\x4"}', rejected: 'escape' },
  // regexes RE2 (or JavaScript) refuses
  { text: '{job=~"a("}', rejected: 'regex', message: 'invalid regex "a(" for label job', from: 6 },
  { text: '{job=~"(?=a)"}', rejected: 'regex', message: 'lookaround' },
  { text: '{job=~"(?!a)b"}', rejected: 'regex' },
  { text: '{job=~"(a)\\\\1"}', rejected: 'regex', message: 'backreferences' },
  { text: '{job=~"\\\\8"}', rejected: 'regex' },
  { text: '{job=~"a**"}', rejected: 'regex' },
  { text: '{job=~"a{2000}"}', rejected: 'regex', message: 'repeat count' },
  { text: '{job=~"a{2,1}"}', rejected: 'regex', message: 'repeat count' },
  { text: '{job=~"(?<x>a)"}', rejected: 'regex' },
  { text: '{job=~"[a"}', rejected: 'regex', message: 'missing closing ]' },
  { text: '{job=~"*a"}', rejected: 'regex' },
  { text: '{job=~"\\\\q"}', rejected: 'regex', message: 'invalid escape' },
  { text: '{job!~"a)"}', rejected: 'regex' },
  // accepted by /federate, refused by PromTopo
  { text: '{job=~".*"}', rejected: 'empty-matchers', message: 'at least one non-empty matcher' },
  { text: '{}', rejected: 'empty-matchers' },
  { text: '{job=""}', rejected: 'empty-matchers' },
  { text: '{job!="x"}', rejected: 'empty-matchers' },
  { text: '{job!~".+"}', rejected: 'empty-matchers' },
  { text: '{job=~"a|"}', rejected: 'empty-matchers' },
  { text: 'up{__name__="x"}', rejected: 'duplicate-name', message: 'metric name must not be set twice' },
];
