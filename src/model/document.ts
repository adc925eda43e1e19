/**
 * Reading and writing `*.promtopo.json`: JSON text -> validated Topology (with migration), and the
 * canonical serialization (2-space JSON, schema key order, trailing newline) so saved files diff well.
 */
import { z } from 'zod';
import type { Diagnostic } from './diagnostic.ts';
import { FORMAT, FORMAT_VERSION, TopologySchema } from './schema.ts';
import type { Topology } from './types.ts';

export type ParseResult = { ok: true; topology: Topology; migratedFrom?: number } | { ok: false; diagnostics: Diagnostic[] };

/** Largest document we accept (bytes of text); bigger files are refused before parsing. */
export const MAX_DOCUMENT_CHARS = 50 * 1024 * 1024;

/** Parses document text. `file` names the file in messages. Never throws. */
export function parseTopology(text: string, file = 'topology'): ParseResult {
  if (text.length > MAX_DOCUMENT_CHARS) {
    return fail('file/too-large', `${file}: the file is larger than ${MAX_DOCUMENT_CHARS / 1024 / 1024} MiB`, file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail('file/json', `${file}: not valid JSON (${detail})`, file, 'Is this a .promtopo.json file?');
  }
  return parseTopologyValue(json, file);
}

/** Validates an already-parsed JSON value against the schema, migrating older versions. */
export function parseTopologyValue(json: unknown, file = 'topology'): ParseResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('file/not-topology', `${file}: expected a JSON object with "format": "${FORMAT}"`, file);
  }
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== FORMAT) {
    return fail('file/not-topology', `${file}: "format" must be "${FORMAT}" (found ${JSON.stringify(head.format)})`, file,
      'PromTopo documents start with {"format": "promtopo", "version": 1}. To bring in prometheus.yml files use Import.');
  }
  const migrated = migrate(json as Record<string, unknown>, file);
  if (!migrated.ok) return migrated;
  const parsed = TopologySchema.safeParse(migrated.value);
  if (!parsed.success) {
    return { ok: false, diagnostics: parsed.error.issues.map((issue) => schemaDiagnostic(issue, file)) };
  }
  return migrated.from === undefined
    ? { ok: true, topology: parsed.data }
    : { ok: true, topology: parsed.data, migratedFrom: migrated.from };
}

type Migration = { ok: true; value: unknown; from?: number } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Brings an older document up to FORMAT_VERSION. Version 1 is the first, so this is the place where
 * `case 1: value = v1ToV2(value)` steps will go; newer versions are refused with a clear message.
 */
function migrate(value: Record<string, unknown>, file: string): Migration {
  const version = value.version;
  if (version === FORMAT_VERSION) return { ok: true, value };
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    return fail('file/version', `${file}: format version ${version} is newer than this PromTopo understands (${FORMAT_VERSION})`, file,
      'Update PromTopo to open this file.');
  }
  return fail('file/version', `${file}: unknown format version ${JSON.stringify(version)}`, file);
}

function schemaDiagnostic(issue: z.core.$ZodIssue, file: string): Diagnostic {
  const field = formatPath(issue.path);
  return {
    code: 'schema/invalid',
    severity: 'error',
    message: `${file}: ${field || '(document)'}: ${issue.message}`,
    at: { file, ...(field ? { field } : {}) },
  };
}

/** `['nodes', 3, 'name']` -> `nodes[3].name` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function fail(code: string, message: string, file: string, hint?: string): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [{ code, severity: 'error', message, ...(hint ? { hint } : {}), at: { file } }] };
}

/** Canonical text of a document: schema-normalised, 2-space JSON, trailing newline. */
export function serializeTopology(topology: Topology): string {
  return `${JSON.stringify(TopologySchema.parse(topology), null, 2)}\n`;
}

/** An empty document. */
export function emptyTopology(name = 'Untitled topology'): Topology {
  return { format: FORMAT, version: FORMAT_VERSION, name, settings: {}, nodes: [], edges: [] };
}
