/**
 * The renderer's only door to the host. One typed `call(op, request)` for every operation of
 * src/host-api.ts, over either transport: Electron's preload bridge (`window.promtopo`) or HTTP
 * (`POST /api/<op>`, browser mode). Requests are checked before they leave and responses are
 * re-parsed with the same zod schemas, so a host that answers the wrong shape fails loudly here.
 */
import { hostApi } from '../../src/host-api.ts';
import type { HostBridge, HostOperation, HostRequest, HostResponse, MenuCommand } from '../../src/host-api.ts';

/** Which face of the host the renderer runs in. */
export type HostMode = 'electron' | 'browser';

/** Sends one already-validated request and returns the raw (unchecked) response. */
export type HostTransport = (op: HostOperation, request: unknown) => Promise<unknown>;

/** A failed host call: the message is for the user (names the operation and what went wrong). */
export class HostError extends Error {
  readonly op: HostOperation;
  constructor(op: HostOperation, message: string) {
    super(message);
    this.name = 'HostError';
    this.op = op;
  }
}

export interface HostClient {
  readonly mode: HostMode;
  /** True where the host shows native open/save/folder dialogs (Electron); browser mode asks in the page. */
  readonly nativeDialogs: boolean;
  call<Op extends HostOperation>(op: Op, request: HostRequest<Op>): Promise<HostResponse<Op>>;
  /** Native menu commands (Electron); browser mode never calls the listener. Returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length ? issue.path.map(String).join('.') : 'payload';
  return `${where}: ${issue.message}`;
}

export function createHostClient(
  mode: HostMode,
  transport: HostTransport,
  subscribe: (listener: (command: MenuCommand) => void) => () => void = () => () => {},
): HostClient {
  async function call<Op extends HostOperation>(op: Op, request: HostRequest<Op>): Promise<HostResponse<Op>> {
    const schema = hostApi[op];
    const req = schema.request.safeParse(request);
    if (!req.success) throw new HostError(op, `${op}: invalid request (${firstIssue(req.error)})`);
    let raw: unknown;
    try {
      raw = await transport(op, req.data);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(op, `${op}: the host did not answer (${e instanceof Error ? e.message : String(e)})`);
    }
    const res = schema.response.safeParse(raw);
    if (!res.success) throw new HostError(op, `${op}: the host answered an unexpected shape (${firstIssue(res.error)})`);
    return res.data as HostResponse<Op>;
  }
  return { mode, nativeDialogs: mode === 'electron', call, onMenuCommand: subscribe };
}

/** Transport over Electron's preload bridge. */
export function bridgeTransport(bridge: HostBridge): HostTransport {
  return (op, request) => {
    const fn = bridge[op] as (req: unknown) => Promise<unknown>;
    return fn(request);
  };
}

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/**
 * Transport over HTTP to the browser-mode server: `POST <base>/api/<op>` with a JSON body and the
 * session token (browserToken.ts) in `X-PromTopo-Token`.
 */
export function httpTransport(fetchImpl: FetchLike, base = '', token?: string): HostTransport {
  return async (op, request) => {
    const res = await fetchImpl(`${base}/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { 'X-PromTopo-Token': token } : {}) },
      body: JSON.stringify(request),
    });
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new HostError(op, `${op}: the host answered HTTP ${res.status} without JSON`);
    }
    if (!res.ok) {
      const message = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : `HTTP ${res.status}`;
      throw new HostError(op, `${op}: ${message}`);
    }
    return body;
  };
}
