/** Every example topology in assets/examples opens and validates without errors. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/document.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';

const dir = join(import.meta.dirname, '../../assets/examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.promtopo.json')).sort();

describe('example topologies', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s has no validation errors', (file) => {
    const parsed = parseTopology(readFileSync(join(dir, file), 'utf8'), file);
    expect(parsed.ok ? [] : parsed.diagnostics).toEqual([]);
    if (!parsed.ok) return;
    const errors = validateTopology(parsed.topology).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});
