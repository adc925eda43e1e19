#!/usr/bin/env node
// The `promtopo` command (package.json "bin"). Runs the CLI built into dist/cli/main.mjs (one
// bundled module: no TypeScript compiled at each run). When that file is missing or older than the
// code it is built from, it is rebuilt first with esbuild (scripts/build.mjs --cli); where esbuild is
// not installed, the TypeScript sources run through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/cli/main.mjs');
/** What the built CLI is made of: any newer file makes it stale. */
const SOURCES = ['electron', 'src', 'assets', 'package-lock.json'];

// A closed pipe (`promtopo validate x | head`) is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

/** True when a file under `path` (tests aside) is newer than `than` (ms). */
function newerThan(path, than) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return false;
  if (!st.isDirectory()) return st.mtimeMs > than && !/\.test\.ts$/.test(path);
  if (st.mtimeMs > than) return true; // a file was added, removed or renamed here
  return readdirSync(path).some((name) => name !== 'node_modules' && !name.startsWith('.') && newerThan(join(path, name), than));
}

function isStale() {
  const built = statSync(entry, { throwIfNoEntry: false });
  return !built || SOURCES.some((p) => newerThan(join(root, p), built.mtimeMs));
}

async function load() {
  if (isStale()) {
    let buildCli;
    try {
      ({ buildCli } = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href));
      await import('esbuild');
    } catch {
      buildCli = undefined;
    }
    if (buildCli) await buildCli({ quiet: true });
    else {
      const { register } = await import('tsx/esm/api');
      register();
      return import('../electron/cli/main.ts');
    }
  }
  return import(pathToFileURL(entry).href);
}

try {
  const { main } = await load();
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`promtopo: cannot start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = 2;
}
