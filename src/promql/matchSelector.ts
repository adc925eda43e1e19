/**
 * Matching series against selectors, as Prometheus does: a missing label has the value `""`, regexes
 * are RE2 and anchored. Also the "everything" test behind `federation/everything`.
 */
import type { Matcher, Selector } from './parseSelector.ts';
import { compileAnchoredRe2 } from './re2.ts';

/** Compiled regexes by pattern; bounded so a long session cannot grow it without limit. */
const regexCache = new Map<string, RegExp | null>();
const REGEX_CACHE_LIMIT = 2000;

function anchored(pattern: string): RegExp | null {
  let regex = regexCache.get(pattern);
  if (regex === undefined) {
    const compiled = compileAnchoredRe2(pattern);
    regex = compiled.ok ? compiled.regex : null;
    if (regexCache.size >= REGEX_CACHE_LIMIT) regexCache.clear();
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** Does one matcher accept this label value (`""` when the label is absent)? Invalid regexes match nothing. */
export function matcherMatches(matcher: Matcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return anchored(matcher.value)?.test(value) ?? false;
    case '!~': {
      const regex = anchored(matcher.value);
      return regex ? !regex.test(value) : false;
    }
  }
}

/** Prometheus' "non-empty matcher" test: true when the matcher also accepts series without the label. */
export function matcherMatchesEmpty(matcher: Matcher): boolean {
  return matcherMatches(matcher, '');
}

/** Does the selector select a series with these labels (`__name__` included)? */
export function selectorMatches(selector: Selector, labels: Readonly<Record<string, string>>): boolean {
  return selector.matchers.every((m) => matcherMatches(m, labels[m.name] ?? ''));
}

/**
 * Labels that every series stored by a scraping Prometheus carries, so a matcher that accepts any
 * non-empty value of them filters nothing (`{job=~".+"}` is "everything").
 */
const ALWAYS_PRESENT = new Set(['__name__', 'job']);

/**
 * Probe values standing for "any value": names, recording-rule names, odd characters, long values.
 * A matcher accepting all of them (`.+`, `.*`, `!=""`, `!="x"`, `[^#]+`) is treated as filtering nothing.
 */
const PROBES = [
  'up',
  'a',
  'Z',
  '_',
  'node_cpu_seconds_total',
  'job:http_requests:rate5m',
  'instance:node_cpu:ratio',
  'prometheus',
  'node-exporter',
  '10.0.0.1:9100',
  'x'.repeat(120),
  'with space',
  'é',
  '0',
];

function acceptsAnyValue(matcher: Matcher): boolean {
  if (matcher.op === '!=') return true; // excludes one value at most
  if (matcher.op === '=') return false;
  return PROBES.every((probe) => matcherMatches(matcher, probe));
}

/**
 * True when the selector selects (practically) every series: each matcher accepts any value of its
 * label, and for labels that are not always present also their absence. `{__name__=~".+"}`,
 * `{__name__=~".*",job=~".+"}`, `{job=~".+"}`, `{job!=""}`.
 */
export function isEverythingSelector(selector: Selector): boolean {
  return selector.matchers.every(
    (m) => acceptsAnyValue(m) && (ALWAYS_PRESENT.has(m.name) || matcherMatchesEmpty(m)),
  );
}

/**
 * The names among `knownNames` (e.g. an exporter catalog) that the selector's `__name__` matchers
 * accept, in the order given. Other labels are not considered: they depend on the series.
 */
export function selectorMetricNames(selector: Selector, knownNames: Iterable<string>): string[] {
  const nameMatchers = selector.matchers.filter((m) => m.name === '__name__');
  const out: string[] = [];
  for (const name of knownNames) {
    if (nameMatchers.every((m) => matcherMatches(m, name))) out.push(name);
  }
  return out;
}

/**
 * True when every series the selector could select has a metric name that looks like a recording rule
 * (`level:metric:operations`, i.e. contains a colon). False for raw instance-level selectors (`up`,
 * `{job="api"}`, `{__name__=~"node_.*"}`).
 */
export function selectsOnlyRecordingRules(selector: Selector): boolean {
  const nameMatchers = selector.matchers.filter((m) => m.name === '__name__');
  if (nameMatchers.length === 0) return false;
  return nameMatchers.some((m) => {
    if (m.op === '=') return m.value.includes(':');
    if (m.op === '=~') {
      return topLevelBranches(m.value).every((branch) => branch.includes(':'))
        && !['up', 'node_cpu_seconds_total', 'x', 'http_requests_total', '_'].some((raw) => matcherMatches(m, raw));
    }
    return false;
  });
}

/** The alternatives of a regex at nesting depth 0 (`a|(b|c)|d` -> `a`, `(b|c)`, `d`). */
function topLevelBranches(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}
