/**
 * docs/diagnostics.md and the code agree: every code the validator (and parseTopology, and export) can emit has a
 * row, every row's code is emitted, and where the source states the severity next to the code, the
 * row says the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const sources = [
  ...readdirSync(join(root, 'src/validate'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'testBuilders.ts')
    .map((f) => join(root, 'src/validate', f)),
  join(root, 'src/model/document.ts'),
  // Export adds what promtool could not check.
  join(root, 'electron/services/bundleWriter.ts'),
];
const sourceText = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
const codeRe = /'([a-z0-9-]+\/[a-z0-9-]+)'/g;
const emitted = new Set([...sourceText.matchAll(codeRe)].map((m) => m[1] as string));
const stated = new Map<string, Set<string>>();
for (const m of sourceText.matchAll(/'([a-z0-9-]+\/[a-z0-9-]+)',\s*'(error|warning|info)'/g)) {
  const set = stated.get(m[1] as string) ?? new Set<string>();
  set.add(m[2] as string);
  stated.set(m[1] as string, set);
}

const doc = readFileSync(join(root, 'docs/diagnostics.md'), 'utf8');
const rows = new Map<string, string>();
for (const m of doc.matchAll(/^\| `([a-z0-9-]+\/[a-z0-9-]+)` \| (error|warning|info) \|/gm)) rows.set(m[1] as string, m[2] as string);

describe('docs/diagnostics.md', () => {
  it('found the codes in the sources and the rows in the document', () => {
    expect(emitted.size).toBeGreaterThan(50);
    expect(rows.size).toBeGreaterThan(50);
  });

  it('has a row for every emitted code', () => {
    expect([...emitted].filter((c) => !rows.has(c)).sort()).toEqual([]);
  });

  it('documents no code that is never emitted', () => {
    expect([...rows.keys()].filter((c) => !emitted.has(c)).sort()).toEqual([]);
  });

  it('gives each code the severity the source gives it', () => {
    const wrong = [...stated].filter(([code, severities]) => severities.size !== 1 || !severities.has(rows.get(code) ?? '?'));
    expect(wrong.map(([code, s]) => `${code}: source ${[...s].join('/')}, doc ${rows.get(code)}`)).toEqual([]);
  });
});
