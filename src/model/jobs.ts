/**
 * Scrape job names, shared by the generator (which writes them) and the validator (which checks they
 * are unique per server), so both always agree.
 */
import { isIpLiteral, splitAddress } from './instances.ts';
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

/** The job of a server's own /metrics (`scrapeSelf`), named as in Prometheus' default config. */
export const SELF_SCRAPE_JOB = 'prometheus';

/**
 * Where an instance listening on `address` scrapes itself: `localhost:<port>` (as Prometheus' default
 * config), or the address itself when its host is an IP literal (the process listens there only).
 */
export function selfScrapeTarget(address: string): string {
  const { host, port } = splitAddress(address);
  return port === undefined || isIpLiteral(host) ? address : `localhost:${port}`;
}
