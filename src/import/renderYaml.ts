/**
 * Writes parts of an imported file back as YAML text (for `extraConfig` / `extraScrapeConfigs`),
 * keeping each scalar's quoting so `true`, `10`, `'10'` mean to Prometheus what they meant before.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { YamlEntry, YamlNode } from './yamlTree.ts';

const scalarTypes = {
  plain: Scalar.PLAIN,
  single: Scalar.QUOTE_SINGLE,
  double: Scalar.QUOTE_DOUBLE,
  block: Scalar.BLOCK_LITERAL,
  folded: Scalar.BLOCK_FOLDED,
} as const;

function toNode(node: YamlNode): unknown {
  if (node.kind === 'map') {
    const map = new YAMLMap();
    // items.push, not add(): add() throws on a duplicate key (they are reported, never rendered).
    for (const e of node.entries) map.items.push(new Pair(toNode(e.key), toNode(e.value)));
    return map;
  }
  if (node.kind === 'seq') {
    const seq = new YAMLSeq();
    for (const item of node.items) seq.items.push(toNode(item));
    return seq;
  }
  if (node.isNull) return new Scalar(null);
  if (node.binarySource !== undefined) {
    // `!!binary` is written back as its decoded text (valid UTF-8 is all Prometheus accepts there).
    const s = new Scalar(node.text);
    s.type = Scalar.QUOTE_DOUBLE;
    return s;
  }
  const s = new Scalar(node.text);
  s.type = scalarTypes[node.style];
  return s;
}

function text(contents: unknown): string {
  const doc = new Document(null, { schema: 'failsafe', customTags: ['null'] });
  doc.contents = contents as never;
  return doc.toString({ indent: 2, lineWidth: 0, indentSeq: true });
}

/** A mapping made of these entries, as YAML text. */
export function entriesToYaml(entries: readonly YamlEntry[]): string {
  return text(toNode({ kind: 'map', pos: { line: 1, col: 1 }, entries }));
}

/** A list of these nodes, as YAML text. */
export function nodesToYaml(nodes: readonly YamlNode[]): string {
  return text(toNode({ kind: 'seq', pos: { line: 1, col: 1 }, items: nodes }));
}

/** A synthetic entry `key: value` (for building extraConfig sections). */
export function entry(key: string, value: YamlNode): YamlEntry {
  return { key: { kind: 'scalar', pos: value.pos, text: key, isNull: false, style: 'plain' }, value };
}

/** A synthetic mapping / sequence node. */
export function mapNode(entries: readonly YamlEntry[]): YamlNode {
  return { kind: 'map', pos: entries[0]?.value.pos ?? { line: 1, col: 1 }, entries };
}
export function seqNode(items: readonly YamlNode[]): YamlNode {
  return { kind: 'seq', pos: items[0]?.pos ?? { line: 1, col: 1 }, items };
}
export function stringNode(text: string): YamlNode {
  return { kind: 'scalar', pos: { line: 1, col: 1 }, text, isNull: false, style: 'plain' };
}
