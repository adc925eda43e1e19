/**
 * Node-side helpers for the generator's integration tests: examples, writing a bundle to a temp dir,
 * finding the real Prometheus tools (a missing tool fails the test loudly, never skips it).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bundle } from '../../src/generate/bundle.ts';
import { parseTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const examplesDir = join(projectRoot, 'assets/examples');

/** The example documents, by file name, parsed (a broken example fails here with its diagnostics). */
export function loadExamples(): { file: string; topology: Topology }[] {
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.promtopo.json')).sort();
  if (files.length === 0) throw new Error(`no examples in ${examplesDir}`);
  return files.map((file) => {
    const r = parseTopology(readFileSync(join(examplesDir, file), 'utf8'), file);
    if (!r.ok) throw new Error(`${file}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
    return { file, topology: r.topology };
  });
}

/** Writes a bundle into a fresh temp dir (run files 0755) and returns the dir. */
export function writeBundleToTempDir(bundle: Bundle, prefix = 'promtopo-bundle-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const f of bundle.files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.contents);
    if (f.executable) chmodSync(path, 0o755);
  }
  return dir;
}

/** Absolute path of a program on PATH, or a thrown error saying what to install. */
export function requireTool(names: readonly string[], debianPackage: string): string {
  for (const name of names) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  throw new Error(`${names.join(' or ')} not found on PATH: apt-get install -y --no-install-recommends ${debianPackage}`);
}

/** Runs a program, returning its exit status and output. */
export function run(cmd: string, args: readonly string[], cwd?: string): { status: number | null; output: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd, timeout: 30_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
