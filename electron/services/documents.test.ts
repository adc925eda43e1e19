import { execFileSync } from 'node:child_process';
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
    expect(await openDocument({ path })).toEqual({ ok: true, path, text: good, version: expect.stringMatching(/^[0-9a-f]{64}@\d/), diagnostics: [] });
  });

  it.each([
    ['a FIFO (no writer: would block for ever)', () => { const p = join(dir, 'pipe.promtopo.json'); execFileSync('mkfifo', [p]); return p; }, 'named pipe'],
    ['a character device', () => '/dev/zero', 'character device'],
    ['/dev/urandom', () => '/dev/urandom', 'character device'],
  ])('refuses %s before reading it', async (_name, make, kind) => {
    const r = await openDocument({ path: make() });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'file/unreadable' });
    expect(r.diagnostics[0]?.message).toContain(kind);
  });

  it.each([
    ['UTF-16 with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]), 'is UTF-16'],
    ['UTF-16 without a mark', Buffer.from(good, 'utf16le'), 'is UTF-16'],
    ['binary with NUL and escape bytes', Buffer.from([0x7b, 0x1b, 0x5b, 0x32, 0x4a, 0x00, 0x07]), 'is binary'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 'not valid UTF-8'],
  ])('refuses %s with a message free of control characters', async (_name, bytes, reason) => {
    const path = join(dir, 'enc.promtopo.json');
    writeFileSync(path, bytes);
    const r = await openDocument({ path });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.message).toContain(reason);
    expect(r.diagnostics[0]?.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
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
    const opened = await openDocument({ path });
    expect(await saveDocument({ path, document: next, expectedVersion: opened.version })).toEqual({ ok: true, path, version: expect.stringMatching(/^[0-9a-f]{64}@/) });
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
    expect((await saveDocument({ path: link, document: next, overwrite: true })).ok).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(next);
  });

  it('refuses to overwrite a file another program changed since it was opened, and says so', async () => {
    const path = file('ext.promtopo.json', good);
    const opened = await openDocument({ path });
    const theirs = serializeTopology(emptyTopology('Theirs'));
    writeFileSync(path, theirs);
    const r = await saveDocument({ path, document: serializeTopology(emptyTopology('Mine')), expectedVersion: opened.version });
    expect(r).toMatchObject({ ok: false, conflict: 'changed', error: expect.stringContaining('changed on disk since it was opened') });
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    // The user confirmed: overwrite.
    const mine = serializeTopology(emptyTopology('Mine'));
    expect(await saveDocument({ path, document: mine, expectedVersion: opened.version, overwrite: true })).toMatchObject({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(mine);
  });

  it('a touch without a change of content is not a conflict; each save hands out the version for the next', async () => {
    const path = file('touch.promtopo.json', good);
    const opened = await openDocument({ path });
    const { utimesSync } = await import('node:fs');
    utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const first = await saveDocument({ path, document: serializeTopology(emptyTopology('One')), expectedVersion: opened.version });
    expect(first.ok).toBe(true);
    const second = await saveDocument({ path, document: serializeTopology(emptyTopology('Two')), expectedVersion: first.version });
    expect(second.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(serializeTopology(emptyTopology('Two')));
  });

  it('Save As onto an existing file asks (conflict "exists") and writes only with overwrite', async () => {
    const path = file('there.promtopo.json', good);
    const other = serializeTopology(emptyTopology('Other'));
    expect(await saveDocument({ path, document: other })).toMatchObject({ ok: false, conflict: 'exists', error: expect.stringContaining('already exists') });
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(await saveDocument({ path, document: other, overwrite: true })).toMatchObject({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(other);
  });

  it('refuses to save onto a FIFO or a device', async () => {
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    expect((await saveDocument({ path: fifo, document: good, overwrite: true })).error).toContain('not a regular file');
    expect((await saveDocument({ path: '/dev/null', document: good, overwrite: true })).error).toContain('not a regular file');
  });
});
