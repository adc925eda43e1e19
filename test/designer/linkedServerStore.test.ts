/**
 * The designer's linked-server store driven against the host's real operations (settings in a temp
 * folder, real HTTP): a link is stored in settings.json and read back by a fresh store; a URL with
 * credentials is refused with the host's message and nothing stored; measuring a port nothing
 * listens on fails naming the URL; an empty URL unlinks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkedServerStore } from '../../app/panels/servers/linkedServerStore.ts';
import type { HostClient } from '../../app/host/hostClient.ts';
import { measureServerOperation, serverLinksOperation } from '../../electron/services/serverService.ts';
import { freePorts } from '../live/support/ports.ts';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The host's own operations, as browser mode and Electron run them. */
const call = (async (op: string, request: unknown) => {
  if (op === 'serverLinks') return serverLinksOperation(request as never, dir);
  if (op === 'measureServer') return measureServerOperation(request as never);
  throw new Error(`${op}: not used here`);
}) as HostClient['call'];

describe('linked-server store on the real host operations', () => {
  it('stores a link in local settings, refuses credentials, reports an unreachable server by URL, unlinks', async () => {
    const [port] = await freePorts(1);
    const url = `http://127.0.0.1:${port}`;
    const store = createLinkedServerStore(call);

    expect(await store.setLink('dc/leaf', `http://me:pw@127.0.0.1:${port}`)).toMatch(/user name or password is refused/);
    expect(store.getState().links['dc/leaf']).toBeUndefined();
    expect(store.getState().linkErrors['dc/leaf']).toMatch(/refused/);

    expect(await store.setLink('dc/leaf', ` ${url}/ `)).toBeUndefined();
    expect(store.getState().links).toEqual({ 'dc/leaf': url });
    expect(store.getState().linkErrors['dc/leaf']).toBeUndefined();
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toContain(url);

    const fresh = createLinkedServerStore(call);
    await fresh.load();
    expect(fresh.getState().links).toEqual({ 'dc/leaf': url });

    await fresh.measure(['dc/leaf', 'dc/unlinked']);
    const m = fresh.getState().measurements['dc/leaf'];
    expect(m?.state).toBe('failed');
    expect(m?.state === 'failed' ? m.error : '').toContain(url);
    expect(fresh.getState().measurements['dc/unlinked']).toBeUndefined();

    expect(await fresh.setLink('dc/leaf', '')).toBeUndefined();
    expect(fresh.getState().links).toEqual({});
    expect(fresh.getState().measurements['dc/leaf']).toBeUndefined();
  });
});
