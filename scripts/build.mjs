// Builds what the faces run:
//   node scripts/build.mjs --renderer   Vite: app/ -> dist/renderer (what `npm test` and browser mode need)
//   node scripts/build.mjs --electron   esbuild: electron/main -> dist/electron/main.cjs,
//                                        electron/preload -> dist/electron/preload.cjs (one file: sandboxed
//                                        preloads cannot require npm modules)
//   node scripts/build.mjs --cli        esbuild: electron/cli/main.ts -> dist/cli/main.mjs (what bin/promtopo.mjs runs)
//   node scripts/build.mjs              all three
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds into a private sibling folder, then swaps it in with renames, so a browser-mode server that
 * is serving dist/renderer (another e2e run, say) never sees a half-written folder.
 */
export async function buildRenderer() {
  const { build } = await import('vite');
  const started = Date.now();
  const target = resolve(root, 'dist/renderer');
  const temp = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  try {
    await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: temp, emptyOutDir: true } });
    if (existsSync(target)) renameSync(target, old);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  console.log(`renderer: dist/renderer built in ${Date.now() - started} ms`);
}

/** Newest modification time (ms) of the files the renderer is built from. */
function newestSourceTime() {
  let newest = 0;
  const visit = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['app', 'src', 'assets', 'vite.config.ts', 'electron/web/csp.ts', 'package-lock.json']) {
    if (existsSync(resolve(root, p))) visit(resolve(root, p));
  }
  return newest;
}

/** True when dist/renderer is missing or older than its sources. */
export function rendererIsStale() {
  const index = resolve(root, 'dist/renderer/index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSourceTime();
}

export async function buildElectron() {
  const esbuild = await import('esbuild');
  const common = { bundle: true, format: 'cjs', external: ['electron'], sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
  // CommonJS has no import.meta: give modules that locate files from it (services) this bundle's URL.
  await esbuild.build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    platform: 'node',
    target: 'node22',
    define: { 'import.meta.url': '__promtopoBundleUrl' },
    banner: { js: "const __promtopoBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await esbuild.build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser', target: 'chrome130' });
  console.log('electron: dist/electron/main.cjs and preload.cjs built');
}

/** Where the built CLI lives; bin/promtopo.mjs runs it (and rebuilds it when stale). */
export const CLI_ENTRY = resolve(root, 'dist/cli/main.mjs');

/**
 * Bundles the CLI into one ES module (npm packages included), so `promtopo` starts without compiling
 * TypeScript. Written to a temp file and renamed, so two commands building at once never see half a file.
 * dist/cli/ is two folders deep like electron/cli/, so `import.meta.url`-relative paths still resolve.
 */
export async function buildCli({ quiet = false } = {}) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: ['electron/cli/main.ts'],
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    outfile: CLI_ENTRY,
    logLevel: 'warning',
    // Bundled CommonJS dependencies may call require(): give the module one.
    banner: { js: "import { createRequire as __promtopoRequire } from 'node:module'; const require = __promtopoRequire(import.meta.url);" },
  });
  mkdirSync(dirname(CLI_ENTRY), { recursive: true });
  const temp = `${CLI_ENTRY}.tmp-${process.pid}`;
  writeFileSync(temp, result.outputFiles[0].contents);
  renameSync(temp, CLI_ENTRY);
  if (!quiet) console.log('cli: dist/cli/main.mjs built');
}

async function main(argv) {
  const options = ['--renderer', '--electron', '--cli'];
  const unknown = argv.filter((a) => !options.includes(a));
  if (unknown.length) {
    console.error(`build: unknown option ${unknown[0]} (use --renderer, --electron, --cli or nothing for all)`);
    process.exit(2);
  }
  const all = argv.length === 0;
  if (all || argv.includes('--renderer')) await buildRenderer();
  if (all || argv.includes('--electron')) await buildElectron();
  if (all || argv.includes('--cli')) await buildCli();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
