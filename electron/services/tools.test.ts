import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAlertmanagerConfig, findAmtool } from './amtool.ts';
import { checkPrometheusConfig, findPromtool } from './promtool.ts';
import { findBinary, runTool } from './tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string, mode = 0o644): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
}

describe('findBinary', () => {
  it('finds the real promtool and amtool on PATH (the Debian packages must be installed)', () => {
    expect(findPromtool()).toMatch(/promtool$/);
    expect(findAmtool()).toMatch(/amtool$/);
  });
  it('honours an explicit variable, and refuses one that is not executable', () => {
    const fake = file('fake-tool', '#!/bin/sh\necho hi\n', 0o755);
    const plain = file('not-exec', 'x');
    expect(findBinary(['promtool'], 'X_BIN', { PATH: '', X_BIN: fake })).toBe(fake);
    expect(findBinary(['promtool'], 'X_BIN', { PATH: '', X_BIN: plain })).toBeUndefined();
    expect(findBinary(['promtool'], 'X_BIN', { PATH: '' })).toBeUndefined();
    expect(findBinary(['fake-tool'], 'X_BIN', { PATH: `/nonexistent:${dir}` })).toBe(fake);
  });
});

describe('runTool', () => {
  it('kills a tool that exceeds the timeout and says so', async () => {
    const slow = file('slow-tool', '#!/bin/sh\nsleep 5\n', 0o755);
    const started = process.hrtime.bigint();
    const r = await runTool(slow, [], { timeoutMs: 200 });
    expect(r.ok).toBe(false);
    expect(r.timedOut).toBe(true);
    expect(r.output).toContain('timed out after 200 ms');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(3000);
  });
  it('reports a binary that cannot start instead of throwing', async () => {
    const r = await runTool(join(dir, 'missing'), []);
    expect(r).toMatchObject({ ok: false });
    expect(r.output).toContain('could not start');
  });
});

describe('checkPrometheusConfig (real promtool)', () => {
  it.each([
    ['good', 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [\'localhost:9100\']\n', true, 'SUCCESS'],
    ['duplicate job', 'scrape_configs:\n  - job_name: a\n  - job_name: a\n', false, 'found multiple scrape configs with job name "a"'],
    ['timeout > interval', 'global:\n  scrape_interval: 5s\n  scrape_timeout: 10s\n', false, 'global scrape timeout greater than scrape interval'],
    ['missing rule file', 'rule_files:\n  - rules/none.yml\n', false, 'none.yml'],
  ])('%s', async (name, text, ok, expected) => {
    const r = await checkPrometheusConfig(file(`${name.replace(/\W/g, '-')}.yml`, text));
    expect(r.ok).toBe(ok);
    expect(r.output).toContain(expected);
  });
  it('says promtool is missing rather than throwing', async () => {
    const saved = process.env.PROMTOOL_BIN;
    process.env.PROMTOOL_BIN = join(dir, 'no-such-promtool');
    try {
      const r = await checkPrometheusConfig(join(dir, 'x.yml'));
      expect(r).toEqual({ ok: false, output: expect.stringContaining('promtool not found') });
    } finally {
      if (saved === undefined) delete process.env.PROMTOOL_BIN;
      else process.env.PROMTOOL_BIN = saved;
    }
  });
});

describe('checkAlertmanagerConfig (real amtool)', () => {
  it.each([
    ['good', 'route:\n  receiver: default\nreceivers:\n  - name: default\n', true, 'SUCCESS'],
    ['unknown receiver', 'route:\n  receiver: nobody\nreceivers:\n  - name: default\n', false, 'undefined receiver "nobody"'],
  ])('%s', async (name, text, ok, expected) => {
    const r = await checkAlertmanagerConfig(file(`am-${name.replace(/\W/g, '-')}.yml`, text));
    expect(r.ok).toBe(ok);
    expect(r.output).toContain(expected);
  });
});
