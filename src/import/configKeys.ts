/**
 * The keys Prometheus 3.x accepts in each part of prometheus.yml (config/config.go, prometheus/common
 * HTTPClientConfig, discovery/*), so unknown keys are reported like go-yaml's strict mode does, and
 * which of them PromTopo models (the rest is kept verbatim).
 */

export const TOP_LEVEL_KEYS = new Set([
  'global', 'runtime', 'alerting', 'rule_files', 'scrape_config_files', 'scrape_configs', 'storage', 'tracing',
  'remote_write', 'remote_read', 'otlp',
]);

export const GLOBAL_KEYS = new Set([
  'scrape_interval', 'scrape_timeout', 'scrape_protocols', 'evaluation_interval', 'rule_query_offset', 'query_log_file',
  'scrape_failure_log_file', 'external_labels', 'body_size_limit', 'sample_limit', 'target_limit', 'label_limit',
  'label_name_length_limit', 'label_value_length_limit', 'keep_dropped_targets', 'metric_name_validation_scheme',
  'metric_name_escaping_scheme', 'scrape_native_histograms', 'convert_classic_histograms_to_nhcb',
  'always_scrape_classic_histograms', 'extra_scrape_metrics',
]);

/** Global keys PromTopo models (the others are kept verbatim). */
export const GLOBAL_MODELLED = new Set(['scrape_interval', 'scrape_timeout', 'evaluation_interval', 'external_labels']);

/** prometheus/common config.HTTPClientConfig, inlined into scrape and Alertmanager configs. */
export const HTTP_CLIENT_KEYS = [
  'basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file', 'tls_config', 'follow_redirects',
  'enable_http2', 'proxy_url', 'no_proxy', 'proxy_from_environment', 'proxy_connect_header', 'http_headers',
];

/** Service discovery mechanisms registered in Prometheus 3.x (`<name>_sd_configs`), plus static_configs. */
const SD_NAMES = [
  'aws', 'azure', 'consul', 'digitalocean', 'dns', 'docker', 'dockerswarm', 'ec2', 'ecs', 'elasticache', 'eureka', 'file',
  'gce', 'hetzner', 'http', 'ionos', 'kubernetes', 'kuma', 'lightsail', 'linode', 'marathon', 'msk', 'nerve', 'nomad',
  'oci', 'openstack', 'outscale', 'ovhcloud', 'puppetdb', 'rds', 'scaleway', 'serverset', 'stackit', 'triton', 'uyuni',
  'vultr',
];
export const SD_KEYS = SD_NAMES.map((n) => `${n}_sd_configs`);

export const SCRAPE_KEYS = new Set([
  'job_name', 'honor_labels', 'honor_timestamps', 'track_timestamps_staleness', 'params', 'scrape_interval',
  'scrape_timeout', 'scrape_protocols', 'fallback_scrape_protocol', 'scrape_native_histograms',
  'always_scrape_classic_histograms', 'convert_classic_histograms_to_nhcb', 'scrape_failure_log_file', 'metrics_path',
  'scheme', 'enable_compression', 'body_size_limit', 'sample_limit', 'target_limit', 'label_limit',
  'label_name_length_limit', 'label_value_length_limit', 'native_histogram_bucket_limit',
  'native_histogram_min_bucket_factor', 'keep_dropped_targets', 'metric_name_validation_scheme',
  'metric_name_escaping_scheme', 'extra_scrape_metrics', 'relabel_configs', 'metric_relabel_configs', 'static_configs',
  ...HTTP_CLIENT_KEYS, ...SD_KEYS,
]);

/** Scrape job keys PromTopo models on a target group or federation edge. */
export const SCRAPE_MODELLED = new Set([
  'job_name', 'scrape_interval', 'scrape_timeout', 'metrics_path', 'scheme', 'static_configs', 'honor_labels', 'params',
  'relabel_configs',
]);

export const ALERTING_KEYS = new Set(['alert_relabel_configs', 'alertmanagers']);

export const ALERTMANAGER_KEYS = new Set([
  'static_configs', 'sigv4', 'scheme', 'path_prefix', 'timeout', 'api_version', 'relabel_configs', 'alert_relabel_configs',
  ...HTTP_CLIENT_KEYS, ...SD_KEYS,
]);

export const STATIC_CONFIG_KEYS = new Set(['targets', 'labels']);
