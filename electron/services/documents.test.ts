import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyTopology, serializeTopology } from '../../src/model/document.ts';
import { openDocument, saveDocument } from './documents.ts';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const good = serializeTopology(emptyTopology('Demo'));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('openDocument', () => {
  it('returns the text of a valid document', async () => {
    const path = file('ok.promtopo.json', good);
    expect(await openDocument({ path })).toEqual({ ok: true, path, text: good, diagnostics: [] });
  });

  it.each([
    ['missing file', () => join(dir, 'nope.promtopo.json'), 'file/unreadable', 'no such file'],
    ['a folder', () => { mkdirSync(join(dir, 'folder'), { recursive: true }); return join(dir, 'folder'); }, 'file/unreadable', 'is a folder'],
    ['not JSON', () => file('bad.promtopo.json', '{"format": "promtopo",'), 'file/json', 'bad.promtopo.json: not valid JSON'],
    ['wrong format', () => file('other.json', '{"format": "x"}'), 'file/not-topology', 'other.json: "format" must be "promtopo"'],
    ['schema error', () => file('schema.promtopo.json', '{"format":"promtopo","version":1,"name":"x","nodes":[{"id":"a","kind":"prometheus"}],"edges":[]}'), 'schema/invalid', 'schema.promtopo.json: nodes[0]'],
  ])('%s gives a diagnostic that names the file', async (_name, make, code, message) => {
    const r = await openDocument({ path: make() });
    expect(r.ok).toBe(false);
    expect(r.text).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code, severity: 'error' });
    expect(r.diagnostics[0]?.message).toContain(message);
  });

  it('refuses a file above the size limit without reading it', async () => {
    const path = join(dir, 'huge.promtopo.json');
    writeFileSync(path, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(path, 60 * 1024 * 1024);
    const r = await openDocument({ path });
    expect(r.diagnostics[0]).toMatchObject({ code: 'file/too-large' });
    rmSync(path);
  });
});

describe('saveDocument', () => {
  it('writes the text, keeps the file mode and leaves no temp file', async () => {
    const sub = join(dir, 'save');
    mkdirSync(sub);
    const path = join(sub, 'a.promtopo.json');
    writeFileSync(path, good);
    chmodSync(path, 0o600);
    const next = serializeTopology(emptyTopology('Renamed'));
    expect(await saveDocument({ path, document: next })).toEqual({ ok: true, path });
    expect(readFileSync(path, 'utf8')).toBe(next);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(sub)).toEqual(['a.promtopo.json']);
  });

  it('refuses text that is not a topology and keeps the original', async () => {
    const path = file('keep.promtopo.json', good);
    const r = await saveDocument({ path, document: '{"oops": true}' });
    expect(r.ok).toBe(false);
    expect(r.error).toContain('not saved');
    expect(readFileSync(path, 'utf8')).toBe(good);
  });

  it('fails cleanly when the folder does not exist, and on a folder path', async () => {
    const r = await saveDocument({ path: join(dir, 'no/such/dir/x.promtopo.json'), document: good });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('no such file') });
    mkdirSync(join(dir, 'isdir.promtopo.json'));
    expect((await saveDocument({ path: join(dir, 'isdir.promtopo.json'), document: good })).error).toContain('is a folder');
  });

  it('saves through a symbolic link instead of replacing it', async () => {
    const target = file('real.promtopo.json', good);
    const link = join(dir, 'link.promtopo.json');
    symlinkSync(target, link);
    const next = serializeTopology(emptyTopology('Via link'));
    expect((await saveDocument({ path: link, document: next })).ok).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(next);
  });
});
