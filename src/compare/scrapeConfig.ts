/**
 * One scrape job, normalised as Prometheus' config loader completes it: interval, timeout, limits and
 * protocols inherited from `global`, then the job's own defaults (metrics_path `/metrics`, scheme
 * `http`, honor_timestamps on, ...). Static targets become a set keyed by address (their order does
 * not change what is scraped); service discovery configs a set per mechanism.
 */
import type { Canon, CanonRecord, Plain, PlainRecord } from './canon.ts';
import { CanonSet, bool, isUnset, byteSize, duration, durationMsOf, integer, labels, listOf, recordOf, rest, stringOf } from './canon.ts';
import { HTTP_CLIENT_FIELDS, httpClient } from './httpClient.ts';
import { relabelRules } from './relabelRules.ts';

/** Fields a job inherits from `global` when it does not set them. */
export const INHERITED_FIELDS = [
  'scrape_protocols', 'body_size_limit', 'sample_limit', 'target_limit', 'label_limit', 'label_name_length_limit',
  'label_value_length_limit', 'keep_dropped_targets', 'metric_name_validation_scheme', 'metric_name_escaping_scheme',
  'scrape_failure_log_file', 'scrape_native_histograms', 'always_scrape_classic_histograms',
  'convert_classic_histograms_to_nhcb', 'extra_scrape_metrics',
] as const;

/** Defaults of discovery mechanisms (discovery/<name>/<name>.go), applied where a key is absent. */
const SD_DEFAULTS: Record<string, Record<string, string>> = {
  file_sd_configs: { refresh_interval: '5m' },
  dns_sd_configs: { refresh_interval: '30s', type: 'SRV', port: '0' },
  consul_sd_configs: { server: 'localhost:8500', scheme: 'http', refresh_interval: '30s', allow_stale: 'true', tag_separator: ',' },
  docker_sd_configs: { port: '80', refresh_interval: '1m', host_networking_host: 'localhost', match_first_network: 'true' },
  dockerswarm_sd_configs: { port: '80', refresh_interval: '1m' },
  ec2_sd_configs: { port: '80', refresh_interval: '1m' },
  hetzner_sd_configs: { port: '80', refresh_interval: '1m' },
  http_sd_configs: { refresh_interval: '1m' },
};

/** A `<name>_sd_configs` list as a set of normalised discovery configs. */
export function discovery(key: string, p: Plain | undefined): CanonSet {
  const defaults = SD_DEFAULTS[key] ?? {};
  return new CanonSet(listOf(p).map((item) => {
    const rec = recordOf(item);
    const withDefaults: Record<string, Plain> = { ...defaults, ...rec };
    const out = rest(withDefaults, HTTP_CLIENT_FIELDS, {});
    // Only mechanisms that talk HTTP carry client settings; applied uniformly, both sides agree.
    return { ...out, ...httpClient(rec) };
  }));
}

/** `static_configs` as address -> set of label sets (with the `job` label a job's targets get). */
export function staticTargets(p: Plain | undefined, jobName?: string): CanonRecord {
  const byAddress = new Map<string, Canon[]>();
  for (const group of listOf(p)) {
    const rec = recordOf(group);
    // The `job` label a target gets: its own, else the job's name (scrape/target.go).
    const own = labels(rec.labels);
    const groupLabels = jobName === undefined || 'job' in own ? own : labels({ ...recordOf(rec.labels), job: jobName });
    for (const t of listOf(rec.targets)) {
      const address = stringOf(t);
      byAddress.set(address, [...(byAddress.get(address) ?? []), groupLabels]);
    }
  }
  const out: Record<string, Canon> = {};
  for (const address of [...byAddress.keys()].sort()) out[address] = new CanonSet(byAddress.get(address) ?? []);
  return out;
}

function params(p: Plain | undefined): CanonRecord {
  const rec = recordOf(p);
  const out: Record<string, Canon> = {};
  for (const k of Object.keys(rec).sort()) out[k] = listOf(rec[k]).map((v) => stringOf(v));
  return out;
}

const HANDLED = new Set([
  'job_name', 'scrape_interval', 'scrape_timeout', 'honor_labels', 'honor_timestamps', 'track_timestamps_staleness',
  'params', 'metrics_path', 'scheme', 'enable_compression', 'fallback_scrape_protocol', 'native_histogram_bucket_limit',
  'native_histogram_min_bucket_factor', 'relabel_configs', 'metric_relabel_configs', 'static_configs',
  ...INHERITED_FIELDS, ...HTTP_CLIENT_FIELDS,
]);

/** The global settings a job inherits, already normalised (see globalConfig.ts). */
export type InheritedGlobal = Readonly<Record<'scrape_interval' | 'scrape_timeout' | (typeof INHERITED_FIELDS)[number], Canon>>;

/** Normalises one `scrape_configs` entry. */
export function scrapeConfig(p: Plain, global: InheritedGlobal): CanonRecord {
  const rec = recordOf(p);
  const interval = isUnset(rec.scrape_interval) ? (global.scrape_interval as string) : duration(rec.scrape_interval, '1m');
  let timeout: string;
  if (!isUnset(rec.scrape_timeout)) timeout = duration(rec.scrape_timeout, '10s');
  else {
    const g = global.scrape_timeout as string;
    timeout = (durationMsOf(g) ?? 0) > (durationMsOf(interval) ?? Infinity) ? interval : g;
  }
  const out: Record<string, Canon> = {
    scrape_interval: interval,
    scrape_timeout: timeout,
    honor_labels: bool(rec.honor_labels, false),
    honor_timestamps: bool(rec.honor_timestamps, true),
    track_timestamps_staleness: bool(rec.track_timestamps_staleness, false),
    params: params(rec.params),
    metrics_path: stringOf(rec.metrics_path, '/metrics'),
    scheme: stringOf(rec.scheme, 'http'),
    enable_compression: bool(rec.enable_compression, true),
    fallback_scrape_protocol: stringOf(rec.fallback_scrape_protocol),
    native_histogram_bucket_limit: integer(rec.native_histogram_bucket_limit, '0'),
    native_histogram_min_bucket_factor: stringOf(rec.native_histogram_min_bucket_factor, '0'),
    relabel_configs: relabelRules(rec.relabel_configs),
    metric_relabel_configs: relabelRules(rec.metric_relabel_configs),
    static_configs: staticTargets(rec.static_configs, stringOf(rec.job_name)),
    ...httpClient(rec),
  };
  for (const field of INHERITED_FIELDS) out[field] = isUnset(rec[field]) ? (global[field] as Canon) : inheritedValue(field, rec[field]);
  for (const k of Object.keys(rec)) {
    if (k.endsWith('_sd_configs')) out[k] = discovery(k, rec[k]);
  }
  const others = Object.fromEntries(Object.entries(rec).filter(([k]) => !k.endsWith('_sd_configs')));
  return rest(others as PlainRecord, HANDLED, out);
}

/** Normalises a value of one of the fields a job inherits from `global`. */
export function inheritedValue(field: (typeof INHERITED_FIELDS)[number], p: Plain | undefined): Canon {
  switch (field) {
    case 'scrape_protocols':
      return listOf(p).map((v) => stringOf(v));
    case 'body_size_limit':
      return byteSize(p);
    case 'scrape_native_histograms':
    case 'always_scrape_classic_histograms':
    case 'convert_classic_histograms_to_nhcb':
    case 'extra_scrape_metrics':
      return bool(p, false);
    case 'metric_name_validation_scheme':
    case 'metric_name_escaping_scheme':
    case 'scrape_failure_log_file':
      return stringOf(p);
    default:
      return integer(p, '0');
  }
}

