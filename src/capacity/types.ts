/** What the capacity model returns: machine-terms needs per Prometheus instance and the size chosen. */
import type { Bytes, MachineSize } from '../model/types.ts';

/** Machine resources a Prometheus instance needs (the fields a machine size offers). */
export const MACHINE_RESOURCES = ['cpu', 'ram', 'disk', 'network'] as const;
export type MachineResource = (typeof MACHINE_RESOURCES)[number];

/** Disk needed, by what uses it. */
export interface DiskNeeds {
  /** Blocks for the retention: retention x samples/s x bytes per sample. */
  readonly blocks: Bytes;
  /** Write-ahead log: WAL retention x samples/s x WAL bytes per sample. */
  readonly wal: Bytes;
  /** Room for the largest compaction output before its inputs are deleted. */
  readonly compaction: Bytes;
  readonly total: Bytes;
}

/** Network traffic of one instance, bytes per second. */
export interface NetworkNeeds {
  /** Scrapes of targets (exporters), received. */
  readonly scrapeIn: number;
  /** `/federate` responses received from sources. */
  readonly federationIn: number;
  /** `/federate` responses sent to the servers federating this one. */
  readonly federationOut: number;
  readonly total: number;
}

/** Needs of one instance (the busiest of a server: HA replicas and shards each run on their own machine). */
export interface MachineNeeds {
  /** Instance key (model/instances.ts) the needs are of. */
  readonly instance: string;
  /** CPU cores: baseline + samples/s x CPU per sample + rule evaluations/s x CPU per evaluation. */
  readonly cpuCores: number;
  readonly cpu: { readonly baseline: number; readonly ingestion: number; readonly rules: number };
  /** Memory: the process RSS estimate (see ramNeededBytes). */
  readonly ramBytes: Bytes;
  readonly disk: DiskNeeds;
  readonly network: NetworkNeeds;
}

/** Share of one resource of a machine size that the needs take (1 = full). */
export type MachineUtilisation = Readonly<Partial<Record<MachineResource, number>>>;

/** The capacity of one server node in machine terms. */
export interface ServerCapacity {
  readonly id: string;
  readonly name: string;
  readonly instanceCount: number;
  /** Needs of the busiest instance, per resource the maximum over instances. */
  readonly needs: MachineNeeds;
  /** Smallest size (fewest vCPU, then RAM, then price) whose resources hold the needs within the headroom. */
  readonly needed: MachineSize | undefined;
  /** The resource that decides `needed` (highest share of the chosen size), or why none fits. */
  readonly bottleneck: MachineResource | undefined;
  /** One sentence: which size is needed and why. */
  readonly reason: string;
  /** The size the server is set to run on (`machine`), when it names a known size. */
  readonly chosen: MachineSize | undefined;
  /** Needs / chosen size (else / needed size), per resource. */
  readonly utilisation: MachineUtilisation;
  /** The chosen size holds the needs within the headroom (true when none is chosen). */
  readonly fits: boolean;
  /** Price per month of all instances on the chosen (else needed) size, when its price is known. */
  readonly pricePerMonth: number | undefined;
}
