/**
 * The file-to-node mapping of the Config preview: which canvas element each scrape job of a
 * generated prometheus.yml came from. A target group's job -> its scrape edge and the group; a
 * `federate-<source>` job -> the federation edge; a job from the server's raw `extraScrapeConfigs`
 * -> the server itself. Lines are 1-based, as in the editor.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { federationJobName, scrapeJobName } from '../../src/model/jobs.ts';
import type { Topology } from '../../src/model/types.ts';

/** What a click on a job selects. */
export interface JobTarget {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

/** One `scrape_configs` entry of the file and the element it came from. */
export interface JobOrigin {
  readonly job: string;
  /** Line of the entry's first key (the `- job_name:` line). */
  readonly startLine: number;
  /** Last line of the entry. */
  readonly endLine: number;
  readonly target: JobTarget;
}

/** Job name -> origin, from the server's edges. */
function originsByJob(t: Topology, serverId: string): Map<string, JobTarget> {
  const nodes = new Map(t.nodes.map((n) => [n.id, n] as const));
  const map = new Map<string, JobTarget>();
  for (const edge of t.edges) {
    if (edge.kind === 'scrape' && edge.server === serverId) {
      const group = nodes.get(edge.targets);
      if (group?.kind === 'targets') map.set(scrapeJobName(group), { nodes: [group.id], edges: [edge.id] });
    } else if (edge.kind === 'federation' && edge.server === serverId) {
      const source = nodes.get(edge.source);
      if (source?.kind === 'prometheus') map.set(federationJobName(source, edge), { nodes: [], edges: [edge.id] });
    }
  }
  return map;
}

/** The jobs of `yamlText` (a generated prometheus.yml of `serverId`) with their origins. */
export function jobOrigins(t: Topology, serverId: string, yamlText: string): JobOrigin[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const configs = doc.contents.get('scrape_configs', true);
  if (!isSeq(configs)) return [];
  const byJob = originsByJob(t, serverId);
  const origins: JobOrigin[] = [];
  for (const item of configs.items) {
    if (!isMap(item) || !item.range) continue;
    const name = item.get('job_name', true);
    if (!isScalar(name) || typeof name.value !== 'string') continue;
    const startLine = lineCounter.linePos(item.range[0]).line;
    // range[1] is the end of the value; step back from a trailing newline so the entry ends on its own line.
    const endLine = lineCounter.linePos(Math.max(item.range[0], item.range[1] - 1)).line;
    const target = byJob.get(name.value) ?? { nodes: [serverId], edges: [] };
    origins.push({ job: name.value, startLine, endLine, target });
  }
  return origins;
}

/** The origin of the job whose entry contains `line`, if any. */
export function originAtLine(origins: readonly JobOrigin[], line: number): JobOrigin | undefined {
  return origins.find((o) => line >= o.startLine && line <= o.endLine);
}
