/**
 * YAML writing in the style of the Prometheus docs: 2-space indent, sequences indented under their key,
 * selectors and addresses single-quoted, short lists in flow style. Built on the `yaml` package's
 * node API so comments (placeholders, merged raw YAML) survive.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';

/** A value the generators hand to toYamlText: plain data with `yaml` nodes where style matters. */
export type YamlValue = unknown;

/** A single-quoted scalar: `'{__name__=~"job:.*"}'`. */
export function singleQuoted(value: string): Scalar {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_SINGLE;
  return s;
}

/** A flow sequence `[a, b]` of the given items. */
export function flowSeq(items: readonly unknown[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  for (const item of items) seq.items.push(item);
  return seq;
}

/** A block sequence whose items are nodes or plain values. */
export function blockSeq(items: readonly unknown[]): YAMLSeq {
  const seq = new YAMLSeq();
  for (const item of items) seq.items.push(item);
  return seq;
}

/** An ordered map from [key, value] entries (keys may be nodes, e.g. a quoted `'match[]'`). */
export function orderedMap(entries: readonly (readonly [unknown, unknown])[]): YAMLMap {
  const map = new YAMLMap();
  for (const [k, v] of entries) if (v !== undefined) map.items.push(new Pair(k, v));
  return map;
}

/** Addresses, single-quoted: flow style when short (Prometheus docs style), block when long. */
export function addressList(addresses: readonly string[]): YAMLSeq {
  const quoted = addresses.map(singleQuoted);
  const width = addresses.reduce((n, a) => n + a.length + 4, 0);
  return addresses.length <= 3 && width <= 60 ? flowSeq(quoted) : blockSeq(quoted);
}

/** Attaches a comment line above a node (without the leading `#`). */
export function withComment<T extends Node>(node: T, comment: string): T {
  node.commentBefore = node.commentBefore ? `${comment}\n${node.commentBefore}` : comment;
  return node;
}

/** Renders a value as YAML text with an optional header comment; always ends with one newline. */
export function toYamlText(value: YamlValue, header?: string): string {
  const doc = new Document(value);
  if (header) doc.commentBefore = header.split('\n').map((l) => (l ? ` ${l}` : '')).join('\n');
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false });
}

/** Raw YAML text parsed for merging: the node, or why it cannot be merged. */
export type RawYaml<T> = { ok: true; node: T } | { ok: false; error: string };

function parseRaw(text: string): { ok: true; contents: unknown } | { ok: false; error: string } {
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) return { ok: false, error: first.message.split('\n')[0] ?? 'invalid YAML' };
  return { ok: true, contents: doc.contents };
}

/** Parses raw YAML that must be a list (extraScrapeConfigs); an empty text is an empty list. */
export function parseRawList(text: string): RawYaml<YAMLSeq> {
  if (text.trim() === '') return { ok: true, node: new YAMLSeq() };
  const r = parseRaw(text);
  if (!r.ok) return r;
  if (r.contents === null) return { ok: true, node: new YAMLSeq() };
  return isSeq(r.contents) ? { ok: true, node: r.contents } : { ok: false, error: 'expected a YAML list' };
}

/** Parses raw YAML that must be a mapping (extraConfig); an empty text is an empty mapping. */
export function parseRawMap(text: string): RawYaml<YAMLMap> {
  if (text.trim() === '') return { ok: true, node: new YAMLMap() };
  const r = parseRaw(text);
  if (!r.ok) return r;
  if (r.contents === null) return { ok: true, node: new YAMLMap() };
  return isMap(r.contents) ? { ok: true, node: r.contents } : { ok: false, error: 'expected a YAML mapping (key: value lines)' };
}

/** The string form of a map key (`Scalar` or plain). */
export function keyName(key: unknown): string {
  return key instanceof Scalar ? String(key.value) : String(key);
}

/**
 * Merges the pairs of `extra` into `base` (mutates and returns base): a key new to base is appended;
 * for a key both have, sequences are concatenated (`extraFirst` lists keys whose extra items go
 * first, e.g. relabel_configs before the hashmod pair), mappings are merged one level down with base's
 * keys kept, and otherwise the extra value wins, except for keys in `locked`.
 */
export function mergeMaps(base: YAMLMap, extra: YAMLMap, options: { locked?: readonly string[]; extraFirst?: readonly string[] } = {}): YAMLMap {
  for (const pair of extra.items) {
    const name = keyName(pair.key);
    if (options.locked?.includes(name)) continue;
    const existing = base.items.find((p) => keyName(p.key) === name);
    if (!existing) {
      base.items.push(pair);
    } else if (isSeq(existing.value) && isSeq(pair.value)) {
      existing.value.items = options.extraFirst?.includes(name)
        ? [...pair.value.items, ...existing.value.items]
        : [...existing.value.items, ...pair.value.items];
    } else if (isMap(existing.value) && isMap(pair.value)) {
      for (const sub of pair.value.items) {
        if (!existing.value.items.some((p) => keyName(p.key) === keyName(sub.key))) existing.value.items.push(sub);
      }
    } else {
      existing.value = pair.value;
    }
  }
  return base;
}
