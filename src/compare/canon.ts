/**
 * The canonical form two Prometheus configurations are compared in: strings, ordered lists, records
 * and unordered sets. Values are already normalised (defaults filled in, durations in one notation),
 * so comparing canonical forms is comparing what Prometheus would do.
 */
import { durationMs, formatDuration } from '../model/duration.ts';
import type { YamlNode } from '../import/yamlTree.ts';

/** An unordered collection: order of its items does not change what Prometheus does. */
export class CanonSet {
  readonly items: readonly Canon[];
  constructor(items: readonly Canon[]) {
    const unique = new Map<string, Canon>();
    for (const item of items) unique.set(canonKey(item), item);
    this.items = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  }
}

export interface CanonRecord {
  readonly [key: string]: Canon;
}

/** A scalar (always a string, as Go reads YAML into typed fields), a list (order matters), a record or a set. */
export type Canon = string | readonly Canon[] | CanonRecord | CanonSet;

export function isRecord(v: Canon | undefined): v is CanonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof CanonSet);
}

/** A stable text of a canonical value; equal values give equal keys. */
export function canonKey(v: Canon): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof CanonSet) return `set(${v.items.map(canonKey).join(',')})`;
  if (Array.isArray(v)) return `[${(v as readonly Canon[]).map(canonKey).join(',')}]`;
  const rec = v as CanonRecord;
  return `{${Object.keys(rec).sort().map((k) => `${JSON.stringify(k)}:${canonKey(rec[k] as Canon)}`).join(',')}}`;
}

/**
 * A plain reading of a YAML tree. A key with a null value reads as `''`: go-yaml v2 sets the field to
 * its zero value, which is not always its default (a null relabel `regex` is the empty regex, not
 * `(.*)`). Null list items are dropped.
 */
export type Plain = string | readonly Plain[] | { readonly [key: string]: Plain };

export function plainOf(node: YamlNode): Plain | undefined {
  if (node.kind === 'scalar') return node.isNull ? undefined : node.text;
  if (node.kind === 'seq') return node.items.flatMap((item) => {
    const p = plainOf(item);
    return p === undefined ? [] : [p];
  });
  const out: Record<string, Plain> = {};
  for (const { key, value } of node.entries) {
    out[key.text] = plainOf(value) ?? '';
  }
  return out;
}

export type PlainRecord = { readonly [key: string]: Plain };

export function recordOf(p: Plain | undefined): PlainRecord {
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as PlainRecord) : {};
}

/** True for a key that is absent or null: Go's zero value, which Prometheus treats as "not set" for most fields. */
export function isUnset(p: Plain | undefined): boolean {
  return p === undefined || p === '';
}

export function listOf(p: Plain | undefined): readonly Plain[] {
  if (isUnset(p)) return [];
  return Array.isArray(p) ? (p as readonly Plain[]) : [p as Plain];
}

export function stringOf(p: Plain | undefined, fallback = ''): string {
  return typeof p === 'string' ? p : fallback;
}

/** A duration in Prometheus' own notation (`60s` -> `1m`); invalid text stays as written. */
export function duration(p: Plain | undefined, fallback: string): string {
  const text = isUnset(p) ? fallback : stringOf(p, fallback);
  const ms = durationMs(text);
  return ms === undefined ? text : formatDuration(ms);
}

export function durationMsOf(text: string): number | undefined {
  return durationMs(text);
}

const trueWords = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y']);
const falseWords = new Set(['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N']);

/** A boolean as go-yaml v2 reads one (`yes`, `on`, `True` included). */
export function bool(p: Plain | undefined, fallback: boolean): string {
  const text = stringOf(p);
  if (trueWords.has(text)) return 'true';
  if (falseWords.has(text)) return 'false';
  return text === '' ? String(fallback) : text;
}

/** A decimal integer as Go reads it (`010` = 10); other text stays as written. */
export function integer(p: Plain | undefined, fallback: string): string {
  const text = isUnset(p) ? fallback : stringOf(p, fallback);
  return /^[+-]?\d+$/.test(text) ? String(BigInt(text)) : text;
}

const byteUnits: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4, PB: 1024 ** 5, EB: 1024 ** 6 };

/** A byte size as units.Base2Bytes reads it (`1KB` = 1024 bytes), as a count of bytes. */
export function byteSize(p: Plain | undefined): string {
  const text = stringOf(p, '0');
  const m = /^(\d+)([KMGTPE]?i?B)?$/.exec(text);
  if (!m) return text;
  const unit = (m[2] ?? 'B').replace('iB', 'B');
  const factor = byteUnits[unit];
  return factor === undefined ? text : String(BigInt(m[1] as string) * BigInt(factor));
}

/** A label set (string to string), keys sorted. */
export function labels(p: Plain | undefined): CanonRecord {
  const rec = recordOf(p);
  const out: Record<string, Canon> = {};
  for (const k of Object.keys(rec).sort()) out[k] = stringOf(rec[k]);
  return out;
}

/** Keys whose value is a duration wherever they appear (service discovery, queue settings, ...). */
const DURATION_KEYS = new Set([
  'refresh_interval', 'timeout', 'remote_timeout', 'batch_send_deadline', 'min_backoff', 'max_backoff', 'send_interval',
  'interval', 'scrape_interval', 'scrape_timeout', 'evaluation_interval', 'query_offset', 'rule_query_offset',
  'out_of_order_time_window', 'sample_age_limit', 'retention', 'max_block_duration',
]);
/** Keys whose value is a boolean wherever they appear. */
const BOOL_KEYS = new Set([
  'follow_redirects', 'enable_http2', 'insecure_skip_verify', 'proxy_from_environment', 'honor_labels', 'honor_timestamps',
  'allow_stale', 'send', 'send_exemplars', 'send_native_histograms', 'read_recent', 'filter_external_labels', 'insecure',
  'retry_on_http_429', 'round_robin_dns', 'use_cluster_name', 'match_first_network',
]);

/**
 * Generic normalisation for sections PromTopo has no specific defaults for (service discovery, queue
 * settings, storage, tracing): durations and booleans in one notation; empty strings, lists and
 * records dropped (Go's zero values mean "not set"). List order is kept.
 */
export function generic(p: Plain | undefined, key = ''): Canon | undefined {
  if (p === undefined) return undefined;
  if (typeof p === 'string') {
    if (p === '') return undefined;
    if (DURATION_KEYS.has(key)) return duration(p, p);
    if (BOOL_KEYS.has(key)) return bool(p, false);
    return p;
  }
  if (Array.isArray(p)) {
    const items = (p as readonly Plain[]).flatMap((item) => {
      const c = generic(item);
      return c === undefined ? [] : [c];
    });
    return items.length ? items : undefined;
  }
  const rec = p as PlainRecord;
  const out: Record<string, Canon> = {};
  for (const k of Object.keys(rec).sort()) {
    const c = generic(rec[k], k);
    if (c !== undefined) out[k] = c;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Adds the generic normalisation of every key of `rec` not in `handled` to `out`. */
export function rest(rec: PlainRecord, handled: ReadonlySet<string>, out: Record<string, Canon>): Record<string, Canon> {
  for (const k of Object.keys(rec)) {
    if (handled.has(k)) continue;
    const c = generic(rec[k], k);
    if (c !== undefined) out[k] = c;
  }
  return out;
}
