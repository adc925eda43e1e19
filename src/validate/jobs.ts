/**
 * Job names are unique per server (`found multiple scrape configs with job name "X"`): one job per
 * scraped target group (its job name), one job per federation job name (`federate-<source>` unless the
 * edge names one; edges naming the same one share it), and the jobs
 * of the server's extraScrapeConfigs.
 */
import { federationJobName, scrapeJobName } from '../model/jobs.ts';
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
    for (const edge of ctx.index.edgesOf.get(server.id) ?? []) {
      if (edge.kind === 'scrape' && edge.server === server.id) {
        const group = nodeOfKind(ctx, edge.targets, 'targets');
        if (group) add(scrapeJobName(group), `target group ${q(group.name)}`);
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
        { hint: 'Each scrape job of a server needs its own name: rename a target group, or remove the second edge.' });
    }
  }
}
