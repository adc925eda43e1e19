// kill -9 during export and save at seeded random moments: after every kill the path holds one
// complete result (the previous one or the new one, never a mix or a part), and after the next run
// nothing is left beside it. Then concurrent writers: processes exporting to one folder and saving
// one file at once end as exactly one complete result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/services/bundleWriter.ts';
import { listWithBundles } from '../../electron/services/bundleListing.ts';
import { saveDocument } from '../../electron/services/documents.ts';
import { prng } from './fuzzEngine.ts';
import { buildWriterChild, exited, figure, sameFiles, snapshot, startChild, tempDir, twoDocuments } from './support.ts';
import { rmSync } from 'node:fs';

const TRIALS = 10;
const work = tempDir('kill');
let child = '';
let docs: ReturnType<typeof twoDocuments>;
beforeAll(async () => {
  child = await buildWriterChild(work);
  docs = twoDocuments(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9', () => {
  it(`during export, ${TRIALS} times: the bundle is always one complete version, and the next export leaves no junk`, async () => {
    const random = prng(19);
    const dir = join(work, 'export');
    const out = join(dir, 'bundle');
    expect((await exportBundle({ document: docs.texts[1] ?? '', outDir: out }, { checkWithPromtool: false })).ok).toBe(true);
    let intact = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const p = await startChild(child, ['export', out, docs.a, docs.b]);
      const done = exited(p);
      await sleep(Math.floor(random() * 400));
      p.kill('SIGKILL');
      await done;
      const now = snapshot(out);
      const whole = docs.bundles.some((b) => sameFiles(now, b));
      expect(whole, `trial ${trial}: ${[...now.keys()].length} files, matches neither bundle`).toBe(true);
      if (whole) intact++;
    }
    const next = await exportBundle({ document: docs.texts[0] ?? '', outDir: out }, { checkWithPromtool: false });
    expect(next.ok).toBe(true);
    expect(listWithBundles(dir)).toEqual(['bundle']);
    expect(sameFiles(snapshot(out), docs.bundles[0] ?? new Map())).toBe(true);
    figure('kill -9 during export', TRIALS, intact, 'kill trials intact');
  });

  it(`during save, ${TRIALS} times: the file always holds one whole document, and the next save leaves no temp file`, async () => {
    const random = prng(20);
    const dir = join(work, 'save');
    const file = join(dir, 'doc.promtopo.json');
    await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }));
    await import('node:fs').then((fs) => fs.writeFileSync(file, docs.texts[1] ?? ''));
    let intact = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const p = await startChild(child, ['save', file, docs.a, docs.b]);
      const done = exited(p);
      await sleep(Math.floor(random() * 150));
      p.kill('SIGKILL');
      await done;
      const text = readFileSync(file, 'utf8');
      const whole = docs.texts.includes(text);
      expect(whole, `trial ${trial}: the file holds ${text.length} characters of neither document`).toBe(true);
      if (whole) intact++;
    }
    expect((await saveDocument({ path: file, document: docs.texts[1] ?? '', overwrite: true })).ok).toBe(true);
    expect(listWithBundles(dir)).toEqual(['doc.promtopo.json']);
    figure('kill -9 during save', TRIALS, intact, 'kill trials intact');
  });
});

describe('concurrent writers', () => {
  it('3 processes exporting to one folder at once: one complete bundle, nothing left beside it', async () => {
    const dir = join(work, 'concurrent-export');
    const out = join(dir, 'bundle');
    const children = await Promise.all([0, 1, 2].map(() => startChild(child, ['export', out, docs.a, docs.b, '--once'])));
    const results = await Promise.all(children.map(exited));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(docs.bundles.some((b) => sameFiles(snapshot(out), b))).toBe(true);
    expect(listWithBundles(dir)).toEqual(['bundle']);
  });

  it('5 processes saving one file at once: one whole document, no temp file', async () => {
    const dir = join(work, 'concurrent-save');
    await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }));
    const file = join(dir, 'doc.promtopo.json');
    const children = await Promise.all([0, 1, 2, 3, 4].map(() => startChild(child, ['save', file, docs.a, docs.b, '--once'])));
    const results = await Promise.all(children.map(exited));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(docs.texts).toContain(readFileSync(file, 'utf8'));
    expect(listWithBundles(dir)).toEqual(['doc.promtopo.json']);
  });
});

describe('the swap window', () => {
  it('a reader polling between every step of 20 exports always finds a complete bundle at the path', async () => {
    const dir = join(work, 'swap');
    const out = join(dir, 'bundle');
    expect((await exportBundle({ document: docs.texts[0] ?? '', outDir: out }, { checkWithPromtool: false })).ok).toBe(true);
    let looks = 0;
    let missing = 0;
    let running = true;
    const reader = (async () => {
      while (running) {
        looks++;
        try {
          readFileSync(join(out, 'topology.promtopo.json'), 'utf8');
        } catch {
          missing++;
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 20; i++) {
      expect((await exportBundle({ document: docs.texts[i % 2] ?? '', outDir: out }, { checkWithPromtool: false })).ok).toBe(true);
    }
    running = false;
    await reader;
    expect(looks).toBeGreaterThan(20);
    expect(missing).toBe(0);
    expect(listWithBundles(dir)).toEqual(['bundle']);
    figure('reads during 20 exports', looks, looks - missing, 'found a complete bundle');
  });
});
