/**
 * Recognising a server's self-scrape job by meaning: a job that Prometheus would run exactly as the
 * generator's own self-scrape job (`selfScrapeJob`: job `prometheus`, one static target
 * `localhost:<port>` or the instance's IP-literal address, nothing else), compared after Prometheus'
 * defaults are applied (src/compare). Such a job is taken out of the instance's jobs before shards
 * are detected (the generator never shards it); whether it really is the instance itself is decided
 * once the instance's address is known (`isOwnSelfScrape`).
 */
import { canonKey, plainOf } from '../compare/canon.ts';
import type { Plain } from '../compare/canon.ts';
import { globalConfig } from '../compare/globalConfig.ts';
import { scrapeConfig } from '../compare/scrapeConfig.ts';
import { isIpLiteral, splitAddress } from '../model/instances.ts';
import { SELF_SCRAPE_JOB, selfScrapeTarget } from '../model/jobs.ts';
import { selfScrapeJob } from '../generate/scrapeJobs.ts';
import { blockSeq, orderedMap, toYamlText } from '../generate/yamlText.ts';
import type { ParsedConfig, ParsedJob } from './parseConfig.ts';
import type { YamlNode } from './yamlTree.ts';
import { readYaml } from './yamlTree.ts';

/** A job of one imported file that may be its instance scraping itself. */
export interface SelfScrapeCandidate {
  /** The one target it scrapes: `localhost:<port>` or `<ip>:<port>`. */
  readonly target: string;
  /** The job as written, restored as a target group when it is not the instance itself. */
  readonly job: ParsedJob;
  /** Its index among the config's jobs. */
  readonly index: number;
}

/** The generator's self-scrape job for an instance whose self target is `target`, as plain data. */
function generatedJob(target: string): Plain | undefined {
  const text = toYamlText(orderedMap([['scrape_configs', blockSeq([selfScrapeJob({ key: '', index: 0, address: target })])]]));
  const read = readYaml('self-scrape.yml', text);
  const jobs = read.ok && read.root.kind === 'map' ? read.root.entries.find((e) => e.key.text === 'scrape_configs')?.value : undefined;
  return jobs?.kind === 'seq' && jobs.items[0] ? plainOf(jobs.items[0]) : undefined;
}

function jobPlain(job: ParsedJob): Plain {
  const out: Record<string, Plain> = {};
  for (const [key, value] of job.fields) {
    const p = plainOf(value);
    if (p !== undefined) out[key] = p;
  }
  return out;
}

/** `localhost:<port>` or `<ip>:<port>`: a target the generator can write for an instance itself. */
function selfLikeTarget(target: string): boolean {
  const { host, port } = splitAddress(target);
  return port !== undefined && (host === 'localhost' || isIpLiteral(host)) && selfScrapeTarget(target) === target;
}

/**
 * The first job of `config` that Prometheus runs exactly as the generated self-scrape job would, and
 * the config's jobs without it. `root` is the file's YAML root (for the global settings a job inherits).
 */
export function splitSelfScrape(config: ParsedConfig, root: YamlNode): { selfScrape?: SelfScrapeCandidate; config: ParsedConfig } {
  const globalNode = root.kind === 'map' ? root.entries.find((e) => e.key.text === 'global')?.value : undefined;
  const inherited = globalConfig(globalNode ? plainOf(globalNode) : undefined).inherited;
  const index = config.jobs.findIndex((job) => {
    const target = job.staticGroups.length === 1 && job.staticGroups[0]?.targets.length === 1 ? job.staticGroups[0].targets[0] : undefined;
    if (job.name !== SELF_SCRAPE_JOB || target === undefined || !selfLikeTarget(target)) return false;
    const generated = generatedJob(target);
    return generated !== undefined && canonKey(scrapeConfig(jobPlain(job), inherited)) === canonKey(scrapeConfig(generated, inherited));
  });
  const job = config.jobs[index];
  if (!job) return { config };
  const target = job.staticGroups[0]?.targets[0] ?? '';
  return { selfScrape: { target, job, index }, config: { ...config, jobs: config.jobs.filter((_, i) => i !== index) } };
}

/** True when the candidate scrapes the instance listening on `address` itself. */
export function isOwnSelfScrape(candidate: SelfScrapeCandidate, address: string): boolean {
  return selfScrapeTarget(address) === candidate.target;
}

/**
 * The port a guessed address (`<host>:9090`) takes from a `localhost:<port>` self-scrape job. An IP
 * target gives no guess: several imported servers may scrape `127.0.0.1:9090`, and that is not the
 * address others reach them at.
 */
export function guessFromSelfScrape(candidate: SelfScrapeCandidate | undefined, host: string): string | undefined {
  if (!candidate) return undefined;
  const { host: selfHost, port } = splitAddress(candidate.target);
  return selfHost === 'localhost' && port !== undefined ? `${host}:${port}` : undefined;
}

/** A value read by the `yaml` package as plain data (scalars as their text). */
export function plainValue(v: unknown): Plain | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(plainValue).filter((p): p is Plain => p !== undefined);
  if (typeof v === 'object') {
    const out: Record<string, Plain> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = plainValue(x);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return String(v);
}

/** True when a job (plain data) is exactly the generated self-scrape job of an instance on `localhost:<port>`. */
export function isSelfScrapeOnPort(job: Plain | undefined, port: number): boolean {
  const generated = generatedJob(`localhost:${port}`);
  if (job === undefined || generated === undefined || typeof job !== 'object' || Array.isArray(job)) return false;
  if ((job as Record<string, Plain>).job_name !== SELF_SCRAPE_JOB) return false;
  const inherited = globalConfig(undefined).inherited;
  return canonKey(scrapeConfig(job, inherited)) === canonKey(scrapeConfig(generated, inherited));
}
