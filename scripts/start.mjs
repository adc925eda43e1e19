// `npm start`: PromTopo in Electron, or browser mode where Electron cannot run.
// `npm run web` (= `--web`): browser mode only. Options after `--`: `--port N` (or PORT; 0 = free port).
//
// Electron's binary is not part of `npm install` here (package.json allowScripts denies its download).
// When it is missing we try its installer once with a short timeout; when that fails (no route to
// GitHub) we say so in one paragraph and serve the same UI on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildElectron, buildRenderer, rendererIsStale } from './build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL_TIMEOUT_MS = 45_000;

/** Path of the Electron binary, or undefined when it was never downloaded. */
function electronBinary() {
  const pathFile = resolve(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const bin = resolve(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

function tryInstallElectron() {
  const installer = resolve(root, 'node_modules/electron/install.js');
  if (!existsSync(installer)) return false;
  console.log('Electron binary missing: trying to download it once (node node_modules/electron/install.js)...');
  // The installer's own output (a stack trace when offline) is kept out of the user's way: one line.
  const r = spawnSync(process.execPath, [installer], { cwd: resolve(root, 'node_modules/electron'), encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  const ok = r.status === 0 && electronBinary() !== undefined;
  if (!ok) {
    const reason = r.error?.code === 'ETIMEDOUT' ? `no answer within ${INSTALL_TIMEOUT_MS / 1000} s` : `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').find((l) => l.trim() !== '')?.trim();
    console.log(`(download failed: ${reason ?? `exit code ${r.status}`})`);
  }
  return ok;
}

/** True while process `pid` exists (EPERM: it exists but belongs to someone else). */
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Removes private renderer copies (and launch pages) left in TMPDIR by servers that were killed before
 * they could clean up: `promtopo-renderer-<pid>-*` whose process is gone.
 */
export function removeStaleSnapshots(dir = tmpdir()) {
  let removed = 0;
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = /^promtopo-(?:renderer|launch)-(\d+)-/.exec(name);
    if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed++;
    } catch {
      // Another user's folder, or already gone: not ours to remove.
    }
  }
  return removed;
}

/**
 * A private copy of dist/renderer for this server, removed on exit. Lazily loaded chunks (Monaco,
 * panes) are fetched long after the page: if dist/renderer is rebuilt meanwhile (another run, a
 * developer), the running page must still find the chunks of its own build. The name carries the
 * pid, so the next start removes the copy of a server that was killed (removeStaleSnapshots).
 */
function snapshotRenderer() {
  const source = resolve(root, 'dist/renderer');
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), `promtopo-renderer-${process.pid}-`));
    try {
      cpSync(source, dir, { recursive: true });
      if (!existsSync(join(dir, 'index.html'))) throw new Error('dist/renderer has no index.html');
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      return dir;
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt >= 3) throw e; // dist/renderer was being swapped by a concurrent build: try again
    }
  }
}

/**
 * A page only this user can read that forwards to `url` (which holds the session token): the browser
 * is started on its path, so the token never appears in a command line other accounts can list.
 */
function launchPage(url) {
  const dir = mkdtempSync(join(tmpdir(), `promtopo-launch-${process.pid}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'open.html');
  const quoted = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(file, `<!doctype html><meta http-equiv="refresh" content="0;url=${quoted}"><title>PromTopo</title><a href="${quoted}">Open PromTopo</a>\n`, { mode: 0o600 });
  return file;
}

/** Rebuilds a stale renderer; when that fails but a previous build exists, says so and keeps it. */
async function ensureRenderer() {
  if (!rendererIsStale()) return;
  try {
    await buildRenderer();
  } catch (e) {
    if (!existsSync(resolve(root, 'dist/renderer/index.html'))) throw e;
    console.error(`promtopo: the renderer could not be rebuilt (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); serving the previous build in dist/renderer`);
  }
}

async function startWeb(args, { openBrowser = false } = {}) {
  await ensureRenderer();
  removeStaleSnapshots();
  const { register } = await import('tsx/esm/api');
  register();
  const { runWebMode } = await import(pathToFileURL(resolve(root, 'electron/web/main.ts')).href);
  const own = args.filter((a) => a !== '--web');
  const server = await runWebMode(own.some((a) => a.startsWith('--renderer-dir')) ? own : [...own, '--renderer-dir', snapshotRenderer()]);
  if (server && openBrowser && process.env.BROWSER) {
    // Only when the user configured a browser; never fail because of it.
    const child = spawn(process.env.BROWSER, [launchPage(server.pageUrl)], { detached: true, stdio: 'ignore' });
    child.on('error', () => console.log('(could not open $BROWSER; open the address above yourself)'));
    child.unref();
  }
}

async function startElectron(args) {
  let bin = electronBinary();
  if (!bin && tryInstallElectron()) bin = electronBinary();
  if (!bin) {
    console.log(
      '\nPromTopo could not start its desktop window: the Electron binary is not installed and could not be ' +
        'downloaded (no connection to its GitHub release). Starting browser mode instead: the same designer ' +
        'and services, served on 127.0.0.1 only; open the URL below in a browser. To get the desktop window, ' +
        'run `node node_modules/electron/install.js` where GitHub is reachable, then `npm start` again.\n',
    );
    return startWeb(args, { openBrowser: true });
  }
  await ensureRenderer();
  await buildElectron();
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const args = process.argv.slice(2);
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) (args.includes('--web') ? startWeb(args) : startElectron(args)).catch((e) => {
  console.error(`promtopo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
