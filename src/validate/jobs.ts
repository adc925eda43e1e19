/**
 * Job names are unique per server (`found multiple scrape configs with job name "X"`): the self-scrape
 * job `prometheus`, one job per scraped target group (its job name), one job per federation job name
 * (`federate-<source>` unless the edge names one; edges naming the same one share it), and the jobs of
 * the server's extraScrapeConfigs. A server that scrapes itself through a target group as well as its
 * self-scrape job is flagged.
 */
import { serverInstances } from '../model/instances.ts';
import { federationJobName, scrapeJobName, SELF_SCRAPE_JOB, selfScrapeTarget } from '../model/jobs.ts';
import { groupTargets } from '../model/targets.ts';
import type { PrometheusNode, TargetGroupNode } from '../model/types.ts';
import { MAX_REPLICAS } from './ha.ts';
import { MAX_SHARDS } from './hashmod.ts';
import { nodeOfKind, reportNode, q, type ValidationContext } from './context.ts';

export function checkJobs(ctx: ValidationContext, extraJobs: ReadonlyMap<string, readonly string[]>): void {
  for (const server of ctx.servers) {
    const jobs = new Map<string, string[]>();
    const add = (name: string, from: string) => {
      const list = jobs.get(name);
      if (list) list.push(from);
      else jobs.set(name, [from]);
    };
    // Federation edges that name one jobName share that job (one static_configs entry each).
    const sharedFederationJobs = new Set<string>();
    if (server.scrapeSelf) add(SELF_SCRAPE_JOB, 'the self-scrape job');
    for (const edge of ctx.index.edgesOf.get(server.id) ?? []) {
      if (edge.kind === 'scrape' && edge.server === server.id) {
        const group = nodeOfKind(ctx, edge.targets, 'targets');
        if (group) add(scrapeJobName(group), `target group ${q(group.name)}`);
        if (group && server.scrapeSelf) checkSelfTwice(ctx, server, group);
      } else if (edge.kind === 'federation' && edge.server === server.id) {
        const source = nodeOfKind(ctx, edge.source, 'prometheus');
        if (!source) continue;
        if (edge.jobName !== undefined && sharedFederationJobs.has(edge.jobName)) continue;
        if (edge.jobName !== undefined) sharedFederationJobs.add(edge.jobName);
        add(federationJobName(source, edge), `federation from ${q(source.name)}`);
      }
    }
    for (const name of extraJobs.get(server.id) ?? []) add(name, 'extraScrapeConfigs');
    for (const [name, from] of jobs) {
      if (from.length < 2) continue;
      reportNode(ctx, 'scrape/duplicate-job', 'error', server, undefined,
        `found multiple scrape configs with job name ${q(name)} (${from.join(', ')})`,
        { hint: name === SELF_SCRAPE_JOB && server.scrapeSelf
          ? 'The self-scrape job is called prometheus: rename the target group, or turn "Scrape its own /metrics" off.'
          : 'Each scrape job of a server needs its own name: rename a target group, or remove the second edge.' });
    }
  }
}

/** A scraped group that lists one of the server's own instances while the self-scrape job is on. */
function checkSelfTwice(ctx: ValidationContext, server: PrometheusNode, group: TargetGroupNode): void {
  if ((server.ha?.replicas ?? 1) > MAX_REPLICAS || (server.hashmod?.shards ?? 1) > MAX_SHARDS) return;
  const own = new Set(serverInstances(server).flatMap((i) => [i.address.toLowerCase(), selfScrapeTarget(i.address).toLowerCase()]));
  const hit = groupTargets(group).targets.find((t) => own.has(t.toLowerCase()));
  if (hit === undefined) return;
  reportNode(ctx, 'scrape/self-twice', 'warning', server, 'scrapeSelf',
    `scrapes itself twice: in the self-scrape job and in target group ${q(group.name)} (${hit}); its own series are stored twice`,
    { hint: `Turn "Scrape its own /metrics" off, or remove ${hit} from the target group.` });
}
