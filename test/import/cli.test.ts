/**
 * `promtopo import` end to end in-process (runCli with captured output) on files in a fresh temp dir:
 * stdout/--out/--json, rule files picked up from beside the config, and bad input (alias bomb, too
 * large, binary, duplicate keys, a folder, a missing file): a clear message naming the file, the
 * right exit code, and no output file.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFromPaths } from '../../electron/cli/importCommand.ts';
import { runCli } from '../../electron/cli/main.ts';
import { parseTopology } from '../../src/model/document.ts';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): void {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir });
  return { code, out, err };
}

write('leaf-eu/prometheus.yml', `global:
  scrape_interval: 15s
  external_labels: {dc: eu}
rule_files: [rules.yml]
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['node-1:9100']
`);
write('leaf-eu/rules.yml', 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n');
write('bomb.yml', 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n');
write('dup.yml', 'scrape_configs: []\nscrape_configs: []\n');
write('binary.yml', Buffer.from([0x67, 0x6c, 0x00, 0x01, 0xff]));
write('large.yml', `# ${'x'.repeat(6 * 1024 * 1024)}\n`);

describe('promtopo import', () => {
  it('prints the topology on stdout, diagnostics and a summary on stderr; picks up rule files beside the config', async () => {
    const r = await cli('import', 'leaf-eu/prometheus.yml');
    expect(r.code).toBe(0);
    const parsed = parseTopology(r.out);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const server = parsed.topology.nodes.find((n) => n.kind === 'prometheus');
    expect(server?.name).toBe('leaf-eu');
    expect(server?.kind === 'prometheus' && server.ruleGroups.map((g) => g.name)).toEqual(['g']);
    expect(r.err).toContain('import: 2 files, 0 errors');
  });

  it('server names do not depend on how the path was typed (relative in its folder, ./, absolute)', async () => {
    const names: string[] = [];
    for (const [cwd, path] of [[join(dir, 'leaf-eu'), 'prometheus.yml'], [dir, './leaf-eu/prometheus.yml'], [tmpdir(), join(dir, 'leaf-eu/prometheus.yml')]] as const) {
      let out = '';
      const code = await runCli(['import', path], { out: (t) => { out += t; }, err: () => {}, cwd });
      expect(code).toBe(0);
      const parsed = parseTopology(out);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) names.push(parsed.topology.nodes.find((n) => n.kind === 'prometheus')?.name ?? '');
    }
    expect(names).toEqual(['leaf-eu', 'leaf-eu', 'leaf-eu']);
  });

  it('--out writes the document atomically; --json reports it', async () => {
    const r = await cli('import', 'leaf-eu/prometheus.yml', '--out', 'out.promtopo.json', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { ok: boolean; out: string; topology?: unknown };
    expect(report.ok).toBe(true);
    expect(report.out).toBe('out.promtopo.json');
    expect(report.topology).toBeUndefined();
    expect(parseTopology(readFileSync(join(dir, 'out.promtopo.json'), 'utf8')).ok).toBe(true);
  });

  it.each([
    ['alias bomb', 'bomb.yml', 1, 'bomb.yml: YAML aliases expand too much'],
    ['duplicate keys', 'dup.yml', 1, `parsing YAML file ${basename(dir)}/dup.yml: yaml: unmarshal errors: line 2: field scrape_configs already set in type config.plain`],
    ['binary file', 'binary.yml', 2, 'binary.yml: binary content'],
    ['file over the size limit', 'large.yml', 2, 'large.yml: larger than 5 MiB'],
    ['a folder', 'leaf-eu', 2, 'leaf-eu: is a folder'],
    ['a missing file', 'nope.yml', 2, 'nope.yml: no such file'],
  ])('%s: clear error naming the file, exit %i, nothing written', async (_, file, code, message) => {
    const target = `never-${file.replace(/\W/g, '')}.json`;
    const r = await cli('import', file, '--out', target);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /); // never a stack trace
    expect(r.out).toBe('');
    expect(existsSync(join(dir, target))).toBe(false);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('import')).code).toBe(2);
    expect((await cli('import', '--bogus', 'x.yml')).code).toBe(2);
    const help = await cli('import', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: promtopo import FILE...');
  });
});

describe('importFromPaths (the host operation)', () => {
  it('imports absolute paths with the rule files beside them; names are relative to their common folder', async () => {
    const r = await importFromPaths([join(dir, 'leaf-eu/prometheus.yml')]);
    expect(r.ok).toBe(true);
    const parsed = parseTopology(r.document ?? '');
    expect(parsed.ok && parsed.topology.nodes.find((n) => n.kind === 'prometheus')?.name).toBe('leaf-eu');
  });

  it('unreadable and invalid input: ok false, the file named, no document', async () => {
    const missing = await importFromPaths([join(dir, 'nope.yml')]);
    expect(missing.ok).toBe(false);
    expect(missing.document).toBeUndefined();
    expect(missing.diagnostics[0]?.message).toContain('nope.yml: no such file');
    const dup = await importFromPaths([join(dir, 'dup.yml')]);
    expect(dup.ok).toBe(false);
    expect(dup.diagnostics[0]?.message).toContain('field scrape_configs already set');
  });
});
