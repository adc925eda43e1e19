/**
 * Alerting rules that watch the topology itself (`settings.healthRules`), added to each server's rule
 * file on export as the group `promtopo-health`:
 *
 * - `PromTopoFederationSourceDown`: a federation job's target is down (`up{job="federate-..."} == 0`),
 *   on the server that federates;
 * - `PromTopoScrapeJobDown`: every target of one of the server's scrape jobs is down (the server is
 *   running but collects nothing for that job);
 * - `PromTopoRuleEvaluationFailures`: the server's own rule evaluations fail
 *   (`prometheus_rule_evaluation_failures_total`, from its self-scrape job);
 * - `PromTopoAlertmanagerClusterSize`: an Alertmanager scraped by the server sees fewer cluster
 *   members than its cluster has (`alertmanager_cluster_members`).
 *
 * `for` is three of the watched job's intervals, so a single missed scrape does not fire.
 */
import { durationMs } from '../model/duration.ts';
import { federationJobName, scrapeJobName, SELF_SCRAPE_JOB } from '../model/jobs.ts';
import type { AlertingRule, AlertmanagerNode, PrometheusNode, RuleGroup, TargetGroupNode, Topology } from '../model/types.ts';

/** Name of the generated rule group. */
export const HEALTH_GROUP = 'promtopo-health';

/** Scrapes missed before an alert fires. */
const MISSED_SCRAPES = 3;

/** `for:` of three intervals, as a Prometheus duration in seconds (at least 1s). */
function forOf(interval: string | undefined, fallback: string): string {
  const ms = durationMs(interval ?? fallback) ?? durationMs(fallback) ?? 15_000;
  return `${Math.max(1, Math.round((ms * MISSED_SCRAPES) / 1000))}s`;
}

/** A PromQL string literal (double quotes, backslash and quote escaped). */
function quote(value: string): string {
  return JSON.stringify(value);
}

/** An RE2 alternation matching exactly the given names. */
function exactAlternation(names: readonly string[]): string {
  return names.map((n) => n.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|');
}

/** Labels of every health alert; `extra` tells apart rules of the same name (promtool lints duplicates). */
function rule(alert: string, expr: string, forDuration: string, summary: string, extra: Readonly<Record<string, string>> = {}): AlertingRule {
  return { alert, expr, for: forDuration, labels: { severity: 'warning', promtopo: 'health', ...extra }, annotations: { summary } };
}

/** The Alertmanager cluster whose instance addresses a target group scrapes, when there is one. */
function alertmanagerOf(t: Topology, group: TargetGroupNode): AlertmanagerNode | undefined {
  return t.nodes.find((n): n is AlertmanagerNode => n.kind === 'alertmanager' && n.instances.some((i) => group.targets.includes(i.address)));
}

/** The health rules of one server, or undefined when there is nothing to watch. */
export function healthRuleGroup(t: Topology, server: PrometheusNode): RuleGroup | undefined {
  const rules: AlertingRule[] = [];
  const federationJobs = new Map<string, { interval: string | undefined; source: string }>();
  const scrapeJobs: { job: string; group: TargetGroupNode }[] = [];
  for (const edge of t.edges) {
    if (edge.kind === 'store' || edge.server !== server.id) continue;
    if (edge.kind === 'federation') {
      const source = t.nodes.find((n) => n.id === edge.source && n.kind === 'prometheus');
      if (source) federationJobs.set(federationJobName(source, edge), { interval: edge.scrapeInterval, source: source.name });
    } else if (edge.kind === 'scrape') {
      const group = t.nodes.find((n): n is TargetGroupNode => n.id === edge.targets && n.kind === 'targets');
      if (group) scrapeJobs.push({ job: scrapeJobName(group), group });
    }
  }
  for (const [job, { interval, source }] of [...federationJobs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    rules.push(rule('PromTopoFederationSourceDown', `up{job=${quote(job)}} == 0`, forOf(interval, server.scrapeInterval),
      `${server.name} cannot federate from {{ $labels.instance }} (job ${job}): the global is missing that source's series`, { source }));
  }
  if (scrapeJobs.length > 0) {
    const jobs = [...new Set(scrapeJobs.map((j) => j.job))].sort();
    const slowest = scrapeJobs.map((j) => j.group.scrapeInterval ?? server.scrapeInterval).reduce((a, b) => ((durationMs(b) ?? 0) > (durationMs(a) ?? 0) ? b : a));
    rules.push(rule('PromTopoScrapeJobDown', `sum by (job) (up{job=~${quote(exactAlternation(jobs))}}) == 0`, forOf(slowest, server.scrapeInterval),
      `${server.name} scrapes no target of job {{ $labels.job }}: every target is down`));
  }
  if (server.scrapeSelf) {
    rules.push(rule('PromTopoRuleEvaluationFailures', `increase(prometheus_rule_evaluation_failures_total{job=${quote(SELF_SCRAPE_JOB)}}[5m]) > 0`, '0s',
      `${server.name}: rule group {{ $labels.rule_group }} fails to evaluate`));
  }
  for (const { job, group } of scrapeJobs) {
    const am = alertmanagerOf(t, group);
    if (!am || am.instances.length < 2) continue;
    rules.push(rule('PromTopoAlertmanagerClusterSize', `alertmanager_cluster_members{job=${quote(job)}} < ${am.instances.length}`, forOf(group.scrapeInterval, server.scrapeInterval),
      `Alertmanager {{ $labels.instance }} of ${am.name} sees fewer than ${am.instances.length} cluster members: notifications may be duplicated or lost`, { alertmanager: am.name }));
  }
  if (rules.length === 0) return undefined;
  return { name: HEALTH_GROUP, rules };
}

/** The document with each server's health rules appended (unchanged unless `settings.healthRules`). */
export function withHealthRules(t: Topology): Topology {
  if (!t.settings.healthRules) return t;
  return {
    ...t,
    nodes: t.nodes.map((n) => {
      // An agent evaluates no rules: the servers it writes to watch it.
      if (n.kind !== 'prometheus' || n.external || n.mode === 'agent') return n;
      const group = healthRuleGroup(t, n);
      return group ? { ...n, ruleGroups: [...n.ruleGroups, group] } : n;
    }),
  };
}
