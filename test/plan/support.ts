/** Material for the planning tests: the built-in examples and real configurations imported from ../shared/testdata. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importConfigs } from '../../src/import/importConfigs.ts';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';

const examples = join(import.meta.dirname, '../../assets/examples');
export const realConfigs = join(import.meta.dirname, '../../../shared/testdata/real-configs');

export function example(name: string): Topology {
  const file = `${name}.promtopo.json`;
  const parsed = parseTopology(readFileSync(join(examples, file), 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

/** A real setup of ../shared/testdata/real-configs, imported; fails loudly when the folder is missing. */
export function importedReal(setup: string): Topology {
  const dir = join(realConfigs, setup);
  if (!existsSync(dir)) throw new Error(`real configuration missing: ${dir} (expected ../shared/testdata/real-configs next to the project)`);
  const files = filesUnder(dir).map((p) => ({ name: relative(dir, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));
  const result = importConfigs(files);
  if (!result.topology) throw new Error(`${setup}: import gave no topology: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.topology;
}

/** Error diagnostics as readable lines (an empty list is a document that validates). */
export function errorsOf(t: Topology): string[] {
  return validateTopology(t).filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

/** Diagnostic codes of a document, sorted, without repeats. */
export function codesOf(t: Topology): string[] {
  return [...new Set(validateTopology(t).map((d) => d.code))].sort();
}
