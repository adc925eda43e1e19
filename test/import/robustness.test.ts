/**
 * importConfigs never throws: truncations and seeded line deletions/duplications of Prometheus'
 * biggest test config give a result (a topology or diagnostics naming the file), never an exception.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConfigs } from '../../src/import/importConfigs.ts';

const conf = readFileSync(join(import.meta.dirname, '../../../shared/testdata/prometheus-config/conf.good.yml'), 'utf8');
const lines = conf.split('\n');

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(seed: number): string {
  const rnd = random(seed);
  const out = [...lines];
  for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
    const i = Math.floor(rnd() * out.length);
    const op = rnd();
    if (op < 0.4) out.splice(i, 1);
    else if (op < 0.7) out.splice(i, 0, out[i] ?? '');
    else out[i] = `${out[i] ?? ''}`.replace(/^ {2}/, '');
  }
  return out.join('\n');
}

describe('importConfigs never throws on damaged input', () => {
  it('truncations (every 15th line)', { timeout: 120_000 }, () => {
    for (let n = 0; n <= lines.length; n += 15) {
      const r = importConfigs([{ name: 'c.yml', text: lines.slice(0, n).join('\n') }]);
      expect(r.ok || r.diagnostics.some((d) => d.severity === 'error' && d.message.includes('c.yml'))).toBe(true);
    }
  });

  it('60 seeded line deletions, duplications and dedents', { timeout: 120_000 }, () => {
    let rejected = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = importConfigs([{ name: 'c.yml', text: mutate(seed) }]);
      if (!r.ok) {
        rejected++;
        expect(r.diagnostics.some((d) => d.severity === 'error' && d.message.includes('c.yml'))).toBe(true);
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });
});
