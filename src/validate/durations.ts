/**
 * Durations and the timeout <= interval rule, as Prometheus' config loader applies them:
 * `global scrape timeout greater than scrape interval`, and per job `scrape timeout greater than
 * scrape interval for scrape config with job name "X"`. An unset job timeout becomes
 * min(global timeout, job interval) in Prometheus: not an error.
 */
import { parseDuration } from '../model/duration.ts';
import { federationJobName, scrapeJobName } from '../model/jobs.ts';
import type { Milliseconds, TopologyEdge, TopologyNode } from '../model/types.ts';
import { nodeOfKind, reportEdge, reportNode, q, type ValidationContext } from './context.ts';

type Owner = { node: TopologyNode } | { edge: TopologyEdge };

/** Parses a duration field and reports it when invalid (or zero where zero makes no sense). */
function checkedDuration(ctx: ValidationContext, owner: Owner, field: string, text: string | undefined, allowZero = false): Milliseconds | undefined {
  if (text === undefined) return undefined;
  const parsed = parseDuration(text);
  const report = (code: string, message: string, hint: string) =>
    'node' in owner
      ? reportNode(ctx, code, 'error', owner.node, field, message, { hint })
      : reportEdge(ctx, code, 'error', owner.edge, field, message, { hint });
  if (!parsed.ok) {
    report('duration/invalid', parsed.error, 'Prometheus durations look like 15s, 1m, 1h30m, 2d (units y w d h m s ms, largest first, whole numbers).');
    return undefined;
  }
  if (parsed.ms === 0 && !allowZero) {
    report('duration/zero', `${q(text)} is zero`, 'Use a positive duration.');
    return undefined;
  }
  return parsed.ms;
}

/** Prometheus' lookback is 5 minutes; beyond ~2 minutes one missed scrape makes series vanish (prometheus#10263). */
const MAX_RECOMMENDED_INTERVAL: Milliseconds = 2 * 60 * 1000;

function checkLongInterval(ctx: ValidationContext, owner: Owner, ms: Milliseconds | undefined, text: string | undefined): void {
  if (ms === undefined || text === undefined || ms <= MAX_RECOMMENDED_INTERVAL) return;
  const message = `scrape interval ${text} is longer than the recommended 2m: samples further apart than the 5m lookback make series vanish from queries and alerts`;
  const hint = 'Scrape at most every 2m; for expensive exporters, cache their output and scrape the cache.';
  if ('node' in owner) reportNode(ctx, 'scrape/interval-too-long', 'warning', owner.node, 'scrapeInterval', message, { hint });
  else reportEdge(ctx, 'scrape/interval-too-long', 'warning', owner.edge, 'scrapeInterval', message, { hint });
}

export function checkDurations(ctx: ValidationContext): void {
  const serverIntervals = new Map<string, Milliseconds | undefined>();
  for (const server of ctx.servers) {
    const owner = { node: server };
    const interval = checkedDuration(ctx, owner, 'scrapeInterval', server.scrapeInterval);
    const timeout = checkedDuration(ctx, owner, 'scrapeTimeout', server.scrapeTimeout);
    checkedDuration(ctx, owner, 'evaluationInterval', server.evaluationInterval);
    checkedDuration(ctx, owner, 'retention', server.retention, true);
    server.ruleGroups.forEach((group, g) => {
      checkedDuration(ctx, owner, `ruleGroups[${g}].interval`, group.interval);
      group.rules.forEach((rule, r) => {
        if ('alert' in rule) checkedDuration(ctx, owner, `ruleGroups[${g}].rules[${r}].for`, rule.for, true);
      });
    });
    serverIntervals.set(server.id, interval);
    checkLongInterval(ctx, owner, interval, server.scrapeInterval);
    if (interval !== undefined && timeout !== undefined && timeout > interval) {
      reportNode(ctx, 'scrape/timeout-gt-interval', 'error', server, 'scrapeTimeout',
        `global scrape timeout greater than scrape interval (${server.scrapeTimeout} > ${server.scrapeInterval})`,
        { hint: 'Make scrapeTimeout at most scrapeInterval.' });
    }
  }
  const groupIntervals = new Map<string, { interval?: Milliseconds; timeout?: Milliseconds }>();
  for (const group of ctx.targetGroups) {
    const owner = { node: group };
    const interval = checkedDuration(ctx, owner, 'scrapeInterval', group.scrapeInterval);
    const timeout = checkedDuration(ctx, owner, 'scrapeTimeout', group.scrapeTimeout);
    checkLongInterval(ctx, owner, interval, group.scrapeInterval);
    groupIntervals.set(group.id, { ...(interval !== undefined ? { interval } : {}), ...(timeout !== undefined ? { timeout } : {}) });
    if (interval !== undefined && timeout !== undefined && timeout > interval) {
      reportNode(ctx, 'scrape/timeout-gt-interval', 'error', group, 'scrapeTimeout',
        `scrape timeout greater than scrape interval for scrape config with job name ${q(scrapeJobName(group))} (${group.scrapeTimeout} > ${group.scrapeInterval})`,
        { hint: 'Make scrapeTimeout at most scrapeInterval.' });
    }
  }
  for (const edge of ctx.t.edges) {
    if (edge.kind === 'scrape') {
      // A group timeout without its own interval is compared with each scraping server's interval.
      const group = nodeOfKind(ctx, edge.targets, 'targets');
      const own = groupIntervals.get(edge.targets);
      const serverInterval = serverIntervals.get(edge.server);
      if (!group || !own || group.scrapeInterval !== undefined || own.timeout === undefined || serverInterval === undefined) continue;
      if (own.timeout > serverInterval) {
        const server = nodeOfKind(ctx, edge.server, 'prometheus');
        reportEdge(ctx, 'scrape/timeout-gt-interval', 'error', edge, undefined,
          `scrape timeout greater than scrape interval for scrape config with job name ${q(scrapeJobName(group))} (the group's scrapeTimeout ${group.scrapeTimeout} > the scrapeInterval ${server?.scrapeInterval ?? '?'} of ${server?.name ?? edge.server})`,
          { hint: 'Give the target group its own scrapeInterval, or shorten its scrapeTimeout.' });
      }
    } else if (edge.kind === 'federation') {
      const owner = { edge };
      const interval = checkedDuration(ctx, owner, 'scrapeInterval', edge.scrapeInterval);
      const timeout = checkedDuration(ctx, owner, 'scrapeTimeout', edge.scrapeTimeout);
      checkLongInterval(ctx, owner, interval, edge.scrapeInterval);
      const effective = edge.scrapeInterval !== undefined ? interval : serverIntervals.get(edge.server);
      const source = nodeOfKind(ctx, edge.source, 'prometheus');
      if (timeout !== undefined && effective !== undefined && timeout > effective) {
        reportEdge(ctx, 'scrape/timeout-gt-interval', 'error', edge, 'scrapeTimeout',
          `scrape timeout greater than scrape interval for scrape config with job name ${q(source ? federationJobName(source, edge) : edge.source)} (${edge.scrapeTimeout} > ${edge.scrapeInterval ?? 'the server\'s interval'})`,
          { hint: 'Make the federation scrapeTimeout at most its scrapeInterval.' });
      }
    }
  }
}
