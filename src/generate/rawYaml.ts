/**
 * Raw YAML from the escape hatches (server `extraScrapeConfigs` / `extraConfig`, target group
 * `extraConfig`): parsed with the `yaml` package, kept as its nodes (comments included) inside the
 * generated tree, and merged into generated mappings by one documented rule (docs/bundle.md).
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as RawNode } from 'yaml';
import { blockSeq, orderedMap } from './yamlText.ts';
import { tooDeepMessage, yamlTooDeep } from '../validate/yamlNesting.ts';
import type { YEntry, YMap, YRaw, YScalar, YValue } from './yamlText.ts';

/** Raw YAML text parsed for merging: the node, or why it cannot be merged. */
export type RawYaml<T> = { ok: true; node: T } | { ok: false; error: string };

function parseRaw(text: string): { ok: true; contents: RawNode | null } | { ok: false; error: string } {
  const deep = yamlTooDeep(text);
  if (deep) return { ok: false, error: tooDeepMessage(deep) };
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) return { ok: false, error: first.message.split('\n')[0] ?? 'invalid YAML' };
  return { ok: true, contents: doc.contents };
}

const raw = (node: RawNode, comment?: string | null): YRaw => (comment ? { kind: 'raw', node, comment } : { kind: 'raw', node });

/** Parses raw YAML that must be a list (extraScrapeConfigs): its items; an empty text is an empty list. */
export function parseRawList(text: string): RawYaml<YRaw[]> {
  if (text.trim() === '') return { ok: true, node: [] };
  const r = parseRaw(text);
  if (!r.ok) return r;
  if (r.contents === null) return { ok: true, node: [] };
  if (!isSeq(r.contents)) return { ok: false, error: 'expected a YAML list' };
  const seq = r.contents;
  return { ok: true, node: seq.items.map((item, i) => {
    const node = item as RawNode;
    const comment = i === 0 && seq.commentBefore ? seq.commentBefore : undefined;
    const own = node.commentBefore ?? undefined;
    node.commentBefore = null;
    const joined = [comment, own].filter((c): c is string => !!c).join('\n');
    return raw(node, joined || undefined);
  }) };
}

/** Parses raw YAML that must be a mapping (extraConfig): its entries as tree entries. */
export function parseRawMap(text: string): RawYaml<YMap> {
  if (text.trim() === '') return { ok: true, node: orderedMap([]) };
  const r = parseRaw(text);
  if (!r.ok) return r;
  if (r.contents === null) return { ok: true, node: orderedMap([]) };
  if (!isMap(r.contents)) return { ok: false, error: 'expected a YAML mapping (key: value lines)' };
  const entries: YEntry[] = r.contents.items.map((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value as RawNode | null;
    return { key, value: value === null ? '' : raw(value, isScalar(pair.key) ? pair.key.commentBefore : undefined) };
  });
  return { ok: true, node: { kind: 'map', entries } };
}

/** The string form of a map key. */
export function keyName(key: string | YScalar): string {
  return typeof key === 'string' ? key : key.value;
}

function rawItems(value: YValue): YValue[] | undefined {
  if (typeof value !== 'object') return undefined;
  if (value.kind === 'seq') return value.items;
  if (value.kind === 'raw' && isSeq(value.node)) return value.node.items.map((n) => raw(n as RawNode));
  return undefined;
}

function rawEntries(value: YValue): YEntry[] | undefined {
  if (typeof value !== 'object') return undefined;
  if (value.kind === 'map') return value.entries;
  if (value.kind === 'raw' && isMap(value.node)) {
    return value.node.items.map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : String(p.key), value: raw(p.value as RawNode) }));
  }
  return undefined;
}

/**
 * Merges the entries of `extra` into `base` (mutates and returns base): a key new to base is appended;
 * for a key both have, lists are concatenated (`extraFirst` lists keys whose extra items go first,
 * e.g. relabel_configs before the hashmod pair), mappings are merged one level down with base's keys
 * kept, and otherwise the extra value wins, except for keys in `locked`.
 */
export function mergeMaps(base: YMap, extra: YMap, options: { locked?: readonly string[]; extraFirst?: readonly string[] } = {}): YMap {
  for (const entry of extra.entries) {
    const name = keyName(entry.key);
    if (options.locked?.includes(name)) continue;
    const existing = base.entries.find((e) => keyName(e.key) === name);
    if (!existing) {
      base.entries.push(entry);
      continue;
    }
    const [baseItems, extraItems] = [rawItems(existing.value), rawItems(entry.value)];
    const [baseEntries, extraEntries] = [rawEntries(existing.value), rawEntries(entry.value)];
    if (baseItems && extraItems) {
      existing.value = blockSeq(options.extraFirst?.includes(name) ? [...extraItems, ...baseItems] : [...baseItems, ...extraItems]);
    } else if (baseEntries && extraEntries) {
      const merged = orderedMap(baseEntries.map((e) => [e.key, e.value] as const));
      for (const sub of extraEntries) if (!merged.entries.some((e) => keyName(e.key) === keyName(sub.key))) merged.entries.push(sub);
      existing.value = merged;
    } else {
      existing.value = entry.value;
    }
  }
  return base;
}

