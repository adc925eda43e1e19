/**
 * A whole prometheus.yml in canonical form: `global` with its defaults, jobs keyed by name (job order
 * does not change what is scraped), rule groups by what they load, Alertmanagers as a set, remote
 * write/read keyed by name or URL, the other sections generically normalised.
 */
import type { Canon, CanonRecord, Plain, PlainRecord } from './canon.ts';
import { CanonSet, bool, duration, generic, integer, labels, listOf, recordOf, rest, stringOf } from './canon.ts';
import { globalConfig } from './globalConfig.ts';
import { HTTP_CLIENT_FIELDS, httpClient } from './httpClient.ts';
import { relabelRules } from './relabelRules.ts';
import { ruleGroups } from './ruleGroups.ts';
import { discovery, scrapeConfig, staticTargets } from './scrapeConfig.ts';

const AM_HANDLED = new Set(['scheme', 'path_prefix', 'timeout', 'api_version', 'static_configs', 'relabel_configs', 'alert_relabel_configs', ...HTTP_CLIENT_FIELDS]);

function alertmanager(p: Plain): CanonRecord {
  const rec = recordOf(p);
  const out: Record<string, Canon> = {
    scheme: stringOf(rec.scheme, 'http'),
    path_prefix: stringOf(rec.path_prefix).replace(/\/+$/, '') || '/',
    timeout: duration(rec.timeout, '10s'),
    api_version: stringOf(rec.api_version, 'v2'),
    static_configs: staticTargets(rec.static_configs),
    relabel_configs: relabelRules(rec.relabel_configs),
    alert_relabel_configs: relabelRules(rec.alert_relabel_configs),
    ...httpClient(rec),
  };
  for (const k of Object.keys(rec)) if (k.endsWith('_sd_configs')) out[k] = discovery(k, rec[k]);
  return rest(rec, new Set([...AM_HANDLED, ...Object.keys(rec).filter((k) => k.endsWith('_sd_configs'))]), out);
}

function alerting(p: Plain | undefined): CanonRecord {
  const rec = recordOf(p);
  return rest(rec, new Set(['alert_relabel_configs', 'alertmanagers']), {
    alert_relabel_configs: relabelRules(rec.alert_relabel_configs),
    alertmanagers: new CanonSet(listOf(rec.alertmanagers).map(alertmanager)),
  });
}

const QUEUE_DEFAULTS: PlainRecord = {
  capacity: '10000', max_shards: '50', min_shards: '1', max_samples_per_send: '2000', batch_send_deadline: '5s',
  min_backoff: '30ms', max_backoff: '5s', sample_age_limit: '0s',
};
const METADATA_DEFAULTS: PlainRecord = { send: 'true', send_interval: '1m', max_samples_per_send: '500' };

function withDefaults(p: Plain | undefined, defaults: PlainRecord): Canon {
  const rec = { ...defaults, ...recordOf(p) };
  const out: Record<string, Canon> = {};
  for (const [k, v] of Object.entries(rec)) {
    const d = defaults[k];
    out[k] = /^\d+$/.test(typeof d === 'string' ? d : '') ? integer(v, String(d)) : (generic(v, k) ?? '');
  }
  return out;
}

const RW_HANDLED = new Set(['url', 'remote_timeout', 'headers', 'write_relabel_configs', 'name', 'send_exemplars', 'send_native_histograms', 'round_robin_dns', 'protobuf_message', 'queue_config', 'metadata_config', ...HTTP_CLIENT_FIELDS]);

function remoteWrite(p: Plain): CanonRecord {
  const rec = recordOf(p);
  return rest(rec, RW_HANDLED, {
    url: stringOf(rec.url),
    name: stringOf(rec.name),
    remote_timeout: duration(rec.remote_timeout, '30s'),
    headers: labels(rec.headers),
    write_relabel_configs: relabelRules(rec.write_relabel_configs),
    send_exemplars: bool(rec.send_exemplars, false),
    send_native_histograms: bool(rec.send_native_histograms, false),
    round_robin_dns: bool(rec.round_robin_dns, false),
    protobuf_message: stringOf(rec.protobuf_message, 'prometheus.WriteRequest'),
    queue_config: withDefaults(rec.queue_config, QUEUE_DEFAULTS),
    metadata_config: withDefaults(rec.metadata_config, METADATA_DEFAULTS),
    ...httpClient(rec),
  });
}

const RR_HANDLED = new Set(['url', 'remote_timeout', 'headers', 'name', 'read_recent', 'required_matchers', 'filter_external_labels', ...HTTP_CLIENT_FIELDS]);

function remoteRead(p: Plain): CanonRecord {
  const rec = recordOf(p);
  return rest(rec, RR_HANDLED, {
    url: stringOf(rec.url),
    name: stringOf(rec.name),
    remote_timeout: duration(rec.remote_timeout, '1m'),
    headers: labels(rec.headers),
    read_recent: bool(rec.read_recent, false),
    required_matchers: labels(rec.required_matchers),
    filter_external_labels: bool(rec.filter_external_labels, true),
    ...httpClient(rec),
  });
}

/** Remote endpoints keyed by name, else URL (`url (2)` for a URL given twice). */
function keyed(items: readonly CanonRecord[]): CanonRecord {
  const out: Record<string, Canon> = {};
  for (const item of items) {
    const base = (item.name as string) || (item.url as string);
    let key = base;
    for (let n = 2; key in out; n++) key = `${base} (${n})`;
    out[key] = item;
  }
  return out;
}

function jobs(list: readonly Plain[], inherited: ReturnType<typeof globalConfig>['inherited']): CanonRecord {
  const out: Record<string, Canon> = {};
  for (const job of list) {
    const name = stringOf(recordOf(job).job_name);
    let key = name;
    for (let n = 2; key in out; n++) key = `${name} (${n})`;
    out[key] = scrapeConfig(job, inherited);
  }
  return out;
}

const TOP_HANDLED = new Set(['global', 'scrape_configs', 'rule_files', 'alerting', 'remote_write', 'remote_read', 'scrape_config_files']);

/** What a loaded rule file holds: its parsed text, or the pattern when no such file is known. */
export type LoadedRules = { readonly files: readonly Plain[]; readonly unresolved: readonly string[] };

/** Normalises a parsed prometheus.yml; `rules` are the rule files its rule_files load. */
export function normalizeConfig(p: Plain, rules: LoadedRules): CanonRecord {
  const rec = recordOf(p);
  const global = globalConfig(rec.global);
  const out: Record<string, Canon> = {
    global: global.section,
    scrape_configs: jobs(listOf(rec.scrape_configs), global.inherited),
    rule_groups: ruleGroups(rules.files, {
      evaluationInterval: global.section.evaluation_interval as string,
      queryOffset: global.section.rule_query_offset as string,
    }),
    rule_files_not_found: new CanonSet(rules.unresolved),
    alerting: alerting(rec.alerting),
    remote_write: keyed(listOf(rec.remote_write).map(remoteWrite)),
    remote_read: keyed(listOf(rec.remote_read).map(remoteRead)),
    scrape_config_files: new CanonSet(listOf(rec.scrape_config_files).map((f) => stringOf(f))),
  };
  return rest(rec, TOP_HANDLED, out);
}
