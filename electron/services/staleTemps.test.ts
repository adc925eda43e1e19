// Temporaries of a killed export or save carry its pid; the next write beside them removes them,
// never those of a live process, and the bundle link is never followed out of its own versions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_MARKER } from '../../src/generate/bundle.ts';
import { writeFileAtomically } from './atomicFile.ts';
import { writeFolderAtomically } from './bundleFs.ts';
import { listWithBundles } from './bundleListing.ts';
import { processAlive } from './staleTemps.ts';

const root = mkdtempSync(join(tmpdir(), 'promtopo-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => {
  const d = join(root, `c${n++}`);
  mkdirSync(d);
  return d;
};

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  const pid = r.pid ?? 0;
  expect(processAlive(pid)).toBe(false);
  return pid;
}

describe('stale temporaries', () => {
  it('an export removes what killed exports left beside the bundle, and keeps a live process\'s', async () => {
    const dir = fresh();
    const out = join(dir, 'bundle');
    const dead = deadPid();
    const leftovers = [`.bundle.promtopo-v-${dead}-0`, `.bundle.promtopo-link-${dead}-1`, `bundle.promtopo-tmp-${dead}-2`, `bundle.promtopo-old-${dead}-3`];
    for (const name of leftovers) mkdirSync(join(dir, name));
    writeFileSync(join(dir, `.bundle.promtopo-v-${dead}-0`, 'half.yml'), 'x');
    const live = `bundle.promtopo-tmp-1-9`; // pid 1 always exists
    mkdirSync(join(dir, live));
    mkdirSync(join(dir, 'other.promtopo-tmp-999999-0')); // another bundle's name: not ours to judge
    const r = await writeFolderAtomically([{ path: 'README.md', contents: 'new\n' }], out);
    expect(r.ok).toBe(true);
    expect(listWithBundles(dir)).toEqual(['bundle', live, 'other.promtopo-tmp-999999-0'].sort());
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('new\n');
  });

  it('a save removes the temp files of killed saves of the same file only', async () => {
    const dir = fresh();
    const dead = deadPid();
    writeFileSync(join(dir, `.a.json.promtopo-tmp-${dead}-0`), 'half');
    writeFileSync(join(dir, `.b.json.promtopo-tmp-${dead}-0`), 'half of another file');
    await writeFileAtomically(join(dir, 'a.json'), '{}');
    expect(readdirSync(dir).sort()).toEqual([`.b.json.promtopo-tmp-${dead}-0`, 'a.json']);
  });

  it('a previous bundle of the older layout (a real folder) is replaced by the link layout', async () => {
    const dir = fresh();
    const out = join(dir, 'bundle');
    mkdirSync(out);
    writeFileSync(join(out, BUNDLE_MARKER), 'old');
    writeFileSync(join(out, 'stale.yml'), 'old');
    expect((await writeFolderAtomically([{ path: 'README.md', contents: 'x' }], out)).ok).toBe(true);
    expect(existsSync(join(out, 'stale.yml'))).toBe(false);
    expect(listWithBundles(dir)).toEqual(['bundle']);
  });

  it.each([
    ['a link to a folder outside', (dir: string) => { mkdirSync(join(dir, 'elsewhere')); writeFileSync(join(dir, 'elsewhere', BUNDLE_MARKER), ''); symlinkSync('elsewhere', join(dir, 'bundle')); }],
    ['a link named like a version but climbing out', (dir: string) => { symlinkSync('../.bundle.promtopo-v-1-1', join(dir, 'bundle')); }],
    ['a link to a version folder without the marker', (dir: string) => { mkdirSync(join(dir, '.bundle.promtopo-v-1-1')); writeFileSync(join(dir, '.bundle.promtopo-v-1-1', 'mine.txt'), 'x'); symlinkSync('.bundle.promtopo-v-1-1', join(dir, 'bundle')); }],
  ])('refuses %s and changes nothing', async (_name, plant) => {
    const dir = fresh();
    plant(dir);
    const before = readdirSync(dir).sort();
    const r = await writeFolderAtomically([{ path: 'README.md', contents: 'x' }], join(dir, 'bundle'));
    expect(r.ok).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('concurrent exports in one process end as one complete bundle and no leftovers', async () => {
    const dir = fresh();
    const out = join(dir, 'bundle');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => writeFolderAtomically([{ path: 'README.md', contents: `v${i}\n` }, { path: `only-${i}.yml`, contents: `${i}` }], out)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const version = readFileSync(join(out, 'README.md'), 'utf8').trim().slice(1);
    expect(readdirSync(out).sort()).toEqual([BUNDLE_MARKER, 'README.md', `only-${version}.yml`].sort());
    expect(listWithBundles(dir)).toEqual(['bundle']);
  });
});
