// Enforces the layer rules of docs/design.md by reading every import in the code folders.
//   src/       imports nothing from app/ or electron/, no React/DOM/Node/Electron packages or node: builtins
//   app/       never imports electron/ or Node builtins; only app/host/ may talk to the host
//   electron/  never imports app/; only electron/main/ and electron/preload/ import 'electron'
// Exit 1 with one line per violation (file:line: rule).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const importRe = /\b(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
const nodeBuiltins = new Set(['fs', 'path', 'child_process', 'os', 'net', 'http', 'https', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads', 'process', 'module', 'readline', 'zlib', 'buffer', 'timers', 'dns', 'tls', 'assert']);
const uiPackages = ['react', 'react-dom', '@xyflow/react', 'zustand', 'zundo', 'monaco-editor', '@monaco-editor/react', 'electron'];

function walk(dir) {
  let out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/.test(name)) out.push(p);
  }
  return out;
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

function packageOf(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Returns the rule broken by `spec` imported from `file` (relative to root), or undefined. */
export function violation(file, spec) {
  const layer = file.split('/')[0];
  const isRelative = spec.startsWith('.');
  const target = isRelative ? relative(root, resolve(root, dirname(file), spec)).split(sep).join('/') : undefined;
  const pkg = isRelative ? undefined : packageOf(spec);
  const isNode = pkg !== undefined && (pkg.startsWith('node:') || nodeBuiltins.has(pkg));
  if (layer === 'src') {
    if (target && (target.startsWith('app/') || target.startsWith('electron/'))) return `src/ must not import ${target.split('/')[0]}/`;
    if (target && !target.startsWith('src/')) return 'src/ must only import src/ (and pure packages)';
    if (isNode) return `src/ must not import Node builtins (${spec})`;
    if (pkg && uiPackages.includes(pkg)) return `src/ must not import ${pkg}`;
  }
  if (layer === 'app') {
    if (target && target.startsWith('electron/')) return 'app/ must not import electron/ (use app/host/)';
    if (isNode) return `app/ must not import Node builtins (${spec}); reach the host through app/host/`;
    if (pkg === 'electron') return 'app/ must not import electron';
  }
  if (layer === 'electron') {
    if (target && target.startsWith('app/')) return 'electron/ must not import app/';
    const sub = file.split('/')[1];
    if (pkg === 'electron' && sub !== 'main' && sub !== 'preload') return "only electron/main and electron/preload may import 'electron'";
  }
  if (pkg === 'electron' && layer !== 'electron') return "only electron/main and electron/preload may import 'electron'";
  return undefined;
}

export function checkLayers() {
  const problems = [];
  for (const dir of ['src', 'app', 'electron', 'e2e', 'test', 'bench', 'scripts']) {
    for (const abs of walk(join(root, dir))) {
      const file = relative(root, abs).split(sep).join('/');
      if (file === 'scripts/check-layers.mjs') continue; // its rule texts look like imports
      // Comments blanked out (newlines kept, so line numbers stay right).
      const text = readFileSync(abs, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
        const rule = violation(file, spec);
        if (rule) problems.push(`${file}:${lineOf(text, m.index)}: imports "${spec}": ${rule}`);
      }
      // The engine is deterministic: no clocks or randomness (DOM/Node globals are caught by tsconfig.src.json).
      if (file.startsWith('src/') && !file.endsWith('.test.ts')) {
        for (const g of text.matchAll(/\b(Date\.now\(|Math\.random\(|new Date\(|performance\.now\()/g)) {
          problems.push(`${file}:${lineOf(text, g.index)}: uses "${g[1]}": src/ is pure and deterministic`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const problems = checkLayers();
  for (const p of problems) console.error(p);
  console.log(problems.length ? `\nlayer check: ${problems.length} violation(s)` : 'layer check: ok');
  process.exit(problems.length ? 1 : 0);
}
