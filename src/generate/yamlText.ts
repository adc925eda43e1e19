/**
 * YAML writing in the style of the Prometheus docs: 2-space indent, sequences indented under their key,
 * selectors and addresses single-quoted, short lists in flow style, comments where they help.
 *
 * Generated content is a small tree (maps, sequences, scalars) written by a fast emitter of our own
 * (a 1,000-server bundle is thousands of files); raw YAML from the escape hatches stays a `yaml`
 * package node (rawYaml.ts), merged into the tree and written by that package, so its comments survive.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { Node as RawNode, YAMLMap as RawMap, YAMLSeq as RawSeq } from 'yaml';
import { blockLiteral, scalarText } from './yamlScalar.ts';

/** A scalar with an explicit quoting style. */
export interface YScalar { readonly kind: 'scalar'; readonly value: string; readonly style: 'single' | 'double'; comment?: string }
/** An ordered mapping. */
export interface YMap { readonly kind: 'map'; entries: YEntry[]; comment?: string }
/** A sequence, block (`- a`) or flow (`[a, b]`). */
export interface YSeq { readonly kind: 'seq'; items: YValue[]; readonly flow: boolean; comment?: string }
/** A node of parsed raw YAML, written by the `yaml` package. */
export interface YRaw { readonly kind: 'raw'; readonly node: RawNode; comment?: string }
export type YNode = YScalar | YMap | YSeq | YRaw;
/** What the generators build: nodes, or plain strings, numbers and booleans. */
export type YValue = YNode | string | number | boolean;
export interface YEntry { readonly key: string | YScalar; value: YValue }

/** A single-quoted scalar: `'{__name__=~"job:.*"}'`. */
export function singleQuoted(value: string): YScalar {
  return { kind: 'scalar', value, style: 'single' };
}

/** A flow sequence `[a, b]` of the given items. */
export function flowSeq(items: readonly YValue[]): YSeq {
  return { kind: 'seq', items: [...items], flow: true };
}

/** A block sequence. */
export function blockSeq(items: readonly YValue[]): YSeq {
  return { kind: 'seq', items: [...items], flow: false };
}

/** An ordered map from [key, value] entries; entries whose value is undefined are left out. */
export function orderedMap(entries: readonly (readonly [string | YScalar, YValue | undefined])[]): YMap {
  const out: YEntry[] = [];
  for (const [key, value] of entries) if (value !== undefined) out.push({ key, value });
  return { kind: 'map', entries: out };
}

/** Addresses, single-quoted: flow style when short (Prometheus docs style), block when long. */
export function addressList(addresses: readonly string[]): YSeq {
  const quotedItems = addresses.map(singleQuoted);
  const width = addresses.reduce((n, a) => n + a.length + 4, 0);
  return addresses.length <= 3 && width <= 60 ? flowSeq(quotedItems) : blockSeq(quotedItems);
}

/** Attaches comment lines (without the leading `#`) above a node. */
export function withComment<T extends YNode>(node: T, comment: string): T {
  node.comment = node.comment ? `${comment}\n${node.comment}` : comment;
  return node;
}

// ---- emitter ---------------------------------------------------------------------------------

const pad = (n: number) => ' '.repeat(n);
const isNode = (v: YValue): v is YNode => typeof v === 'object';

function commentLines(comment: string | undefined, indent: number, out: string[]): void {
  if (comment === undefined) return;
  for (const line of comment.split('\n')) out.push(`${pad(indent)}#${line}`);
}

function rawText(node: RawNode): string[] {
  const text = new Document(node).toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false });
  return text.replace(/\n+$/, '').split('\n');
}

function flowText(seq: YSeq): string {
  return `[${seq.items.map((i) => (isNode(i) ? (i.kind === 'scalar' ? scalarText(i.value, i.style) : '') : scalarText(i, undefined, true))).join(', ')}]`;
}

function keyText(key: string | YScalar): string {
  return typeof key === 'string' ? scalarText(key) : scalarText(key.value, key.style);
}

/** Writes `value` after `head` (`key:` or `-`), children at `indent`. */
function emitAfter(head: string, value: YValue, indent: number, out: string[], seqItem: boolean): void {
  const at = pad(indent - 2);
  if (!isNode(value) || value.kind === 'scalar') {
    const v = isNode(value) ? value.value : value;
    const literal = typeof v === 'string' && !(isNode(value) && value.style) ? blockLiteral(v) : undefined;
    if (literal) {
      out.push(`${at}${head} ${literal.header}`);
      for (const line of literal.lines) out.push(line ? `${pad(indent)}${line}` : '');
    } else {
      out.push(`${at}${head} ${isNode(value) ? scalarText(value.value, value.style) : scalarText(value)}`);
    }
    return;
  }
  if (value.kind === 'raw') {
    const lines = rawText(value.node);
    const block = (isMap(value.node) || isSeq(value.node)) && !(value.node as RawMap | RawSeq).flow && (value.node as RawMap | RawSeq).items.length > 0;
    if (block && seqItem) {
      let i = 0;
      for (; i < lines.length && (lines[i]!.startsWith('#') || lines[i] === ''); i++) out.push(lines[i] ? `${at}${lines[i]}` : '');
      out.push(`${at}${head} ${lines[i] ?? ''}`);
      for (const line of lines.slice(i + 1)) out.push(line ? `${pad(indent)}${line}` : '');
    } else if (block) {
      out.push(`${at}${head}`);
      for (const line of lines) out.push(line ? `${pad(indent)}${line}` : '');
    } else {
      out.push(`${at}${head} ${lines[0] ?? ''}`);
      for (const line of lines.slice(1)) out.push(line ? `${pad(indent - 2)}${line}` : '');
    }
    return;
  }
  if (value.kind === 'seq' && (value.flow || value.items.length === 0)) {
    out.push(`${at}${head} ${flowText(value)}`);
    return;
  }
  if (value.kind === 'map' && value.entries.length === 0) {
    out.push(`${at}${head} {}`);
    return;
  }
  if (seqItem && value.kind === 'map') {
    const lines: string[] = [];
    emitMap(value, indent, lines);
    out.push(`${at}${head} ${lines[0]!.slice(indent)}`, ...lines.slice(1));
    return;
  }
  out.push(`${at}${head}`);
  commentLines(value.comment, indent, out);
  if (value.kind === 'map') emitMap(value, indent, out);
  else emitSeq(value, indent, out);
}

function emitMap(map: YMap, indent: number, out: string[]): void {
  for (const { key, value } of map.entries) emitAfter(`${keyText(key)}:`, value, indent + 2, out, false);
}

function emitSeq(seq: YSeq, indent: number, out: string[]): void {
  for (const item of seq.items) {
    if (isNode(item) && item.kind !== 'seq') commentLines(item.comment, indent, out);
    emitAfter('-', item, indent + 2, out, true);
  }
}

/** Renders a map as a YAML document with an optional header comment; always ends with one newline. */
export function toYamlText(root: YMap, header?: string): string {
  const out: string[] = [];
  if (header) {
    commentLines(header.split('\n').map((l) => (l ? ` ${l}` : '')).join('\n'), 0, out);
    out.push('');
  }
  commentLines(root.comment, 0, out);
  emitMap(root, 0, out);
  return `${out.join('\n')}\n`;
}
