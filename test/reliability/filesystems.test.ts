// Full and read-only file systems, for real: small tmpfs mounts (this needs root; without it, or
// where mounting is not allowed, the suite fails and says why, it never skips). Export and save fail
// with a message that says what happened, the previous bundle or file stays intact, nothing is left.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/services/bundleWriter.ts';
import { listWithBundles } from '../../electron/services/bundleListing.ts';
import { saveDocument } from '../../electron/services/documents.ts';
import { figure, sameFiles, snapshot, tempDir, twoDocuments } from './support.ts';

const work = tempDir('fs');
const mounts: string[] = [];
let docs: ReturnType<typeof twoDocuments>;

function mountTmpfs(name: string, size: string): string {
  if (process.getuid?.() !== 0) throw new Error(`the file-system tests mount tmpfs and need root (uid is ${process.getuid?.()}); run npm test as root`);
  const dir = join(work, name);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`cannot mount a tmpfs on ${dir}: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}`);
  }
  mounts.push(dir);
  return dir;
}

beforeAll(() => {
  docs = twoDocuments(work);
});
afterAll(() => {
  for (const m of mounts.reverse()) execFileSync('umount', ['-l', m], { stdio: 'pipe' });
  rmSync(work, { recursive: true, force: true });
});

let tried = 0;
let held = 0;
afterAll(() => figure('full and read-only file systems', tried, held, 'failures with the previous result intact'));

describe('a full disk', () => {
  it('export: a clear message, the previous bundle intact, nothing left beside it', async () => {
    const fs = mountTmpfs('full-export', '96k');
    const out = join(fs, 'bundle');
    // A small first bundle fits; then the space is filled so the next one cannot.
    expect((await exportBundle({ document: docs.texts[0] ?? '', outDir: out }, { checkWithPromtool: false })).ok).toBe(true);
    const before = snapshot(out);
    try {
      writeFileSync(join(fs, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // ENOSPC: the filler took what was left.
    }
    tried++;
    const r = await exportBundle({ document: docs.texts[1] ?? '', outDir: out }, { checkWithPromtool: false });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/ENOSPC|no space|disk is full/i);
    expect(r.error).toContain('previous contents are unchanged');
    expect(sameFiles(snapshot(out), before)).toBe(true);
    expect(listWithBundles(fs).sort()).toEqual(['bundle', 'filler']);
    held++;
  });

  it('save: a clear message, the previous file intact, no temp file', async () => {
    const fs = mountTmpfs('full-save', '64k');
    const file = join(fs, 'doc.promtopo.json');
    writeFileSync(file, docs.texts[0] ?? '');
    try {
      writeFileSync(join(fs, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // full now
    }
    tried++;
    const big = JSON.stringify({ ...JSON.parse(docs.texts[1] ?? '{}'), description: 'x'.repeat(200_000) });
    const r = await saveDocument({ path: file, document: big, overwrite: true });
    expect(r.ok).toBe(false);
    expect(r.error).toContain('the disk is full');
    expect(readFileSync(file, 'utf8')).toBe(docs.texts[0]);
    expect(listWithBundles(fs).sort()).toEqual(['doc.promtopo.json', 'filler']);
    held++;
  });
});

describe('a read-only file system', () => {
  it('export and save fail clearly and change nothing', async () => {
    const fs = mountTmpfs('readonly', '1m');
    const out = join(fs, 'bundle');
    const file = join(fs, 'doc.promtopo.json');
    expect((await exportBundle({ document: docs.texts[0] ?? '', outDir: out }, { checkWithPromtool: false })).ok).toBe(true);
    writeFileSync(file, docs.texts[0] ?? '');
    const before = snapshot(out);
    execFileSync('mount', ['-o', 'remount,ro', fs], { stdio: 'pipe' });
    tried += 2;
    const r = await exportBundle({ document: docs.texts[1] ?? '', outDir: out }, { checkWithPromtool: false });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/EROFS|read-only/);
    expect(sameFiles(snapshot(out), before)).toBe(true);
    const s = await saveDocument({ path: file, document: docs.texts[1] ?? '', overwrite: true });
    expect(s.ok).toBe(false);
    expect(s.error).toContain('read-only');
    expect(readFileSync(file, 'utf8')).toBe(docs.texts[0]);
    expect(listWithBundles(fs).sort()).toEqual(['bundle', 'doc.promtopo.json']);
    held += 2;
  });
});
