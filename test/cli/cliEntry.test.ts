/**
 * `promtopo` starts from the bundled entry dist/cli/main.mjs: after a run it exists, is newer than
 * every source it is built from, and works on its own (no tsx, no TypeScript).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve('.');
const entry = join(root, 'dist/cli/main.mjs');

function newestSource(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).filter((n) => n !== 'node_modules' && !n.startsWith('.')).map((n) => newestSource(join(path, n))));
}

describe('the built CLI entry', () => {
  it('is built (or kept) by a run of bin/promtopo.mjs and is not older than its sources', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(execFileSync(process.execPath, [join(root, 'bin/promtopo.mjs'), '--version'], { encoding: 'utf8' }).trim()).toBe(`promtopo ${version}`);
    const built = statSync(entry).mtimeMs;
    for (const source of ['electron', 'src', 'assets', 'package-lock.json']) expect(newestSource(join(root, source))).toBeLessThanOrEqual(built);
  }, 120_000);

  it('is one bundled module that runs the commands without tsx', async () => {
    const text = readFileSync(entry, 'utf8');
    expect(text).not.toMatch(/from ["']tsx/);
    expect(text).not.toMatch(/\.ts["']\)/);
    const { main } = (await import(pathToFileURL(entry).href)) as { main: (argv: string[]) => Promise<number> };
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main(['validate', join(root, 'assets/examples/federation.promtopo.json')]);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    expect(out.join('')).toContain('0 errors');
  }, 120_000);
});
