/**
 * The load model's constants and defaults, with their sources (docs/load-model.md, domain.md).
 * Every one can be overridden in the document (settings.load, a server's capacity, a group's
 * seriesPerTarget) except the synthetic series, which Prometheus fixes.
 */
import type { Bytes, SeriesCount } from '../model/types.ts';
import type { LoadResource } from './types.ts';

/**
 * Series Prometheus adds per target: up, scrape_duration_seconds, scrape_samples_scraped,
 * scrape_samples_post_metric_relabeling, scrape_series_added (Prometheus 2.x, no extra flags).
 */
export const SYNTHETIC_SERIES = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added'] as const;
export const SYNTHETIC_SERIES_PER_TARGET: SeriesCount = SYNTHETIC_SERIES.length;

/** Catalog of what a server's self-scrape job exposes: Prometheus' own /metrics (assets/catalogs/prometheus.json). */
export const SELF_SCRAPE_EXPORTER = 'prometheus';

/** Series per target when the group gives none and has no known catalog: a mid-sized exporter. */
export const DEFAULT_SERIES_PER_TARGET: SeriesCount = 500;

/** Head memory per active series: ~3 kB on 2.20+ (Robust Perception; prometheus#4553). */
export const DEFAULT_BYTES_PER_SERIES: Bytes = 3000;

/** Disk per sample after compression: 1-2 bytes (prometheus docs/storage.md). */
export const DEFAULT_BYTES_PER_SAMPLE: Bytes = 1.5;

/**
 * Capacity of one instance when neither the server nor the document sets one: ~1M samples/s and
 * "several million" active series for one server (PromLabs training); 2M series keeps a margin.
 * Memory and disk are unbounded unless set (they depend on the machine).
 */
export const DEFAULT_CAPACITY: Partial<Readonly<Record<LoadResource, number>>> = {
  activeSeries: 2_000_000,
  samplesPerSecond: 1_000_000,
};

/** Interval used when a duration in the document does not parse (the validator reports it). */
export const FALLBACK_INTERVAL_SECONDS = 15;

/** Retention used when the server's does not parse: Prometheus' default. */
export const FALLBACK_RETENTION_SECONDS = 15 * 24 * 3600;

/** A /federate response above this many series is "large" (maintainer's ballpark, domain.md). */
export const FEDERATION_SERIES_BALLPARK: SeriesCount = 1_000;
/** Scraping /federate more often than this (seconds) with a large response is a warning. */
export const FEDERATION_MIN_INTERVAL_SECONDS = 30;
/** A /federate response above this many series is a warning whatever the interval (time-out risk). */
export const FEDERATION_SERIES_WARNING: SeriesCount = 10_000;

/** Utilisation from which `load/near-capacity` is reported. */
export const NEAR_CAPACITY_RATIO = 0.8;

/**
 * Process memory (RSS) of one Prometheus instance, measured here on Prometheus 2.42.0 (Debian,
 * 2 cores) by `npx tsx scripts/measure-memory.ts` on 2026-12-02: a real `prometheus` scraping itself
 * and a stand-in target of 0, 25,000 and 50,000 series at 1 s, and 25,000 and 50,000 at 5 s, RSS
 * (`process_resident_memory_bytes`) read 60 s after the first scrape, least-squares fit of
 * baseline + per head series + per sample/s. Published figures compared in docs/load-model.md.
 */
export const RSS_BASELINE_BYTES: Bytes = 56_621_006;
/** RSS per head series (head memory, postings, the Go heap's headroom): measured 2,192 bytes. */
export const RSS_BYTES_PER_SERIES: Bytes = 2192;
/** RSS per sample/s ingested (open head chunks, scrape and WAL buffers): measured 470 bytes. */
export const RSS_BYTES_PER_SAMPLE_PER_SECOND: Bytes = 470;
