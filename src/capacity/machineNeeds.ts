/**
 * Machine-terms needs of one Prometheus instance from its estimated load: CPU cores, RAM, disk (blocks,
 * WAL, compaction headroom) and network (scrapes, federation in and out). Pure; constants in constants.ts.
 */
import { DEFAULT_BYTES_PER_SAMPLE, FALLBACK_RETENTION_SECONDS, SYNTHETIC_SERIES_PER_TARGET } from '../estimate/constants.ts';
import { seconds } from '../estimate/serverContent.ts';
import type { InstanceLoad, LoadEstimate } from '../estimate/types.ts';
import { replicaCount, shardCount } from '../model/instances.ts';
import type { Bytes, PrometheusNode, Topology } from '../model/types.ts';
import {
  BASELINE_CORES,
  COMPACTION_BLOCK_SHARE,
  COMPACTION_MAX_BLOCK_SECONDS,
  CPU_SECONDS_PER_RULE_EVALUATION,
  CPU_SECONDS_PER_SAMPLE,
  FEDERATE_WIRE_BYTES_PER_SAMPLE,
  SCRAPE_WIRE_BYTES_PER_SAMPLE,
  WAL_BYTES_PER_SAMPLE,
  WAL_RETENTION_SECONDS,
} from './constants.ts';
import type { MachineNeeds } from './types.ts';

/**
 * Memory an instance needs: the process RSS estimate (baseline + per head series + per sample/s,
 * estimate/residentMemory.ts), what the machine's RAM must hold; the headroom is applied on top.
 */
export function ramNeededBytes(load: Pick<InstanceLoad, 'residentMemoryBytes'>): Bytes {
  return load.residentMemoryBytes;
}

/** Rule evaluations per second of one instance (every rule of every group, alerting rules too). */
export function ruleEvaluationsPerSecond(server: PrometheusNode): number {
  let total = 0;
  for (const group of server.ruleGroups) total += group.rules.length / seconds(group.interval ?? server.evaluationInterval);
  return total;
}

/** Federation traffic of one instance of `server`, samples/s: received (per instance) and served (per federated instance). */
export function federationSamples(topology: Topology, server: PrometheusNode, load: LoadEstimate): { in: number; out: number } {
  let received = 0;
  let served = 0;
  const instances = Math.max(1, load.servers[server.id]?.instanceCount ?? 1);
  for (const edge of topology.edges) {
    if (edge.kind !== 'federation') continue;
    const traffic = load.edges[edge.id];
    if (!traffic) continue;
    if (edge.server === server.id) received += traffic.samplesPerSecond / instances;
    if (edge.source === server.id) {
      const federated = shardCount(server) * (edge.sourceReplica === 'all' ? replicaCount(server) : 1);
      served += traffic.samplesPerSecond / federated;
    }
  }
  return { in: received, out: served };
}

/** Needs of one instance of `server`. */
export function instanceNeeds(topology: Topology, server: PrometheusNode, instance: InstanceLoad, load: LoadEstimate): MachineNeeds {
  const rulesPerSecond = ruleEvaluationsPerSecond(server);
  const ingestion = instance.samplesPerSecond * CPU_SECONDS_PER_SAMPLE;
  const rules = rulesPerSecond * CPU_SECONDS_PER_RULE_EVALUATION;
  const retention = seconds(server.retention, FALLBACK_RETENTION_SECONDS);
  const bytesPerSample = topology.settings.load?.bytesPerSample ?? DEFAULT_BYTES_PER_SAMPLE;
  const blocks = instance.diskBytes;
  const wal = Math.min(WAL_RETENTION_SECONDS, retention) * instance.samplesPerSecond * WAL_BYTES_PER_SAMPLE;
  const compaction = Math.min(retention * COMPACTION_BLOCK_SHARE, COMPACTION_MAX_BLOCK_SECONDS) * instance.samplesPerSecond * bytesPerSample;
  const federation = federationSamples(topology, server, load);
  const evaluation = seconds(server.evaluationInterval);
  const ruleSamples = instance.series.rules / evaluation;
  const syntheticSamples = (instance.targets * SYNTHETIC_SERIES_PER_TARGET) / seconds(server.scrapeInterval);
  const scrapedSamples = Math.max(0, instance.samplesPerSecond - federation.in - ruleSamples - syntheticSamples);
  const scrapeIn = scrapedSamples * SCRAPE_WIRE_BYTES_PER_SAMPLE;
  const federationIn = federation.in * FEDERATE_WIRE_BYTES_PER_SAMPLE;
  const federationOut = federation.out * FEDERATE_WIRE_BYTES_PER_SAMPLE;
  return {
    instance: instance.key,
    cpuCores: BASELINE_CORES + ingestion + rules,
    cpu: { baseline: BASELINE_CORES, ingestion, rules },
    ramBytes: ramNeededBytes(instance),
    disk: { blocks, wal, compaction, total: blocks + wal + compaction },
    network: { scrapeIn, federationIn, federationOut, total: scrapeIn + federationIn + federationOut },
  };
}

/** The busiest instance's needs: per resource the maximum over the instances (named by the CPU-busiest). */
export function busiestNeeds(all: readonly MachineNeeds[]): MachineNeeds | undefined {
  if (all.length === 0) return undefined;
  const max = (f: (n: MachineNeeds) => number) => Math.max(...all.map(f));
  const first = all.reduce((a, b) => (b.cpuCores > a.cpuCores ? b : a));
  return {
    instance: first.instance,
    cpuCores: max((n) => n.cpuCores),
    cpu: { baseline: max((n) => n.cpu.baseline), ingestion: max((n) => n.cpu.ingestion), rules: max((n) => n.cpu.rules) },
    ramBytes: max((n) => n.ramBytes),
    disk: { blocks: max((n) => n.disk.blocks), wal: max((n) => n.disk.wal), compaction: max((n) => n.disk.compaction), total: max((n) => n.disk.total) },
    network: {
      scrapeIn: max((n) => n.network.scrapeIn),
      federationIn: max((n) => n.network.federationIn),
      federationOut: max((n) => n.network.federationOut),
      total: max((n) => n.network.total),
    },
  };
}
