/**
 * Reading the FILE argument of a command: an unreadable path (missing, a folder, too large) is a usage
 * problem (exit 2); a readable file that is not a valid topology gives diagnostics (exit 1).
 */
import { basename } from 'node:path';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { Topology } from '../../src/model/types.ts';
import { openDocument } from '../services/documents.ts';
import { parseTopology } from '../../src/model/document.ts';

export type TopologyFile =
  | { kind: 'ok'; file: string; topology: Topology }
  | { kind: 'invalid'; file: string; diagnostics: Diagnostic[] }
  | { kind: 'unreadable'; file: string; error: string };

/** Opens and parses `path`; `file` in the result is the name used in messages. */
export async function readTopologyFile(path: string): Promise<TopologyFile> {
  const file = basename(path);
  const opened = await openDocument({ path });
  if (opened.ok && opened.text !== undefined) {
    const parsed = parseTopology(opened.text, file);
    if (parsed.ok) return { kind: 'ok', file, topology: parsed.topology };
    return { kind: 'invalid', file, diagnostics: parsed.diagnostics };
  }
  const first = opened.diagnostics[0];
  if (first && (first.code === 'file/unreadable' || first.code === 'file/too-large')) {
    return { kind: 'unreadable', file, error: `${path}: ${first.message.slice(opened.path.length + 2)}` };
  }
  return { kind: 'invalid', file, diagnostics: opened.diagnostics };
}
