/**
 * Scrape job names, shared by the generator (which writes them) and the validator (which checks they
 * are unique per server), so both always agree.
 */
import type { FederationEdge, PrometheusNode, TargetGroupNode } from './types.ts';

/** A scrape edge's job is named after its target group (its jobName when set). */
export function scrapeJobName(group: Pick<TargetGroupNode, 'name' | 'jobName'>): string {
  return group.jobName ?? group.name;
}

/**
 * A federation edge's job on the scraping server: its jobName, else `federate-<source name>`. Edges of
 * one server with one job name form one job.
 */
export function federationJobName(source: Pick<PrometheusNode, 'name'>, edge?: Pick<FederationEdge, 'jobName'>): string {
  return edge?.jobName ?? `federate-${source.name}`;
}
