/**
 * `promtopo diff` as a child process: exit 0 for the same design, 1 for a change, 2 for a file that
 * cannot be read or is not a topology; readable text for a pull request and stable JSON.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { editNode, example } from '../diff/support.ts';

const BIN = resolve('bin/promtopo.mjs');
const dir = mkdtempSync(join(tmpdir(), 'promtopo-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

function promtopo(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 170_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function write(name: string, t: Topology): string {
  writeFileSync(join(dir, name), serializeTopology(t));
  return name;
}

const before = example('federation');
const dropped = before.edges.find((e) => e.kind === 'federation' && e.source === 'p-ap');
const after = editNode({ ...before, edges: before.edges.filter((e) => e !== dropped) }, 'prom-eu-1', (n) => ({ ...n, retention: '30d', name: 'prom-eu-<1>' }));

describe('promtopo diff', () => {
  it('the same design twice: "no changes", exit 0', async () => {
    const run = await promtopo('diff', write('same-a.json', before), write('same-b.json', before));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('--- same-a.json\n+++ same-b.json\nno changes\n');
    expect(run.code).toBe(0);
  });

  it('a change: one line per element, fields indented, the load table, exit 1', async () => {
    const run = await promtopo('diff', write('old.json', before), write('new.json', after));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['--- old.json', '+++ new.json']);
    expect(lines).toContain('~ leaf "prom-eu-<1>"');
    expect(lines).toContain('    name: prom-eu-1 -> prom-eu-<1>');
    expect(lines).toContain('    retention: 15d -> 30d');
    expect(dropped?.kind).toBe('federation');
    const removed = lines.indexOf('- federation edge prom-global -> prom-ap-1 removed');
    expect(removed).toBeGreaterThan(1);
    expect(lines[removed + 1]).toBe(`    match[] selectors: ${dropped?.kind === 'federation' ? dropped.match.join(', ') : ''}`);
    expect(run.stdout).toMatch(/Load change per server:\n {2}server +series +samples\/s +memory +utilisation +machine size +price\/month\n {2}prom-eu-<1> /);
    expect(lines.at(-2)).toBe('0 added, 1 removed, 1 changed');
  });

  it('--json: the same diff as data, stable between runs; exit 1', async () => {
    const [a, b] = [write('j-old.json', before), write('j-new.json', after)];
    const first = await promtopo('diff', a, b, '--json');
    const second = await promtopo('diff', a, b, '--json');
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const json = JSON.parse(first.stdout) as { changed: boolean; summary: Record<string, number>; changes: { title: string; fields: { field: string; before?: string; after?: string }[] }[]; load: { name: string; before: { diskBytes: number }; after: { diskBytes: number } }[] };
    expect(json.changed).toBe(true);
    expect(json.summary).toEqual({ added: 0, removed: 1, changed: 1 });
    const leaf = json.changes.find((c) => c.title === 'leaf "prom-eu-<1>"');
    expect(leaf?.fields).toContainEqual({ field: 'retention', label: 'retention', before: '15d', after: '30d' });
    // Twice the retention, twice the disk.
    const load = json.load.find((l) => l.name === 'prom-eu-<1>');
    expect(load?.after.diskBytes).toBeCloseTo(2 * (load?.before.diskBytes ?? 0), -1);
  });

  it('the machine size needed and its price change, as text and as JSON', async () => {
    const sizes = [
      { name: 'mid', vcpu: 2, ramGiB: 8, diskGiB: 200, pricePerMonth: 50 },
      { name: 'big', vcpu: 8, ramGiB: 64, diskGiB: 4000, pricePerMonth: 200 },
    ];
    const priced: Topology = { ...before, settings: { ...before.settings, machines: { sizes } } };
    const grown = editNode(priced, 'node-eu', (n) => ({ ...n, seriesPerTarget: 1_000_000 }));
    const [a, b] = [write('m-old.json', priced), write('m-new.json', grown)];
    const text = await promtopo('diff', a, b);
    expect(text.code).toBe(1);
    const row = text.stdout.split('\n').find((l) => l.startsWith('  prom-eu-1 '));
    expect(row).toMatch(/ mid -> big +50 -> 200 \(\+150\)$/);
    const json = JSON.parse((await promtopo('diff', a, b, '--json')).stdout) as { load: { name: string; before: object; after: object }[] };
    const load = json.load.find((l) => l.name === 'prom-eu-1');
    expect(load?.before).toMatchObject({ neededSize: 'mid', pricePerMonth: 50 });
    expect(load?.after).toMatchObject({ neededSize: 'big', pricePerMonth: 200 });
  });

  it('a missing file or a file that is not a topology: one line naming it, exit 2, no stack trace', async () => {
    writeFileSync(join(dir, 'not-topology.json'), '{"format": "other"}');
    const missing = await promtopo('diff', write('m.json', before), 'missing.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^promtopo diff: .*missing\.json: cannot be read/);
    const wrong = await promtopo('diff', 'not-topology.json', 'm.json', '--json');
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: expect.stringContaining('not-topology.json') });
    for (const run of [missing, wrong]) expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
  });
});
