/** `promtopo report` as a child process: writes the page, picks scenarios, refuses bad input with exit 1 or 2. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/promtopo.mjs');
const EXAMPLE = resolve('assets/examples/multi-dc.promtopo.json');
const dir = mkdtempSync(join(tmpdir(), 'promtopo-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

function promtopo(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 170_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('promtopo report', () => {
  it('writes one HTML page with the chosen scenario only; --json says what it wrote', async () => {
    const run = await promtopo('report', EXAMPLE, '--out', 'r.html', '--scenario', 'retention-30d', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(JSON.parse(run.stdout)).toEqual({ file: 'multi-dc.promtopo.json', out: 'r.html', ok: true, bytes: Buffer.byteLength(html), scenarios: ['retention-30d'] });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<th scope="col">retention 30d</th>');
    expect(html).not.toContain('+50% targets</th>');
  });

  it('an unknown scenario, a missing --out, or a file that is not a topology: a message, no page, no stack trace', async () => {
    const unknown = await promtopo('report', EXAMPLE, '--out', 'x.html', '--scenario', 'retention-1y');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('promtopo report: unknown scenario "retention-1y"; scenarios: targets+50, retention-30d\n');
    const noOut = await promtopo('report', EXAMPLE);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
    writeFileSync(join(dir, 'bad.json'), '{"format": "promtopo", "version": 1, "name": "x", "nodes": [{"id": "a", "kind": "prometheus"}], "edges": []}');
    const bad = await promtopo('report', 'bad.json', '--out', 'x.html');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.json: error: .*nodes\[0\]/);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
    for (const run of [unknown, noOut, bad]) expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
  });
});
