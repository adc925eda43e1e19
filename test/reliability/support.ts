/**
 * Shared by the reliability tests: the writer child bundled into one plain-node script, documents A
 * and B with their expected bundles, folder snapshots, and the figures the suite prints.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_MARKER } from '../../src/generate/bundle.ts';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { parseTopology, serializeTopology } from '../../src/model/document.ts';

export const root = new URL('../..', import.meta.url).pathname;

/** Bundles writerChild.ts into `<dir>/child.mjs` (plain node starts it in a fraction of tsx's time). */
export async function buildWriterChild(dir: string): Promise<string> {
  const outfile = join(dir, 'child.mjs');
  await build({ entryPoints: [join(root, 'test/reliability/writerChild.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
  return outfile;
}

/** Two different valid documents (two examples) written to `dir`, and the file set each exports to. */
export function twoDocuments(dir: string): { a: string; b: string; bundles: Map<string, string>[]; texts: string[] } {
  const names = ['federation', 'hashmod-shards'];
  const texts = names.map((n) => {
    const parsed = parseTopology(readFileSync(join(root, 'assets/examples', `${n}.promtopo.json`), 'utf8'), n);
    if (!parsed.ok) throw new Error(`example ${n} does not parse`);
    return serializeTopology(parsed.topology);
  });
  const bundles = texts.map((t) => {
    const parsed = parseTopology(t, 'x');
    if (!parsed.ok) throw new Error('unreachable');
    const files = new Map(generateBundle(parsed.topology).files.map((f) => [f.path, f.contents] as const));
    if (!files.has(BUNDLE_MARKER)) files.set(BUNDLE_MARKER, 'This folder was written by PromTopo; the next export replaces it.\n');
    return files;
  });
  const a = join(dir, 'a.promtopo.json');
  const b = join(dir, 'b.promtopo.json');
  writeFileSync(a, texts[0] ?? '');
  writeFileSync(b, texts[1] ?? '');
  return { a, b, bundles, texts };
}

/** Every file under `dir` (following the bundle link) as path -> contents. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

export function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Starts the child and resolves once it printed `ready`. */
export function startChild(child: string, args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready\n')) resolve(p);
    });
    p.once('error', reject);
    p.once('exit', (code) => { if (!out.includes('ready\n')) reject(new Error(`child exited ${code} before it was ready`)); });
  });
}

/** Waits for a child to exit; resolves to its exit code (null when killed) and its output. */
export function exited(p: ChildProcess): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    let out = '';
    p.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    if (p.exitCode !== null || p.signalCode !== null) resolve({ code: p.exitCode, out });
    else p.once('exit', (code) => resolve({ code, out }));
  });
}

/** A fresh temp folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `promtopo-rel-${prefix}-`));
}

/** Figures printed at the end of each reliability file: what was tried and how much held. */
export function figure(name: string, tried: number, held: number, unit: string): void {
  console.log(`reliability: ${name}: ${held} / ${tried} ${unit}`);
}
