import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listWithBundles } from './bundleListing.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_MARKER } from '../../src/generate/bundle.ts';
import type { BundleFile } from '../../src/generate/bundle.ts';
import { writeFolderAtomically } from './bundleFs.ts';

const root = mkdtempSync(join(tmpdir(), 'promtopo-bundlefs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh parent folder per test, so "no temp sibling left" can be checked by listing it. */
function parent(): string {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  return dir;
}
const files: BundleFile[] = [
  { path: 'prometheus/leaf/prometheus.yml', contents: 'global: {}\n' },
  { path: 'prometheus/leaf/run.sh', contents: '#!/bin/sh\nexit 0\n', executable: true },
  { path: 'README.md', contents: '# bundle\n' },
];

describe('writeFolderAtomically', () => {
  it('writes every file, adds the bundle marker, makes run files 0755 and lists path and bytes', async () => {
    const dir = parent();
    const out = join(dir, 'bundle');
    const r = await writeFolderAtomically(files, out);
    expect(r).toMatchObject({ ok: true, outDir: out });
    expect(r.ok && r.files).toEqual([
      { path: BUNDLE_MARKER, bytes: expect.any(Number) },
      { path: 'README.md', bytes: 9 },
      { path: 'prometheus/leaf/prometheus.yml', bytes: 11 },
      { path: 'prometheus/leaf/run.sh', bytes: 17 },
    ]);
    expect(readFileSync(join(out, 'prometheus/leaf/prometheus.yml'), 'utf8')).toBe('global: {}\n');
    expect(statSync(join(out, 'prometheus/leaf/run.sh')).mode & 0o777).toBe(0o755);
    expect(existsSync(join(out, BUNDLE_MARKER))).toBe(true);
    expect(listWithBundles(dir)).toEqual(['bundle']);
  });

  it('replaces a previous bundle completely (stale files disappear)', async () => {
    const dir = parent();
    const out = join(dir, 'bundle');
    await writeFolderAtomically([...files, { path: 'prometheus/old/prometheus.yml', contents: 'x' }], out);
    const r = await writeFolderAtomically(files, out);
    expect(r.ok).toBe(true);
    expect(existsSync(join(out, 'prometheus/old'))).toBe(false);
    expect(listWithBundles(dir)).toEqual(['bundle']);
  });

  it('writes into an existing empty folder, and creates missing parents', async () => {
    const dir = parent();
    mkdirSync(join(dir, 'empty'));
    expect((await writeFolderAtomically(files, join(dir, 'empty'))).ok).toBe(true);
    expect((await writeFolderAtomically(files, join(dir, 'a/b/c'))).ok).toBe(true);
    expect(existsSync(join(dir, 'a/b/c/README.md'))).toBe(true);
  });

  it('refuses a non-empty folder that is not a bundle and leaves it untouched', async () => {
    const dir = parent();
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'precious');
    const r = await writeFolderAtomically(files, out);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('not a PromTopo bundle, refusing to overwrite');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readdirSync(dir)).toEqual(['mine']);
  });

  it('refuses an output path that is a file', async () => {
    const dir = parent();
    writeFileSync(join(dir, 'f'), 'x');
    const r = await writeFolderAtomically(files, join(dir, 'f'));
    expect(!r.ok && r.error).toContain('exists and is not a folder');
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('x');
  });

  it.each([
    ['../escape.yml', 'contains ".."'],
    ['prometheus/../../escape.yml', 'contains ".."'],
    ['/etc/passwd', 'absolute'],
    ['C:/x.yml', 'absolute'],
    ['a\0b', 'NUL'],
    ['a//b', 'empty segment'],
    ['a/', 'empty segment'],
    ['a\\..\\b', 'not allowed'],
    ['', 'empty'],
    ['./a', 'contains "."'],
    [' a', 'white space'],
  ])('refuses the bundle path %j (%s), writes nothing and keeps the previous bundle', async (bad, why) => {
    const dir = parent();
    const out = join(dir, 'bundle');
    await writeFolderAtomically(files, out);
    const r = await writeFolderAtomically([...files, { path: bad, contents: 'x' }], out);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(why);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('# bundle\n');
    expect(listWithBundles(dir)).toEqual(['bundle']);
    expect(existsSync(join(root, 'escape.yml'))).toBe(false);
  });

  it('names the node whose name produced a bad path', async () => {
    const r = await writeFolderAtomically([{ path: 'prometheus/../evil/prometheus.yml', contents: '' }], join(parent(), 'b'), {
      nodeNames: ['leaf', '../evil'],
    });
    expect(!r.ok && r.error).toContain('(from node "../evil")');
  });

  it.each([
    [[{ path: 'a.yml', contents: '1' }, { path: 'a.yml', contents: '2' }], 'two files have the same path'],
    [[{ path: 'a', contents: '1' }, { path: 'a/b.yml', contents: '2' }], 'is both a file and the folder'],
  ])('refuses clashing paths (%#)', async (clash, why) => {
    const r = await writeFolderAtomically(clash, join(parent(), 'b'));
    expect(!r.ok && r.error).toContain(why);
  });

  it('commits nothing when the pre-commit check says no, and leaves no temp folder', async () => {
    const dir = parent();
    const out = join(dir, 'bundle');
    await writeFolderAtomically(files, out);
    let sawTemp = '';
    const r = await writeFolderAtomically([{ path: 'new.yml', contents: 'new' }], out, {
      preCommit: async (temp) => {
        sawTemp = temp;
        expect(readFileSync(join(temp, 'new.yml'), 'utf8')).toBe('new');
        return { commit: false, check: 'bad config' };
      },
    });
    expect(r).toMatchObject({ ok: false, check: 'bad config' });
    expect(sawTemp).toMatch(/\.bundle\.promtopo-v-\d+-\d+$/);
    expect(existsSync(join(out, 'new.yml'))).toBe(false);
    expect(listWithBundles(dir)).toEqual(['bundle']);
  });

  it('keeps the previous bundle when the check itself fails', async () => {
    const dir = parent();
    const out = join(dir, 'bundle');
    await writeFolderAtomically(files, out);
    const r = await writeFolderAtomically(files, out, {
      preCommit: async () => {
        throw new Error('disk on fire');
      },
    });
    expect(!r.ok && r.error).toContain('disk on fire');
    expect(!r.ok && r.error).toContain('previous contents are unchanged');
    expect(listWithBundles(dir)).toEqual(['bundle']);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('# bundle\n');
  });

  it('refuses a file-system root', async () => {
    const r = await writeFolderAtomically(files, '/');
    expect(!r.ok && r.error).toContain('root');
  });
});
