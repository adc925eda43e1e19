/**
 * `promtopo import --verify` in-process on a real setup (dockprom, from ../shared/testdata/real-configs)
 * and on a config whose rule group `limit` the model does not hold: the verdict on stdout, each
 * difference named by file and field, --json, and the exit codes (0 nothing changes, 3 something would).
 */
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';

const dockprom = join(import.meta.dirname, '../../../shared/testdata/real-configs/dockprom');
if (!existsSync(join(dockprom, 'prometheus.yml'))) throw new Error(`real configurations missing: ${dockprom}`);

const dir = mkdtempSync(join(tmpdir(), 'promtopo-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(dockprom, join(dir, 'dockprom'), { recursive: true });
mkdirSync(join(dir, 'limited'));
writeFileSync(join(dir, 'limited/prometheus.yml'), 'rule_files: [rules.yml]\nscrape_configs:\n  - job_name: node\n    static_configs: [{targets: ["n1:9100"]}]\n');
writeFileSync(join(dir, 'limited/rules.yml'), 'groups:\n  - name: g\n    limit: 10\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n');

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir });
  return { code, out, err };
}

describe('promtopo import --verify', () => {
  it('a faithful import: every original paired and equal, exit 0', async () => {
    const r = await cli('import', 'dockprom/prometheus.yml', 'dockprom/alert.rules', '--verify');
    expect(r.err).toContain('import: ');
    expect(r.out).toMatch(/^verify: dockprom\/prometheus\.yml -> prometheus\/[\w-]+\/prometheus\.yml: equal$/m);
    expect(r.out).toContain('verify: the round trip would change nothing (1 configuration compared, all equal)');
    expect(r.code).toBe(0);
  });

  it('a difference is named by file, rule group and field; exit 3; --json carries the verdict', async () => {
    const r = await cli('import', 'limited/prometheus.yml', '--verify');
    expect(r.out).toContain('limited/prometheus.yml: rule group "g": limit is 10 in the original, 0 after the round trip');
    expect(r.out).toContain('verify: the round trip would change what Prometheus does: 0 of 1 configuration equal, 1 difference');
    expect(r.code).toBe(3);
    const j = await cli('import', 'limited/prometheus.yml', '--verify', '--json');
    expect(j.code).toBe(3);
    const body = JSON.parse(j.out) as { ok: boolean; topology?: unknown; verify: { equal: boolean; compared: number; differences: { file: string; field: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.topology).toBeUndefined();
    expect(body.verify.equal).toBe(false);
    expect(body.verify.compared).toBe(1);
    expect(body.verify.differences.map((d) => [d.file, d.field])).toEqual([['limited/prometheus.yml', 'limit']]);
  });

  it('--out still writes the topology; a config with errors exits 1 with no verdict', async () => {
    const r = await cli('import', 'dockprom/prometheus.yml', '--verify', '--out', 'd.promtopo.json');
    expect(existsSync(join(dir, 'd.promtopo.json'))).toBe(true);
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'bad.yml'), 'global:\n  scrape_intervall: 1m\n');
    const bad = await cli('import', 'bad.yml', '--verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('field scrape_intervall not found');
  });
});
