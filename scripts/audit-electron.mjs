// `npm run audit:electron`: Electronegativity (Doyensec's static checker for Electron apps) over the
// Electron side (electron/main, electron/preload) and the page Electron loads (the built index.html
// with its CSP meta tag). Every finding must be listed in scripts/electronegativity-reviewed.json
// with the reason it is a false positive; any other finding fails the run. The check that downloads
// Electron's release list (AvailableSecurityFixesGlobalCheck) is left out: this runs offline, and the
// Electron version is pinned in package.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const reviewed = JSON.parse(readFileSync(join(root, 'scripts/electronegativity-reviewed.json'), 'utf8'));
const bin = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
if (!existsSync(bin)) {
  console.error('audit:electron: @doyensec/electronegativity is not installed (npm ci)');
  process.exit(2);
}
const page = join(root, 'dist/renderer/index.html');
if (!existsSync(page)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--renderer'], { stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(page)) {
    console.error('audit:electron: could not build dist/renderer/index.html');
    process.exit(2);
  }
}

// The scanned tree: sources without their tests, and the page.
const stage = mkdtempSync(join(tmpdir(), 'promtopo-audit-'));
try {
  for (const part of ['main', 'preload']) {
    mkdirSync(join(stage, part));
    for (const f of readdirSync(join(root, 'electron', part))) {
      if (f.endsWith('.ts') && !f.endsWith('.test.ts')) cpSync(join(root, 'electron', part, f), join(stage, part, f));
    }
  }
  cpSync(page, join(stage, 'index.html'));
  const csv = join(stage, 'findings.csv');
  const r = spawnSync(
    process.execPath,
    [bin, '-i', stage, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', csv, '-r', '-v', 'false'],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  if (r.status !== 0 || !existsSync(csv)) {
    console.error(`audit:electron: electronegativity failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').pop()}`);
    process.exit(2);
  }
  const findings = parseCsv(readFileSync(csv, 'utf8')).slice(1).map(([issue, severity, confidence, file, location]) => ({ issue, severity, confidence, file, location }));
  let real = 0;
  for (const f of findings) {
    const why = reviewed.find((x) => x.issue === f.issue && x.file === f.file);
    const where = `${f.issue} ${f.file}:${f.location} (${f.severity}, ${f.confidence})`;
    if (why) console.log(`false positive: ${where}\n  ${why.reason}`);
    else {
      real++;
      console.log(`FINDING: ${where}`);
    }
  }
  console.log(`electronegativity ${pkg.devDependencies['@doyensec/electronegativity']} on Electron ${electronVersion}: ${findings.length} findings, ${findings.length - real} reviewed false positives, ${real} real`);
  process.exit(real === 0 ? 0 : 1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** RFC 4180-ish CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field.trim()); field = ''; }
    else if (c === '\n') { row.push(field.trim()); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field.trim()); rows.push(row); }
  return rows.filter((r) => r.length > 1);
}
