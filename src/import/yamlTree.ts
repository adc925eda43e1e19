/**
 * Reading one YAML text the way Prometheus' loader (go-yaml v2, strict) sees it, into a small plain
 * tree with line/column on every node. Guards first: size limit, binary content, alias bombs, syntax
 * errors. Duplicate keys are kept here and reported by decode.ts with go-yaml's wording (`field X
 * already set in type T`), which needs the Go type. Every scalar stays a string (failsafe schema) so that a field's Go
 * type decides how it is read (decode.ts), as in Go; `!!binary` scalars keep their bytes.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YNode } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import { bytesToGoString, decodeBase64 } from './goString.ts';
import { tooDeepMessage, yamlTooDeep } from '../validate/yamlNesting.ts';

/** Largest config or rule file accepted, in characters. Real prometheus.yml files are far smaller. */
export const MAX_IMPORT_FILE_CHARS = 5 * 1024 * 1024;
/** Alias expansions allowed per file (stops "billion laughs" alias bombs). */
export const MAX_ALIAS_COUNT = 100;
/** Nodes allowed per file after alias expansion. */
const MAX_NODES = 1_000_000;

/** 1-based place in the file. */
export interface Pos {
  readonly line: number;
  readonly col: number;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'folded';

export interface YamlScalar {
  readonly kind: 'scalar';
  readonly pos: Pos;
  /** The scalar's string value (for `!!binary`, the decoded bytes as a Go-like string). */
  readonly text: string;
  /** A plain empty, `~` or `null` scalar: Go's nil. */
  readonly isNull: boolean;
  readonly style: ScalarStyle;
  /** Source text of a `!!binary` scalar (base64), when the scalar had that tag. */
  readonly binarySource?: string;
}

export interface YamlEntry {
  readonly key: YamlScalar;
  readonly value: YamlNode;
}

export interface YamlMap {
  readonly kind: 'map';
  readonly pos: Pos;
  readonly entries: readonly YamlEntry[];
}

export interface YamlSeq {
  readonly kind: 'seq';
  readonly pos: Pos;
  readonly items: readonly YamlNode[];
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

export type YamlRead = { ok: true; root: YamlNode } | { ok: false; diagnostics: Diagnostic[] };

const nullWords = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Parses `text` (named `file` in messages). Never throws. */
export function readYaml(file: string, text: string): YamlRead {
  if (text.length > MAX_IMPORT_FILE_CHARS) {
    return fail(file, 'import/too-large', `${file}: the file is larger than ${MAX_IMPORT_FILE_CHARS / 1024 / 1024} MiB; not a Prometheus config`);
  }
  if (text.includes('\u0000')) {
    return fail(file, 'import/binary', `${file}: the file contains NUL bytes (binary content); expected YAML text`);
  }
  const deep = yamlTooDeep(text);
  if (deep) return fail(file, 'import/yaml', `${file}: ${tooDeepMessage(deep)}`, { line: deep.line, col: 1 });
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, lineCounter, prettyErrors: true, strict: true });
  } catch (e) {
    return fail(file, 'import/yaml', `${file}: cannot parse YAML (${e instanceof Error ? e.message : String(e)})`);
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line;
        const col = e.linePos?.[0]?.col;
        const where = line === undefined ? '' : `line ${line}, column ${col ?? 1}: `;
        const message = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
        return {
          code: 'import/yaml',
          severity: 'error' as const,
          message: `parsing YAML file ${file}: yaml: ${where}${message}`,
          at: { file, ...(line !== undefined ? { line, column: col ?? 1 } : {}) },
        };
      }),
    };
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail(file, 'import/alias-bomb', `${file}: YAML aliases expand too much (${detail}); refused`);
  }
  if (doc.contents === null) return { ok: true, root: { kind: 'map', pos: { line: 1, col: 1 }, entries: [] } };
  const budget = { nodes: 0 };
  try {
    return { ok: true, root: convert(doc, doc.contents as YNode, lineCounter, budget, 0) };
  } catch (e) {
    if (e instanceof TreeError) return fail(file, e.code, `${file}:${e.pos.line}:${e.pos.col}: ${e.message}`, e.pos);
    throw e;
  }
}

class TreeError extends Error {
  constructor(readonly code: string, message: string, readonly pos: Pos) {
    super(message);
  }
}

function posOf(node: YNode, lc: LineCounter): Pos {
  const start = node.range?.[0] ?? 0;
  const p = lc.linePos(start);
  return { line: p.line, col: p.col };
}

function convert(doc: Document.Parsed, node: YNode, lc: LineCounter, budget: { nodes: number }, depth: number): YamlNode {
  budget.nodes++;
  if (budget.nodes > MAX_NODES || depth > 200) {
    throw new TreeError('import/alias-bomb', 'the YAML is too large or too deeply nested after alias expansion; refused', posOf(node, lc));
  }
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) throw new TreeError('import/yaml', `unknown alias *${node.source}`, posOf(node, lc));
    return convert(doc, target as YNode, lc, budget, depth + 1);
  }
  const pos = posOf(node, lc);
  if (isScalar(node)) return scalarOf(node, pos);
  if (isSeq(node)) {
    return { kind: 'seq', pos, items: node.items.map((item) => convert(doc, item as YNode, lc, budget, depth + 1)) };
  }
  if (isMap(node)) {
    const entries: YamlEntry[] = [];
    const merged: YamlEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YNode | null;
      const key = keyNode === null ? undefined : convert(doc, keyNode, lc, budget, depth + 1);
      if (!key || key.kind !== 'scalar') {
        throw new TreeError('import/yaml', 'mapping keys must be plain scalars', key?.pos ?? pos);
      }
      const value: YamlNode = pair.value === null || pair.value === undefined
        ? { kind: 'scalar', pos: key.pos, text: '', isNull: true, style: 'plain' }
        : convert(doc, pair.value as YNode, lc, budget, depth + 1);
      if (key.text === '<<' && key.style === 'plain') {
        // YAML merge key (go-yaml v2 honours it): the merged map's keys come after the explicit ones.
        const sources = value.kind === 'seq' ? value.items : [value];
        for (const source of sources) {
          if (source.kind !== 'map') throw new TreeError('import/yaml', 'map merge requires map or sequence of maps as the value', source.pos);
          merged.push(...source.entries);
        }
        continue;
      }
      entries.push({ key, value });
    }
    const explicit = new Set(entries.map((e) => e.key.text));
    for (const entry of merged) {
      if (!explicit.has(entry.key.text)) {
        explicit.add(entry.key.text);
        entries.push(entry);
      }
    }
    return { kind: 'map', pos, entries };
  }
  throw new TreeError('import/yaml', 'unsupported YAML node', pos);
}

function scalarOf(node: YNode & { value?: unknown; type?: string; tag?: string; source?: string }, pos: Pos): YamlScalar {
  const style = styleOf(node.type);
  if (node.tag === 'tag:yaml.org,2002:binary') {
    // go-yaml decodes with Go's strict standard base64 (line breaks ignored); the yaml package is lax.
    const source = String(node.source ?? '');
    const bytes = decodeBase64(source.replace(/[\r\n]/g, ''));
    if (!bytes) throw new TreeError('import/type', '!!binary value contains invalid base64 data', pos);
    return { kind: 'scalar', pos, text: bytesToGoString(bytes), isNull: false, style, binarySource: source };
  }
  const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
  return { kind: 'scalar', pos, text, isNull: style === 'plain' && nullWords.has(text), style };
}

function styleOf(type: string | undefined): ScalarStyle {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'block';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}

function fail(file: string, code: string, message: string, pos?: Pos): { ok: false; diagnostics: Diagnostic[] } {
  return {
    ok: false,
    diagnostics: [{ code, severity: 'error', message, at: { file, ...(pos ? { line: pos.line, column: pos.col } : {}) } }],
  };
}
