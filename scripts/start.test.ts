// Browser mode's private renderer copies and launch pages in TMPDIR carry the server's pid: the next
// start removes those of servers that were killed, never a live server's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { removeStaleSnapshots } from './start.mjs';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('removeStaleSnapshots', () => {
  it('removes the renderer copies and launch pages of dead servers only', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    const names = [`promtopo-renderer-${dead}-abc`, `promtopo-launch-${dead}-def`, 'promtopo-renderer-1-live', `promtopo-renderer-${process.pid}-mine`, 'promtopo-renderer-old', 'other-999999-x'];
    for (const n of names) mkdirSync(join(dir, n));
    expect((removeStaleSnapshots as (d: string) => number)(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['other-999999-x', `promtopo-renderer-${process.pid}-mine`, 'promtopo-renderer-1-live', 'promtopo-renderer-old'].sort());
  });
});
