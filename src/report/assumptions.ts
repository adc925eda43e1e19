/**
 * The assumptions behind the report's figures: each load-model constant with the value in effect for
 * the document (its settings win over the defaults) and where the value comes from.
 */
import {
  DEFAULT_BYTES_PER_SAMPLE,
  DEFAULT_BYTES_PER_SERIES,
  DEFAULT_CAPACITY,
  DEFAULT_SERIES_PER_TARGET,
  FEDERATION_SERIES_BALLPARK,
  NEAR_CAPACITY_RATIO,
  SYNTHETIC_SERIES_PER_TARGET,
} from '../estimate/constants.ts';
import type { Topology } from '../model/types.ts';

export interface Assumption {
  readonly name: string;
  readonly value: string;
  /** Where the figure comes from (a document setting, or the published source of the default). */
  readonly source: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The assumptions for `topology`, in a fixed order. */
export function reportAssumptions(topology: Topology): Assumption[] {
  const load = topology.settings.load ?? {};
  const capacity = { ...DEFAULT_CAPACITY, ...load.capacity };
  const fromDocument = 'set in this document (settings.load)';
  return [
    {
      name: 'Head memory per active series',
      value: `${count(load.bytesPerSeries ?? DEFAULT_BYTES_PER_SERIES)} bytes`,
      source: load.bytesPerSeries !== undefined ? fromDocument : '~3 kB on Prometheus 2.20+ (Robust Perception; prometheus#4553)',
    },
    {
      name: 'Disk per sample after compression',
      value: `${load.bytesPerSample ?? DEFAULT_BYTES_PER_SAMPLE} bytes`,
      source: load.bytesPerSample !== undefined ? fromDocument : '1-2 bytes per sample (Prometheus docs, storage.md)',
    },
    {
      name: 'Series Prometheus adds per target',
      value: String(SYNTHETIC_SERIES_PER_TARGET),
      source: 'up, scrape_duration_seconds, scrape_samples_scraped, scrape_samples_post_metric_relabeling, scrape_series_added (Prometheus 2.x)',
    },
    {
      name: 'Series per target without a catalog',
      value: count(DEFAULT_SERIES_PER_TARGET),
      source: 'a mid-sized exporter; exporter catalogs (assets/catalogs, node_exporter and Prometheus measured here) win',
    },
    {
      name: 'Active series one instance holds',
      value: capacity.activeSeries === undefined ? 'not set' : count(capacity.activeSeries),
      source: load.capacity?.activeSeries !== undefined ? fromDocument : '"several million" per server (PromLabs training); 2M keeps a margin',
    },
    {
      name: 'Samples/s one instance ingests',
      value: capacity.samplesPerSecond === undefined ? 'not set' : count(capacity.samplesPerSecond),
      source: load.capacity?.samplesPerSecond !== undefined ? fromDocument : '~1M samples/s per server (PromLabs training)',
    },
    {
      name: 'Memory and disk of one instance',
      value: [capacity.memoryBytes, capacity.diskBytes].every((v) => v === undefined) ? 'not set' : `${capacity.memoryBytes === undefined ? 'not set' : `${count(capacity.memoryBytes)} B`} / ${capacity.diskBytes === undefined ? 'not set' : `${count(capacity.diskBytes)} B`}`,
      source: load.capacity?.memoryBytes !== undefined || load.capacity?.diskBytes !== undefined ? fromDocument : 'depend on the machine: unbounded unless set',
    },
    {
      name: 'Near capacity from',
      value: `${Math.round(NEAR_CAPACITY_RATIO * 100)}%`,
      source: 'PromTopo: load/near-capacity is reported from this share (docs/load-model.md)',
    },
    {
      name: 'A large /federate response',
      value: `${count(FEDERATION_SERIES_BALLPARK)} series`,
      source: "a Prometheus maintainer's ballpark (docs/load-model.md)",
    },
  ];
}
