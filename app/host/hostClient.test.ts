import { describe, expect, it } from 'vitest';
import { HostError, createHostClient, httpTransport } from './hostClient.ts';
import type { HostTransport } from './hostClient.ts';

function recording(answer: unknown): { transport: HostTransport; calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return { calls, transport: async (op, req) => { calls.push([op, req]); return answer; } };
}

describe('createHostClient', () => {
  it('sends a valid request and returns the parsed response', async () => {
    const t = recording({ examples: [{ id: 'federation', name: 'Federation', description: 'two leaves' }] });
    const client = createHostClient('browser', t.transport);
    await expect(client.call('listExamples', {})).resolves.toEqual({
      examples: [{ id: 'federation', name: 'Federation', description: 'two leaves' }],
    });
    expect(t.calls).toEqual([['listExamples', {}]]);
  });

  it('refuses an invalid request before it leaves, naming the field', async () => {
    const t = recording({ ok: true });
    const client = createHostClient('browser', t.transport);
    await expect(client.call('loadExample', { id: '../etc/passwd' })).rejects.toThrow(/loadExample: invalid request \(id: /);
    expect(t.calls).toEqual([]);
  });

  it('rejects a response of the wrong shape', async () => {
    const client = createHostClient('electron', recording({ paths: 'not-a-list' }).transport);
    const err = await client.call('recentFiles', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toMatch(/recentFiles: the host answered an unexpected shape \(paths: /);
  });

  it('wraps a transport failure in a HostError', async () => {
    const client = createHostClient('browser', async () => { throw new Error('connection refused'); });
    await expect(client.call('hostInfo', {})).rejects.toThrow('hostInfo: the host did not answer (connection refused)');
  });

  it('reports native dialogs only in Electron', () => {
    expect(createHostClient('electron', recording({}).transport).nativeDialogs).toBe(true);
    expect(createHostClient('browser', recording({}).transport).nativeDialogs).toBe(false);
  });
});

describe('httpTransport', () => {
  type Init = { method: string; headers: Record<string, string>; body: string };
  it('POSTs JSON to /api/<op>', async () => {
    const seen: [string, Init][] = [];
    const transport = httpTransport(async (url, init) => {
      seen.push([url, init]);
      return { ok: true, status: 200, json: async () => ({ paths: ['/a.promtopo.json'] }) };
    }, 'http://127.0.0.1:9');
    await expect(transport('recentFiles', {})).resolves.toEqual({ paths: ['/a.promtopo.json'] });
    expect(seen[0]?.[0]).toBe('http://127.0.0.1:9/api/recentFiles');
    expect(seen[0]?.[1]).toMatchObject({ method: 'POST', body: '{}' });
  });

  it("turns an error answer into the server's message", async () => {
    const transport = httpTransport(async () => ({ ok: false, status: 400, json: async () => ({ error: 'path: required' }) }));
    await expect(transport('openDocument', {})).rejects.toThrow('openDocument: path: required');
  });
});
