/**
 * Process memory (RSS) of one Prometheus instance: what `process_resident_memory_bytes` reports,
 * as opposed to head memory (series x bytes per series). Constants measured on the real binary by
 * scripts/measure-memory.ts (constants.ts, docs/load-model.md).
 */
import type { Bytes, SamplesPerSecond, SeriesCount } from '../model/types.ts';
import { RSS_BASELINE_BYTES, RSS_BYTES_PER_SAMPLE_PER_SECOND, RSS_BYTES_PER_SERIES } from './constants.ts';

/** RSS estimate = baseline + per head series + per sample/s ingested. */
export function residentMemory(activeSeries: SeriesCount, samplesPerSecond: SamplesPerSecond): Bytes {
  return RSS_BASELINE_BYTES + RSS_BYTES_PER_SERIES * activeSeries + RSS_BYTES_PER_SAMPLE_PER_SECOND * samplesPerSecond;
}
