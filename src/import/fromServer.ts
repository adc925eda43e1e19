/**
 * A topology from a running Prometheus: its configuration as the server reports it
 * (`/api/v1/status/config`) imported like a prometheus.yml, then each scrape job's target group
 * given what the server measured: the targets service discovery found (`discovery.targets`) and the
 * series each target stored (`measuredSeriesPerTarget`), so the load model starts from the real
 * cardinality. Pure: the answers are fetched by electron/services/serverMeasurement.ts.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { scrapeJobName } from '../model/jobs.ts';
import type { TargetGroupNode, Topology, TopologyNode } from '../model/types.ts';
import { importConfigs, type ImportResult } from './importConfigs.ts';
import type { ServerSnapshot } from './serverSnapshot.ts';

export interface ServerImportInput {
  /** The server's base URL, for messages and its address. */
  readonly url: string;
  /** Name of the imported server (a DNS-safe name). */
  readonly name: string;
  readonly configYaml: string;
  readonly snapshot: ServerSnapshot;
}

/** A DNS-safe server name from a URL: `http://prom-eu.example:9090` -> `prom-eu-example`. */
export function serverNameFromUrl(url: string): string {
  const host = /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1] ?? 'prometheus';
  const safe = host.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[0-9-]+$/.test(safe) ? `prometheus-${safe}` : safe || 'prometheus';
}

/** `host:port` of a URL (default port by scheme). */
function addressOf(url: string): string | undefined {
  const m = /^(https?):\/\/([^/]+)/i.exec(url);
  if (!m || !m[2]) return undefined;
  return m[2].includes(':') ? m[2] : `${m[2]}:${m[1]?.toLowerCase() === 'https' ? 443 : 80}`;
}

/** Imports the server's configuration and applies its measured targets and series per job. */
export function importFromServer(input: ServerImportInput): ImportResult {
  const file = `${input.name}/prometheus.yml`;
  const result = importConfigs([{ name: file, text: input.configYaml }]);
  if (!result.ok || !result.topology) return result;
  const topology = result.topology;
  const jobs = new Map(input.snapshot.jobs.map((j) => [j.job, j] as const));
  const scraped = new Set(topology.edges.filter((e) => e.kind === 'scrape').map((e) => e.targets));
  const notes: Diagnostic[] = [];
  const nodes: TopologyNode[] = topology.nodes.map((node) => {
    if (node.kind === 'prometheus' && !node.external) {
      const address = addressOf(input.url);
      return address ? { ...node, address } : node;
    }
    if (node.kind !== 'targets' || !scraped.has(node.id)) return node;
    const job = jobs.get(scrapeJobName(node));
    if (!job) {
      notes.push({ code: 'import/not-measured', severity: 'info', message: `${input.url}: job "${scrapeJobName(node)}" has no active targets on the server; the load model uses the catalog for target group "${node.name}"`, at: { node: node.id } });
      return node;
    }
    const measured: TargetGroupNode = {
      ...node,
      ...(job.seriesPerTarget !== undefined ? { measuredSeriesPerTarget: Math.round(job.seriesPerTarget * 10) / 10 } : {}),
      ...(node.discovery ? { discovery: { ...node.discovery, targets: job.targets } } : {}),
    };
    notes.push({
      code: 'import/measured',
      severity: 'info',
      message: `${input.url}: job "${job.job}": ${job.targets} target${job.targets === 1 ? '' : 's'} (${job.up} up)${job.seriesPerTarget !== undefined ? `, ${Math.round(job.seriesPerTarget)} series per target measured` : ', no series measured yet'}`,
      at: { node: node.id, field: 'measuredSeriesPerTarget' },
    });
    return measured;
  });
  const imported: Topology = { ...topology, name: `${input.name} (imported from ${input.url})`, nodes };
  return { ok: true, topology: imported, diagnostics: [...result.diagnostics, ...notes] };
}
