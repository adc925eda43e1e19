// The nesting scan against real YAML: Prometheus' own test configs and real configurations.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { yamlTooDeep } from '../../src/validate/yamlNesting.ts';

/** The real depth of a parsed document (iterative walk). */
function realDepth(text: string): number {
  const doc = parseDocument(text, { uniqueKeys: false });
  let max = 0;
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length) {
    const [node, d] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    const items = (node as { items?: unknown[] }).items;
    if (!Array.isArray(items)) continue;
    max = Math.max(max, d);
    for (const it of items) {
      if (it && typeof it === 'object' && 'value' in it) stack.push([(it as { value: unknown }).value, d + 1], [(it as unknown as { key: unknown }).key, d + 1]);
      else stack.push([it, d + 1]);
    }
  }
  return max;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe('yamlTooDeep on real files', () => {
  it("accepts every YAML file of Prometheus' own tests and the real configs, and never counts less than half their depth", () => {
    const dir = join(new URL('../..', import.meta.url).pathname, '../shared/testdata');
    const files = yamlFiles(dir);
    expect(files.length).toBeGreaterThan(200);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(yamlTooDeep(text), f).toBeUndefined();
      const depth = realDepth(text);
      // A sequence may sit at its key's indentation, so one level of text can hold two of the tree.
      const half = Math.ceil(depth / 2) - 1;
      if (half >= 1) expect(yamlTooDeep(text, half), f).toBeDefined();
    }
  });
});
