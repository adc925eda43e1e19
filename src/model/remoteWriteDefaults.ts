/**
 * Prometheus' remote_write queue defaults, as Prometheus 2.42 fills them in (read back from
 * `/api/v1/status/config` of a running 2.42 here; Prometheus 2.45+ raised capacity to 10000 and
 * max_samples_per_send to 2000, see its CHANGELOG).
 */
export const QUEUE_DEFAULTS = {
  capacity: 2500,
  minShards: 1,
  maxShards: 200,
  maxSamplesPerSend: 500,
  batchSendDeadline: '5s',
  minBackoff: '30ms',
  maxBackoff: '5s',
} as const;
