/**
 * The real `promtopo` command, run as a child process (`node bin/promtopo.mjs ...`): exit codes,
 * human and `--json` output, bad input of every kind, and the guarantees of export.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTopology, serializeTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';

const BIN = resolve('bin/promtopo.mjs');
const EXAMPLE = resolve('assets/examples/federation.promtopo.json');
// Each run starts Node and the bundled CLI (dist/cli/main.mjs, built on demand), so this file keeps to one run per behaviour;
// electron/cli/main.test.ts covers the finer cases in-process.
const dir = mkdtempSync(join(tmpdir(), 'promtopo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

function promtopo(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 170_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function noStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).not.toMatch(/\n\s+at /);
}

function example(): Topology {
  const parsed = parseTopology(readFileSync(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error('federation example does not parse');
  return parsed.topology;
}

function writeDoc(name: string, t: Topology): string {
  const path = join(dir, name);
  writeFileSync(path, serializeTopology(t));
  return path;
}

/** The federation example with one leaf's scrape interval broken: an error naming the node and field. */
let brokenCount = 0;
function brokenDoc(): string {
  const t = example();
  let done = false;
  const nodes = t.nodes.map((node) => {
    if (done || node.kind !== 'prometheus') return node;
    done = true;
    return { ...node, scrapeInterval: '15 seconds' };
  });
  return writeDoc(`broken-${brokenCount++}.promtopo.json`, { ...t, nodes });
}

describe.concurrent('promtopo (general)', () => {
  it('--version prints the version from package.json', async () => {
    const r = await promtopo('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`promtopo ${JSON.parse(readFileSync('package.json', 'utf8')).version}`);
  }, 180_000);

  it('--help lists the commands', async () => {
    const r = await promtopo('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}validate +check a topology/m);
    expect(r.stdout).toMatch(/^ {2}export +write the config bundle/m);
  }, 180_000);

  it.each([
    [['export', '-h'], 'Usage: promtopo export FILE --out DIR'],
  ])('%j prints the command usage', async (args, usage) => {
    const r = await promtopo(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(usage);
    expect(r.stdout).toContain('Exit status');
  }, 180_000);

  it.each([
    [[], 'Usage: promtopo <command>'],
    [['frobnicate'], 'promtopo: unknown command "frobnicate"'],
    [['validate', '--bogus', 'x'], "Unknown option '--bogus'"],
    [['export', EXAMPLE], '--out DIR is required'],
  ])('usage error %j exits 2 with one readable line', async (args, message) => {
    const r = await promtopo(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    noStackTrace(r);
  }, 180_000);
});

describe.concurrent('promtopo validate', () => {
  it('exits 0 for the federation example and prints a summary', async () => {
    const r = await promtopo('validate', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^federation\.promtopo\.json: 0 errors, \d+ warnings?, \d+ infos?$/m);
  }, 180_000);

  it('exits 1 for a document with errors, naming file, node and field', async () => {
    const r = await promtopo('validate', brokenDoc());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^broken-\d+\.promtopo\.json: error: .*15 seconds.* \[[a-z-]+\/[a-z-]+\]$/m);
    expect(r.stdout).toMatch(/broken-\d+\.promtopo\.json: [1-9]\d* errors?/);
    noStackTrace(r);
  }, 180_000);

  it('--json prints {file, ok, summary, diagnostics[{code, severity, message, at}]}', async () => {
    const r = await promtopo('validate', brokenDoc(), '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; ok: boolean; summary: { errors: number }; diagnostics: Record<string, unknown>[] };
    expect(out.file).toMatch(/^broken-\d+\.promtopo\.json$/);
    expect(out.ok).toBe(false);
    expect(out.summary.errors).toBeGreaterThan(0);
    for (const d of out.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['code', 'severity', 'message', 'at']));
      expect(['error', 'warning', 'info']).toContain(d.severity);
    }
    const error = out.diagnostics.find((d) => d.severity === 'error');
    expect(error?.at).toMatchObject({ node: expect.any(String), field: expect.stringContaining('scrapeInterval') });
  }, 180_000);

  it.each([
    ['not JSON', '{"format": "promtopo",', 'file/json', 'not valid JSON'],
    ['schema error', '{"format":"promtopo","version":1,"name":"x","nodes":[{"id":"n","kind":"prometheus"}],"edges":[]}', 'schema/invalid', 'nodes[0]'],
  ])('a malformed file (%s) exits 1 with a diagnostic naming the file', async (name, text, code, message) => {
    const path = join(dir, `malformed-${name.replace(/\W/g, '-')}.promtopo.json`);
    writeFileSync(path, text);
    const human = await promtopo('validate', path);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`malformed-${name.replace(/\W/g, '-')}.promtopo.json: error: `);
    expect(human.stdout).toContain(message);
    expect(human.stdout).toContain(`[${code}]`);
    noStackTrace(human);
  }, 180_000);

  it.each([
    ['a missing file', () => join(dir, 'nope.promtopo.json'), 'no such file'],
    ['a directory', () => { mkdirSync(join(dir, 'adir'), { recursive: true }); return join(dir, 'adir'); }, 'is a folder'],
  ])('%s exits 2 with one line naming the path', async (_name, make, message) => {
    const path = make();
    const r = await promtopo('validate', path);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`promtopo validate: ${path}: ${message === 'is a folder' ? 'is a folder, not a topology file' : `cannot be read (${message})`}`);
  }, 180_000);

});

describe.concurrent('promtopo export', () => {
  it('writes the bundle and reports the promtool verdict; --json describes what it did', async () => {
    const out = join(dir, 'out-json');
    const r = await promtopo('export', EXAMPLE, '--out', out, '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as { ok: boolean; written: boolean; outDir: string; files: { path: string; bytes: number }[]; promtool: { ran: boolean; ok: boolean }; diagnostics: unknown[] };
    expect(res).toMatchObject({ ok: true, written: true, outDir: out, promtool: { ran: true, ok: true } });
    expect(Array.isArray(res.diagnostics)).toBe(true);
    for (const f of res.files) expect(readFileSync(join(out, f.path), 'utf8').length).toBeGreaterThan(0);
    expect(res.files.map((f) => f.path)).toContain('.promtopo-bundle');
  }, 180_000);

  it('writes nothing and exits 1 when the document has errors', async () => {
    const out = join(dir, 'out-broken');
    const r = await promtopo('export', brokenDoc(), '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  }, 180_000);

  it('refuses a non-empty folder that is not a bundle (exit 2) and leaves it untouched', async () => {
    const out = join(dir, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const r = await promtopo('export', EXAMPLE, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a PromTopo bundle, refusing to overwrite');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    noStackTrace(r);
  }, 180_000);

  it('accepts an output folder with spaces and non-ASCII letters', async () => {
    const out = join(dir, 'my bundles', 'zürich été');
    const r = await promtopo('export', EXAMPLE, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote \d+ files to .*zürich été; promtool\/amtool: \d+ config\(s\) ok/);
    expect(existsSync(join(out, 'README.md'))).toBe(true);
  }, 180_000);

  it.each([
    ['an existing file', () => { writeFileSync(join(dir, 'afile'), 'x'); return join(dir, 'afile'); }, 'exists and is not a folder'],
  ])('refuses %s as output (exit 2)', async (_name, make, message) => {
    const r = await promtopo('export', EXAMPLE, '--out', make());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  }, 180_000);

  it('a node whose name would escape the output folder is an error naming it; nothing is written anywhere', async () => {
    const t = example();
    const first = t.nodes.find((node) => node.kind === 'prometheus');
    const nodes = t.nodes.map((node) => (node === first ? { ...node, name: '../../evil' } : node));
    const work = join(dir, 'odd');
    mkdirSync(work);
    const r = await promtopo('export', writeDoc('odd/odd.promtopo.json', { ...t, nodes }), '--out', join(work, 'out'), '--json');
    expect(r.code).toBe(1);
    const res = JSON.parse(r.stdout) as { written: boolean; diagnostics: { severity: string; message: string }[] };
    expect(res.written).toBe(false);
    expect(res.diagnostics.some((d) => d.severity === 'error' && d.message.includes('../../evil'))).toBe(true);
    expect(readdirSync(work)).toEqual(['odd.promtopo.json']);
    expect(existsSync(join(dir, 'evil'))).toBe(false);
  }, 180_000);
});
