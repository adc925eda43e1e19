/** The real services behind the host operations, through the same entry point both faces use. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers, createNodeHostServices, invokeHostOperation } from './hostHandlers.ts';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-host-services-'));
const saved = process.env.PROMTOPO_CONFIG_DIR;
beforeAll(() => {
  process.env.PROMTOPO_CONFIG_DIR = join(dir, 'config');
});
afterAll(() => {
  if (saved === undefined) delete process.env.PROMTOPO_CONFIG_DIR;
  else process.env.PROMTOPO_CONFIG_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

const handlers = createHostHandlers(createNodeHostServices(), { mode: 'browser', version: 'test' });
const exampleText = readFileSync(resolve('assets/examples/ha-pair.promtopo.json'), 'utf8');

describe('node host services', () => {
  it('exportBundle writes the bundle and answers the promtool verdict', async () => {
    const outDir = join(dir, 'bundle');
    const r = await invokeHostOperation(handlers, 'exportBundle', { document: exampleText, outDir });
    expect(r).toMatchObject({ ok: true, status: 200, body: { ok: true, outDir, promtool: { ran: true, ok: true } } });
    expect(existsSync(join(outDir, '.promtopo-bundle'))).toBe(true);
  }, 30_000);

  it('openDocument and saveDocument remember the file in the recent files', async () => {
    const path = join(dir, 'doc.promtopo.json');
    writeFileSync(path, exampleText);
    expect(await invokeHostOperation(handlers, 'openDocument', { path })).toMatchObject({ status: 200, body: { ok: true, text: exampleText } });
    const saveAs = join(dir, 'copy.promtopo.json');
    expect(await invokeHostOperation(handlers, 'saveDocument', { path: saveAs, document: exampleText })).toMatchObject({ body: { ok: true } });
    expect(await invokeHostOperation(handlers, 'recentFiles', {})).toEqual({ ok: true, status: 200, body: { paths: [saveAs, path] } });
  });

  it('listExamples lists the built-in examples and loadExample returns one', async () => {
    const list = await invokeHostOperation(handlers, 'listExamples', {});
    expect(list.ok && (list.body as { examples: { id: string }[] }).examples.map((e) => e.id)).toEqual(expect.arrayContaining(['federation', 'ha-pair', 'multi-dc']));
    expect(await invokeHostOperation(handlers, 'loadExample', { id: 'ha-pair' })).toMatchObject({ body: { ok: true, text: exampleText } });
  });

  it('importConfigs reads the exported prometheus.yml files (and rule files) back from disk', async () => {
    const outDir = join(dir, 'bundle');
    const paths = ['a', 'b'].map((r) => join(outDir, `prometheus/prom-ha-${r}/prometheus.yml`));
    for (const p of paths) expect(existsSync(p), p).toBe(true);
    const r = await invokeHostOperation(handlers, 'importConfigs', { paths });
    expect(r).toMatchObject({ status: 200, body: { ok: true } });
    const doc = JSON.parse((r.ok && (r.body as { document: string }).document) || '{}') as { nodes: { kind: string; name: string; ha?: { replicas: number } }[] };
    expect(doc.nodes.find((n) => n.kind === 'prometheus')).toMatchObject({ name: 'prom-ha', ha: { replicas: 2 } });
  }, 30_000);
});
