/** Test material for the diff and report tests: the built-in examples and imports of real setups. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importConfigs } from '../../src/import/importConfigs.ts';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';

const examples = join(import.meta.dirname, '../../assets/examples');
const realConfigs = join(import.meta.dirname, '../../../shared/testdata/real-configs');

/** The names of the built-in examples (`federation`, `multi-dc`, ...). */
export function exampleNames(): string[] {
  return readdirSync(examples).filter((n) => n.endsWith('.promtopo.json')).map((n) => n.replace('.promtopo.json', '')).sort();
}

/** A built-in example, parsed. */
export function example(name: string): Topology {
  const parsed = parseTopology(readFileSync(join(examples, `${name}.promtopo.json`), 'utf8'), name);
  if (!parsed.ok) throw new Error(`example ${name} does not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

/** Imports every file under `real-configs/<dir>`; fails loudly when the test data is missing. */
export function importReal(dir: string): Topology {
  const base = join(realConfigs, dir);
  if (!existsSync(base)) throw new Error(`real configurations missing: ${base} (expected ../shared/testdata/real-configs next to the project)`);
  const files: { name: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.push({ name: relative(realConfigs, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(base);
  const result = importConfigs(files);
  if (!result.ok || !result.topology) throw new Error(`${dir} does not import: ${result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('; ')}`);
  return result.topology;
}

/** The document with `edit` applied to the node named `name` (which must exist). */
export function editNode(t: Topology, name: string, edit: (node: Record<string, unknown>) => Record<string, unknown>): Topology {
  if (!t.nodes.some((n) => n.name === name)) throw new Error(`no node named ${name}`);
  return { ...t, nodes: t.nodes.map((n) => (n.name === name ? (edit({ ...n }) as unknown as typeof n) : n)) };
}
