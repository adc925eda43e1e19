/**
 * Strict, typed reading of the YAML tree, as go-yaml v2's UnmarshalStrict does for Prometheus'
 * config structs: unknown and duplicate keys are errors naming the Go type, scalars are converted to
 * the field's type (bool, duration, uint, string) with go-yaml's wording. Messages carry Prometheus'
 * own text, with the file and the line/column, so users can search for them.
 */
import type { Diagnostic, Severity } from '../model/diagnostic.ts';
import { parseDuration } from '../model/duration.ts';
import { goQuote, isValidUtf8 } from './goString.ts';
import type { Pos, YamlMap, YamlNode, YamlScalar } from './yamlTree.ts';

/** Where decoding reports its findings. */
export interface DecodeContext {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
}

export function report(ctx: DecodeContext, pos: Pos, code: string, message: string, severity: Severity = 'error', hint?: string): void {
  ctx.diagnostics.push({
    code,
    severity,
    message: severity === 'error' ? errorText(ctx.file, pos, code, message) : `${ctx.file}:${pos.line}: ${message}`,
    ...(hint ? { hint } : {}),
    at: { file: ctx.file, line: pos.line, column: pos.col },
  });
}

const yamlCodes = new Set(['import/unknown-field', 'import/duplicate-key', 'import/type']);

/**
 * Worded as `promtool check config` prints it (`parsing YAML file F: ...`), so Prometheus' own text is
 * found verbatim; go-yaml's typed errors keep their `yaml: unmarshal errors: line N:` form.
 */
function errorText(file: string, pos: Pos, code: string, message: string): string {
  return yamlCodes.has(code)
    ? `parsing YAML file ${file}: yaml: unmarshal errors: line ${pos.line}: ${message}`
    : `parsing YAML file ${file}: ${message} (line ${pos.line}, column ${pos.col})`;
}

/** A config error with Prometheus' message. */
export function configError(ctx: DecodeContext, pos: Pos, message: string): void {
  report(ctx, pos, 'import/invalid-config', message);
}

/** go-yaml's tag word for a node (`!!map`, `!!seq`, `!!str`). */
function tagOf(node: YamlNode): string {
  if (node.kind === 'map') return '!!map';
  if (node.kind === 'seq') return '!!seq';
  return node.isNull ? '!!null' : '!!str';
}

function cannotUnmarshal(ctx: DecodeContext, node: YamlNode, into: string): void {
  const shown = node.kind === 'scalar' ? ` \`${node.text}\`` : '';
  report(ctx, node.pos, 'import/type', `cannot unmarshal ${tagOf(node)}${shown} into ${into}`);
}

export function isNull(node: YamlNode | undefined): boolean {
  return node === undefined || (node.kind === 'scalar' && node.isNull);
}

/** The fields of a struct-typed mapping, by key; unknown and duplicate keys reported. Null -> empty. */
export function readStruct(ctx: DecodeContext, node: YamlNode, typeName: string, known: ReadonlySet<string>): Map<string, YamlNode> | undefined {
  const fields = new Map<string, YamlNode>();
  if (isNull(node)) return fields;
  if (node.kind !== 'map') {
    cannotUnmarshal(ctx, node, typeName);
    return undefined;
  }
  for (const { key, value } of node.entries) {
    if (fields.has(key.text)) {
      report(ctx, key.pos, 'import/duplicate-key', `field ${key.text} already set in type ${typeName}`);
      continue;
    }
    if (!known.has(key.text)) {
      report(ctx, key.pos, 'import/unknown-field', `field ${key.text} not found in type ${typeName}`);
      continue;
    }
    fields.set(key.text, value);
  }
  return fields;
}

/** Entries of a map-typed value (`map[string]...`), duplicates reported as go-yaml does. */
export function readMapEntries(ctx: DecodeContext, node: YamlNode, typeName: string): { key: YamlScalar; value: YamlNode }[] | undefined {
  if (isNull(node)) return [];
  if (node.kind !== 'map') {
    cannotUnmarshal(ctx, node, typeName);
    return undefined;
  }
  const seen = new Set<string>();
  const out: { key: YamlScalar; value: YamlNode }[] = [];
  for (const entry of node.entries) {
    if (seen.has(entry.key.text)) {
      report(ctx, entry.key.pos, 'import/duplicate-key', `key ${goQuote(entry.key.text)} already set in map`);
      continue;
    }
    seen.add(entry.key.text);
    out.push(entry);
  }
  return out;
}

export function readString(ctx: DecodeContext, node: YamlNode): string | undefined {
  if (node.kind !== 'scalar') {
    cannotUnmarshal(ctx, node, 'string');
    return undefined;
  }
  return node.isNull ? '' : node.text;
}

const trueWords = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const falseWords = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

export function readBool(ctx: DecodeContext, node: YamlNode): boolean | undefined {
  if (node.kind === 'scalar' && node.isNull) return false;
  if (node.kind === 'scalar' && node.style === 'plain') {
    if (trueWords.has(node.text)) return true;
    if (falseWords.has(node.text)) return false;
  }
  cannotUnmarshal(ctx, node, 'bool');
  return undefined;
}

/** An unsigned integer (`modulus`, limits). */
export function readUint(ctx: DecodeContext, node: YamlNode): number | undefined {
  if (node.kind === 'scalar' && node.isNull) return 0;
  if (node.kind === 'scalar' && node.style === 'plain' && /^\+?\d+$/.test(node.text)) return Number(node.text);
  cannotUnmarshal(ctx, node, 'uint64');
  return undefined;
}

/** A Prometheus duration, kept as written; errors read `not a valid duration string: "x"`. */
export function readDuration(ctx: DecodeContext, node: YamlNode): { text: string; ms: number } | undefined {
  const text = readString(ctx, node);
  if (text === undefined) return undefined;
  if (text === '' && isNull(node)) return { text: '0s', ms: 0 };
  const parsed = parseDuration(text);
  if (!parsed.ok) {
    report(ctx, node.pos, 'import/duration', parsed.error);
    return undefined;
  }
  return { text, ms: parsed.ms };
}

/** A list of strings (`targets`, `rule_files`, `source_labels`); null -> []. */
export function readStringList(ctx: DecodeContext, node: YamlNode): string[] | undefined {
  if (isNull(node)) return [];
  if (node.kind !== 'seq') {
    cannotUnmarshal(ctx, node, '[]string');
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items) {
    const s = readString(ctx, item);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** A sequence; null -> []. */
export function readSeq(ctx: DecodeContext, node: YamlNode, typeName: string): readonly YamlNode[] | undefined {
  if (isNull(node)) return [];
  if (node.kind !== 'seq') {
    cannotUnmarshal(ctx, node, typeName);
    return undefined;
  }
  return node.items;
}

/** Which label names Prometheus accepts: 3.x default `utf8`, or `legacy` ([a-zA-Z_][a-zA-Z0-9_]*). */
export type NameValidation = 'utf8' | 'legacy';

const legacyLabelNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isValidLabelNameFor(name: string, scheme: NameValidation): boolean {
  if (scheme === 'legacy') return legacyLabelNameRe.test(name);
  return name.length > 0 && isValidUtf8(name);
}

/**
 * A label set (external labels, static config labels): names and values checked as Prometheus does
 * (`"\xff" is not a valid label name`, `... is not a valid label value`).
 */
export function readLabels(ctx: DecodeContext, node: YamlNode, scheme: NameValidation): Record<string, string> | undefined {
  const entries = readMapEntries(ctx, node, 'map[string]string');
  if (!entries) return undefined;
  const out: Record<string, string> = {};
  let ok = true;
  for (const { key, value } of entries) {
    if (!isValidLabelNameFor(key.text, scheme)) {
      configError(ctx, key.pos, `${goQuote(key.text)} is not a valid label name`);
      ok = false;
      continue;
    }
    const text = readString(ctx, value);
    if (text === undefined) {
      ok = false;
      continue;
    }
    if (!isValidUtf8(text)) {
      configError(ctx, value.pos, `${goQuote(text)} is not a valid label value`);
      ok = false;
      continue;
    }
    out[key.text] = text;
  }
  return ok ? out : undefined;
}

/** A map node's entries in order, as `[key, value]` (for verbatim keeping). */
export function mapOf(entries: ReadonlyMap<string, YamlNode>, keys: readonly string[]): YamlMap | undefined {
  const picked = keys.filter((k) => entries.has(k));
  if (picked.length === 0) return undefined;
  const first = entries.get(picked[0] ?? '');
  return {
    kind: 'map',
    pos: first?.pos ?? { line: 1, col: 1 },
    entries: picked.map((k) => {
      const value = entries.get(k) as YamlNode;
      return { key: { kind: 'scalar', pos: value.pos, text: k, isNull: false, style: 'plain' }, value };
    }),
  };
}
