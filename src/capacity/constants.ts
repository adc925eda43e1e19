/**
 * Constants of the machine-terms capacity model, each with its source (docs/load-model.md,
 * "Capacity in machine terms"). The measured ones come from `node scripts/measure-capacity.mjs` on
 * Prometheus 2.42 here; re-run it to re-measure.
 */
import type { MachineSize, Seconds } from '../model/types.ts';

/**
 * CPU seconds per sample appended (scrape parsing, relabelling, head append, WAL encoding).
 * Measured: 10 jobs x 2,000 series every 1s (20,000 samples/s) beyond the idle process.
 */
export const CPU_SECONDS_PER_SAMPLE = 1.55e-6;

/** CPU of an idle Prometheus process (GC, TSDB housekeeping, its own /metrics), cores. Measured. */
export const BASELINE_CORES = 0.00033;

/**
 * CPU seconds per rule evaluation beyond appending its output: measured on
 * `sum by (job, code) (rate(x[1m]))` over 1,000 input series. Cost grows with the input; not modelled.
 */
export const CPU_SECONDS_PER_RULE_EVALUATION = 0.0125;

/** WAL bytes per sample appended (records on disk, uncompressed WAL). Measured. */
export const WAL_BYTES_PER_SAMPLE = 5.63;

/**
 * Raw data the WAL keeps: at least the head's two hours plus the hour before the next head
 * compaction (prometheus docs/storage.md: "at least two hours of raw data"; head spans up to 3h).
 */
export const WAL_RETENTION_SECONDS: Seconds = 3 * 3600;

/**
 * Largest block compaction writes before deleting its inputs: 10% of the retention, at most 31 days
 * (prometheus docs/storage.md, `--storage.tsdb.max-block-duration` default). The disk needs room for it.
 */
export const COMPACTION_BLOCK_SHARE = 0.1;
export const COMPACTION_MAX_BLOCK_SECONDS: Seconds = 31 * 24 * 3600;

/** Bytes on the wire per scraped sample (text exposition, gzip as Prometheus requests it). Measured on node_exporter. */
export const SCRAPE_WIRE_BYTES_PER_SAMPLE = 18.9;

/** Bytes on the wire per federated sample (`/federate`, gzip). Measured. */
export const FEDERATE_WIRE_BYTES_PER_SAMPLE = 4.39;

/** Fraction of every resource kept free when no headroom is set: use at most 70%. */
export const DEFAULT_HEADROOM = 0.3;

/** Bytes per GiB. */
export const GIB = 1024 ** 3;

/**
 * Machine sizes used when the document lists none: the 1:4 vCPU:GiB shape of general-purpose cloud
 * instances, disk sized for a 15d retention at their ingestion. No prices (they depend on the vendor).
 */
export const DEFAULT_MACHINE_SIZES: readonly MachineSize[] = [
  { name: 'small-2x8', vcpu: 2, ramGiB: 8, diskGiB: 100 },
  { name: 'medium-4x16', vcpu: 4, ramGiB: 16, diskGiB: 250 },
  { name: 'large-8x32', vcpu: 8, ramGiB: 32, diskGiB: 500 },
  { name: 'xlarge-16x64', vcpu: 16, ramGiB: 64, diskGiB: 1000 },
  { name: '2xlarge-32x128', vcpu: 32, ramGiB: 128, diskGiB: 2000 },
  { name: '4xlarge-64x256', vcpu: 64, ramGiB: 256, diskGiB: 4000 },
];
