/**
 * The `global` section with Prometheus' defaults (config.DefaultGlobalConfig): scrape every 1m with a
 * 10s timeout (never longer than the interval), evaluate every 1m, UTF-8 metric names, the default
 * scrape protocols (protobuf first when native histograms are scraped).
 */
import type { Canon, CanonRecord, Plain } from './canon.ts';
import { duration, durationMsOf, isUnset, labels, recordOf, rest } from './canon.ts';
import type { InheritedGlobal } from './scrapeConfig.ts';
import { INHERITED_FIELDS, inheritedValue } from './scrapeConfig.ts';

const TEXT_PROTOCOLS = ['OpenMetricsText1.0.0', 'OpenMetricsText0.0.1', 'PrometheusText1.0.0', 'PrometheusText0.0.4'];

const HANDLED = new Set<string>(['scrape_interval', 'scrape_timeout', 'evaluation_interval', 'rule_query_offset', 'external_labels', 'query_log_file', ...INHERITED_FIELDS]);

export interface NormalGlobal {
  /** The whole section, canonical. */
  readonly section: CanonRecord;
  /** What every scrape job inherits. */
  readonly inherited: InheritedGlobal;
}

export function globalConfig(p: Plain | undefined): NormalGlobal {
  const rec = recordOf(p);
  const interval = duration(rec.scrape_interval, '1m');
  const timeout = !isUnset(rec.scrape_timeout)
    ? duration(rec.scrape_timeout, '10s')
    : (durationMsOf(interval) ?? Infinity) < 10_000 ? interval : '10s';
  const inherited: Record<string, Canon> = { scrape_interval: interval, scrape_timeout: timeout };
  for (const field of INHERITED_FIELDS) inherited[field] = inheritedValue(field, rec[field]);
  if (isUnset(rec.scrape_protocols)) {
    inherited.scrape_protocols = inherited.scrape_native_histograms === 'true' ? ['PrometheusProto', ...TEXT_PROTOCOLS] : TEXT_PROTOCOLS;
  }
  if (isUnset(rec.metric_name_validation_scheme)) inherited.metric_name_validation_scheme = 'utf8';
  if (isUnset(rec.metric_name_escaping_scheme)) {
    inherited.metric_name_escaping_scheme = inherited.metric_name_validation_scheme === 'legacy' ? 'underscores' : 'allow-utf-8';
  }
  const section: Record<string, Canon> = {
    ...inherited,
    evaluation_interval: duration(rec.evaluation_interval, '1m'),
    rule_query_offset: duration(rec.rule_query_offset, '0s'),
    external_labels: labels(rec.external_labels),
    query_log_file: typeof rec.query_log_file === 'string' ? rec.query_log_file : '',
  };
  return { section: rest(rec, HANDLED, section), inherited: inherited as InheritedGlobal };
}
