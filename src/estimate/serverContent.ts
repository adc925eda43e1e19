/**
 * What each shard of each Prometheus server scrapes (itself included), federates and records: series counts, samples/s
 * and scrapes/s, plus (for servers that are federated from or run recording rules) the series blocks
 * that selectors are evaluated against. Replicas of a shard hold the same; estimateLoad multiplies.
 */
import { durationMs } from '../model/duration.ts';
import { replicaCount, serverInstances, shardCount } from '../model/instances.ts';
import { instanceExternalLabels } from '../generate/prometheusConfig.ts';
import { federationJobName, SELF_SCRAPE_JOB, scrapeJobName, selfScrapeTarget } from '../model/jobs.ts';
import type { AlertEdge, FederationEdge, PrometheusNode, ScrapeEdge, TargetGroupNode, Topology } from '../model/types.ts';
import { isRecordingRule } from '../model/types.ts';
import type { Selector } from '../promql/parseSelector.ts';
import { configSeriesOf, type CatalogIndex, type SelfConfiguration } from './catalog.ts';
import { groupSeries, shardTargets, templatesOf } from './groupSeries.ts';
import { Holdings } from './holdings.ts';
import { FALLBACK_INTERVAL_SECONDS, SELF_SCRAPE_EXPORTER, SYNTHETIC_SERIES, SYNTHETIC_SERIES_PER_TARGET } from './constants.ts';
import { cachedSelector, ruleOutputBlocks } from './ruleOutput.ts';
import { totalSeries, withLabels, type SeriesBlock } from './series.ts';

/** Per-edge traffic seen from one shard of the scraping server. */
export interface EdgeTraffic {
  readonly series: number;
  readonly samplesPerSecond: number;
  readonly scrapesPerSecond: number;
  readonly intervalSeconds: number;
  readonly seriesPerRequest: number;
}

/** One shard's content (identical on each of its replicas). */
export interface ShardContent {
  scraped: number;
  synthetic: number;
  federated: number;
  rules: number;
  samplesPerSecond: number;
  scrapesPerSecond: number;
  targets: number;
  /** What the shard holds, for servers that are federated from or evaluate recording rules. */
  holdings?: Holdings;
  readonly edges: Map<string, EdgeTraffic>;
}


/** A Prometheus duration in seconds; `fallback` when it does not parse or is zero. */
export function seconds(text: string | undefined, fallback: number = FALLBACK_INTERVAL_SECONDS): number {
  if (text === undefined) return fallback;
  let ms = durationCache.get(text);
  if (ms === undefined) {
    ms = durationMs(text) ?? -1;
    if (durationCache.size >= 1000) durationCache.clear();
    durationCache.set(text, ms);
  }
  return ms <= 0 ? fallback : ms / 1000;
}

/** Parsed durations by text (documents repeat a handful of intervals thousands of times). */
const durationCache = new Map<string, number>();

function selectorsOf(edge: FederationEdge): Selector[] {
  const out: Selector[] = [];
  for (const text of edge.match) {
    const s = cachedSelector(text);
    if (s) out.push(s);
  }
  return out;
}

/** The last content computed for a server node object, with what it was computed from. */
const contentMemo = new WeakMap<PrometheusNode, { deps: readonly unknown[]; content: ShardContent[] }>();

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Builds every server's content on demand, sources before the servers federating them. */
export class ContentBuilder {
  private readonly contents = new Map<string, ShardContent[]>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly topology: Topology,
    private readonly nodes: ReadonlyMap<string, Topology['nodes'][number]>,
    private readonly catalogs: CatalogIndex,
    private readonly scrapes: ReadonlyMap<string, readonly ScrapeEdge[]>,
    private readonly federations: ReadonlyMap<string, readonly FederationEdge[]>,
    /** Servers whose content is built as blocks: federation sources and servers with recording rules. */
    private readonly needsBlocks: ReadonlySet<string>,
  ) {}

  /** The content of each shard of `server` (index = shard number). */
  contentOf(server: PrometheusNode): ShardContent[] {
    const done = this.contents.get(server.id);
    if (done) return done;
    if (this.visiting.has(server.id)) return []; // federation cycle: the validator reports it
    this.visiting.add(server.id);
    const deps = this.dependencies(server);
    const memo = contentMemo.get(server);
    const built = memo && sameDeps(memo.deps, deps) ? memo.content : this.build(server);
    if (built !== memo?.content) contentMemo.set(server, { deps, content: built });
    this.visiting.delete(server.id);
    this.contents.set(server.id, built);
    return built;
  }

  /**
   * Everything a server's content is computed from, as object identities: documents are immutable,
   * so an edit elsewhere (a what-if) reuses this server's content from the previous estimate.
   */
  private dependencies(server: PrometheusNode): unknown[] {
    const deps: unknown[] = [this.catalogs, this.needsBlocks.has(server.id)];
    for (const edge of this.scrapes.get(server.id) ?? []) deps.push(edge, this.nodes.get(edge.targets));
    for (const edge of this.alertEdgesOf(server)) deps.push(edge, this.nodes.get(edge.alertmanager));
    for (const edge of this.federations.get(server.id) ?? []) {
      const source = this.nodes.get(edge.source);
      deps.push(edge, source);
      if (source?.kind === 'prometheus' && source.id !== server.id) deps.push(this.contentOf(source));
    }
    return deps;
  }

  private build(server: PrometheusNode): ShardContent[] {
    const shards = shardCount(server);
    const wantBlocks = this.needsBlocks.has(server.id);
    const federated = this.federate(server, wantBlocks);
    const out: ShardContent[] = [];
    for (let shard = 0; shard < shards; shard++) {
      const c: ShardContent = { scraped: 0, synthetic: 0, federated: 0, rules: 0, samplesPerSecond: 0, scrapesPerSecond: 0, targets: 0, edges: new Map() };
      const holdings = wantBlocks ? new Holdings() : undefined;
      for (const edge of this.scrapes.get(server.id) ?? []) {
        const group = this.nodes.get(edge.targets);
        if (group?.kind !== 'targets') continue;
        const targets = shardTargets(server, group, shard);
        const { seriesPerTarget } = groupSeries(group, this.catalogs);
        const interval = seconds(group.scrapeInterval ?? server.scrapeInterval);
        const series = targets.length * (seriesPerTarget + SYNTHETIC_SERIES_PER_TARGET);
        c.scraped += targets.length * seriesPerTarget;
        c.synthetic += targets.length * SYNTHETIC_SERIES_PER_TARGET;
        c.targets += targets.length;
        c.samplesPerSecond += series / interval;
        c.scrapesPerSecond += targets.length / interval;
        c.edges.set(edge.id, { series, samplesPerSecond: series / interval, scrapesPerSecond: targets.length / interval, intervalSeconds: interval, seriesPerRequest: seriesPerTarget });
        holdings?.addFamily({ templates: templatesOf(group, seriesPerTarget, this.catalogs), instances: targets });
      }
      if (server.scrapeSelf) this.scrapeSelf(server, shard, c, holdings);
      for (const f of federated) {
        c.federated += f.traffic.series;
        c.synthetic += f.targets * SYNTHETIC_SERIES_PER_TARGET;
        c.targets += f.targets;
        const synthetic = f.targets * SYNTHETIC_SERIES_PER_TARGET;
        c.samplesPerSecond += (f.traffic.series + synthetic) / f.traffic.intervalSeconds;
        c.scrapesPerSecond += f.traffic.scrapesPerSecond;
        c.edges.set(f.edge.id, f.traffic);
        holdings?.addBlocks(f.blocks);
      }
      if (holdings) this.evaluateRules(server, c, holdings);
      out.push(c);
    }
    return out;
  }

  /**
   * The self-scrape job of one shard: one target (the instance itself) exposing Prometheus' own
   * /metrics (the `prometheus` catalog) plus the synthetic series, at the server's scrape interval.
   */
  private scrapeSelf(server: PrometheusNode, shard: number, c: ShardContent, holdings: Holdings | undefined): void {
    const group = selfScrapeGroup(server);
    const seriesPerTarget = groupSeries(group, this.catalogs).seriesPerTarget + configSeriesOf(this.catalogs.get(SELF_SCRAPE_EXPORTER), this.selfConfiguration(server));
    const interval = seconds(server.scrapeInterval);
    const series = seriesPerTarget + SYNTHETIC_SERIES_PER_TARGET;
    c.scraped += seriesPerTarget;
    c.synthetic += SYNTHETIC_SERIES_PER_TARGET;
    c.targets += 1;
    c.samplesPerSecond += series / interval;
    c.scrapesPerSecond += 1 / interval;
    const instance = serverInstances(server).find((i) => (i.shard ?? 0) === shard);
    holdings?.addFamily({ templates: templatesOf(group, seriesPerTarget, this.catalogs), instances: [selfScrapeTarget(instance?.address ?? server.address)] });
  }

  private alertEdges: Map<string, AlertEdge[]> | undefined;

  private alertEdgesOf(server: PrometheusNode): readonly AlertEdge[] {
    if (!this.alertEdges) {
      this.alertEdges = new Map();
      for (const e of this.topology.edges) {
        if (e.kind !== 'alert') continue;
        const list = this.alertEdges.get(e.server);
        if (list) list.push(e);
        else this.alertEdges.set(e.server, [e]);
      }
    }
    return this.alertEdges.get(server.id) ?? [];
  }

  /** What the server's own /metrics depends on: its jobs (itself included), rule groups, Alertmanagers, intervals. */
  private selfConfiguration(server: PrometheusNode): SelfConfiguration {
    const jobs = new Set<string>([SELF_SCRAPE_JOB]);
    const intervals = new Set<number>([seconds(server.scrapeInterval)]);
    for (const edge of this.scrapes.get(server.id) ?? []) {
      const group = this.nodes.get(edge.targets);
      if (group?.kind !== 'targets') continue;
      jobs.add(scrapeJobName(group));
      intervals.add(seconds(group.scrapeInterval ?? server.scrapeInterval));
    }
    for (const edge of this.federations.get(server.id) ?? []) {
      const source = this.nodes.get(edge.source);
      if (source?.kind !== 'prometheus') continue;
      jobs.add(federationJobName(source, edge));
      intervals.add(seconds(edge.scrapeInterval ?? server.scrapeInterval));
    }
    let alertmanagers = 0;
    for (const edge of this.alertEdgesOf(server)) {
      const am = this.nodes.get(edge.alertmanager);
      if (am?.kind === 'alertmanager') alertmanagers += am.instances.length;
    }
    return { scrapeJobs: jobs.size, ruleGroups: server.ruleGroups.length, alertmanagers, scrapeIntervals: intervals.size };
  }

  /** Federation jobs of `server`: the same on every shard (only scrape jobs carry the hashmod relabelling). */
  private federate(server: PrometheusNode, wantBlocks: boolean) {
    const out: { edge: FederationEdge; traffic: EdgeTraffic; targets: number; blocks: SeriesBlock[] }[] = [];
    for (const edge of this.federations.get(server.id) ?? []) {
      const source = this.nodes.get(edge.source);
      if (source?.kind !== 'prometheus' || source.id === server.id) continue;
      const interval = seconds(edge.scrapeInterval ?? server.scrapeInterval);
      const selectors = selectorsOf(edge);
      const sourceContent = this.contentOf(source);
      const replicas = edge.sourceReplica === 'all' ? [...Array(replicaCount(source)).keys()] : [source.ha ? Math.min(edge.sourceReplica ?? 0, replicaCount(source) - 1) : 0];
      let series = 0;
      let seriesPerRequest = 0;
      let targets = 0;
      const blocks: SeriesBlock[] = [];
      const pickedByShard = new Map<number, SeriesBlock[]>();
      const federated = serverInstances(source).filter((i) => replicas.includes(i.replica ?? 0));
      for (const instance of federated) {
        const shard = instance.shard ?? 0;
        const content = sourceContent[shard];
        if (!content) continue; // a federation cycle: nothing known
        let picked = pickedByShard.get(shard);
        if (!picked) pickedByShard.set(shard, (picked = content.holdings && selectors.length > 0 ? content.holdings.select(selectors) : []));
        const perRequest = totalSeries(picked);
        targets++;
        series += perRequest;
        seriesPerRequest = Math.max(seriesPerRequest, perRequest);
        // On the way out /federate adds the instance's external labels (replica, shard) where absent.
        if (wantBlocks && picked.length > 0) blocks.push(...arrive(withLabels(picked, instanceExternalLabels(source, instance)), edge, source));
      }
      if (wantBlocks && targets > 0) {
        // The federation job's own up, scrape_duration_seconds, ... (one per federated source instance).
        const addresses = federated.map((i) => i.address);
        const job = federationJobName(source, edge);
        for (const name of SYNTHETIC_SERIES) blocks.push({ labels: { __name__: name, job }, free: [], instances: addresses, perInstance: 1 });
      }
      out.push({ edge, targets, blocks, traffic: { series, samplesPerSecond: series / interval, scrapesPerSecond: targets / interval, intervalSeconds: interval, seriesPerRequest } });
    }
    return out;
  }

  private evaluateRules(server: PrometheusNode, c: ShardContent, holdings: Holdings): void {
    for (const group of server.ruleGroups) {
      const interval = seconds(group.interval ?? server.evaluationInterval);
      for (const rule of group.rules) {
        if (!isRecordingRule(rule)) continue; // ALERTS series exist only while alerts fire
        const output = ruleOutputBlocks(rule.expr, rule.record, rule.labels ?? {}, holdings);
        const series = totalSeries(output);
        c.rules += series;
        c.samplesPerSecond += series / interval;
        holdings.addBlocks(output);
      }
    }
    c.holdings = holdings;
  }
}


const selfGroups = new WeakMap<PrometheusNode, TargetGroupNode>();

/** The self-scrape job seen as a target group of the `prometheus` exporter (one per server object). */
export function selfScrapeGroup(server: PrometheusNode): TargetGroupNode {
  let group = selfGroups.get(server);
  if (!group) {
    group = { id: `${server.id}#self`, kind: 'targets', name: SELF_SCRAPE_JOB, targets: [], exporter: SELF_SCRAPE_EXPORTER, labels: {}, position: server.position };
    selfGroups.set(server, group);
  }
  return group;
}

/** Federated series as stored by the scraping server: with honor_labels false, job/instance are renamed. */
function arrive(blocks: SeriesBlock[], edge: FederationEdge, source: PrometheusNode): SeriesBlock[] {
  if (edge.honorLabels) return blocks;
  const job = federationJobName(source, edge);
  return blocks.map((b) => {
    const { job: exported, ...rest } = b.labels;
    const labels: Record<string, string> = { ...rest, job };
    if (exported !== undefined) labels.exported_job = exported;
    return { ...b, labels, free: b.instances.length > 0 ? [...b.free, 'exported_instance'] : b.free, instances: [] , perInstance: b.perInstance * Math.max(1, b.instances.length) };
  });
}

/** True when the server runs at least one recording rule (its content is then built as blocks). */
export function hasRecordingRules(server: PrometheusNode): boolean {
  return server.ruleGroups.some((g) => g.rules.some(isRecordingRule));
}

