/** The CLI in-process (fast): dispatch, usage errors, and the finer cases of validate and export. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliCommand } from './command.ts';
import { runCli } from './main.ts';

const EXAMPLE = resolve('assets/examples/federation.promtopo.json');
const dir = mkdtempSync(join(tmpdir(), 'promtopo-cli-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], commands?: readonly CliCommand[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir }, commands);
  return { code, out, err };
}

describe('dispatch', () => {
  it.each([
    [['-h'], 0, 'out', 'Commands:'],
    [['help'], 0, 'out', 'Commands:'],
    [['help', 'validate'], 0, 'out', 'Usage: promtopo validate FILE'],
    [['validate', '--help'], 0, 'out', 'Usage: promtopo validate FILE'],
    [['export', '--help'], 0, 'out', '--no-check'],
    [['-v'], 0, 'out', 'promtopo 0.'],
    [[], 2, 'err', 'Usage: promtopo <command>'],
    [['nope'], 2, 'err', 'unknown command "nope"; commands: validate, export'],
    [['validate'], 2, 'err', 'promtopo validate: expected exactly one FILE'],
    [['validate', 'a', 'b'], 2, 'err', 'expected exactly one FILE'],
    [['validate', '-x', 'a'], 2, 'err', "Unknown option '-x'"],
    [['export', 'a.json'], 2, 'err', '--out DIR is required'],
    [['export', 'a.json', '--out'], 2, 'err', "argument missing"],
    [['export', 'a.json', '--out', '  '], 2, 'err', '--out DIR is required'],
  ])('%j -> exit %i', async (args, code, stream, text) => {
    const r = await cli(args);
    expect(r.code).toBe(code);
    expect(stream === 'out' ? r.out : r.err).toContain(text);
  });

  it('turns an exception inside a command into one line and exit 2', async () => {
    const exploding: CliCommand = { name: 'boom', summary: 's', usage: 'u', run: async () => { throw new Error('kaput\n    at somewhere'); } };
    const r = await cli(['boom'], [exploding]);
    expect(r).toEqual({ code: 2, out: '', err: 'promtopo boom: internal error: kaput\n' });
  });
});

describe('validate (in-process)', () => {
  it('resolves FILE against the working directory', async () => {
    writeFileSync(join(dir, 'rel.promtopo.json'), readFileSync(EXAMPLE));
    expect((await cli(['validate', 'rel.promtopo.json'])).code).toBe(0);
  });

  it.each([
    ['{"hello": 1}', 'file/not-topology'],
    ['{"format":"promtopo","version":9,"name":"x","nodes":[],"edges":[]}', 'file/version'],
  ])('%s -> exit 1 with %s in --json', async (text, code) => {
    writeFileSync(join(dir, 'x.promtopo.json'), text);
    const r = await cli(['validate', 'x.promtopo.json', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ file: 'x.promtopo.json', ok: false, diagnostics: [{ code, severity: 'error' }] });
  });

  it('--json reports an unreadable file as {ok: false, error} with exit 2', async () => {
    const r = await cli(['validate', 'missing.promtopo.json', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: `${join(dir, 'missing.promtopo.json')}: cannot be read (no such file)` });
    expect(r.err).toBe('');
  });
});

describe('export (in-process)', () => {
  it('replaces its own previous bundle, and says when checks were skipped', async () => {
    const out = join(dir, 'again');
    expect((await cli(['export', EXAMPLE, '--out', out])).code).toBe(0);
    const r = await cli(['export', EXAMPLE, '-o', out, '--no-check']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote \d+ files to .*again; configs not checked \(--no-check\)/);
  }, 60_000);

  it('--json for an invalid file: written false, the diagnostics, exit 1', async () => {
    writeFileSync(join(dir, 'bad.promtopo.json'), '[1,2]');
    const r = await cli(['export', 'bad.promtopo.json', '--out', 'o', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, written: false, files: [], diagnostics: [{ code: 'file/not-topology' }] });
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });

  it('refuses the file-system root', async () => {
    const r = await cli(['export', EXAMPLE, '--out', '/']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot write a bundle over a file-system root');
  });

  it('an empty existing folder is fine', async () => {
    mkdirSync(join(dir, 'empty'));
    expect((await cli(['export', EXAMPLE, '--out', 'empty', '--no-check'])).code).toBe(0);
  });
});

describe('export --target (in-process)', () => {
  it('writes the chosen deployment target and says which', async () => {
    const out = join(dir, 'k8s');
    const r = await cli(['export', EXAMPLE, '--target', 'kubernetes', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(target kubernetes)');
    expect(existsSync(join(out, 'kustomization.yaml'))).toBe(true);
    const json = await cli(['export', EXAMPLE, '-t', 'compose', '--out', join(dir, 'compose'), '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, target: 'compose' });
    expect(existsSync(join(dir, 'compose', 'docker-compose.yml'))).toBe(true);
  });

  it('without --target the document decides; an unknown target is a usage error naming the choices', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const file = join(dir, 'systemd.promtopo.json');
    writeFileSync(file, JSON.stringify({ ...doc, settings: { ...doc.settings, export: { target: 'systemd' } } }));
    const r = await cli(['export', file, '--out', join(dir, 'units'), '--no-check']);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'units', 'systemd'))).toBe(true);
    const bad = await cli(['export', EXAMPLE, '--target', 'k8s', '--out', join(dir, 'never')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--target must be one of files, kubernetes, compose, systemd (got "k8s")');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
