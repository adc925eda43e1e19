/**
 * The host operations of src/host-api.ts mapped onto the services, shared by both faces: Electron's
 * IPC handlers and the browser-mode server call `invokeHostOperation`, which re-parses the request
 * with the operation's schema, runs the handler and parses the response too. Platform-only features
 * (native dialogs, window title, native edit actions) come from the face as a `HostPlatform`.
 * Plain Node: no `electron` import.
 */
import { homedir } from 'node:os';
import { hostApi } from '../../src/host-api.ts';
import type { HostOperation, HostRequest, HostResponse } from '../../src/host-api.ts';
import { importFromPaths } from '../cli/importCommand.ts';
import { exportBundle } from './bundleWriter.ts';
import { openDocument, saveDocument } from './documents.ts';
import { listExamples, loadExample } from './examples.ts';
import { cleanMessage } from './messageText.ts';
import { findPromtool } from './promtool.ts';
import { LocalRuns } from './run/localRuns.ts';
import { addRecentFile, recentFiles } from './settings.ts';
import { importFromServerOperation, measureServerOperation, serverLinksOperation } from './serverService.ts';

/** One function per operation, taking the parsed request. */
export type HostHandlers = { readonly [Op in HostOperation]: (request: HostRequest<Op>) => Promise<HostResponse<Op>> };

/** The services behind the operations (the service modules, or test doubles with the same shapes). */
export type HostServices = Pick<
  HostHandlers,
  'exportBundle' | 'openDocument' | 'saveDocument' | 'listExamples' | 'loadExample' | 'recentFiles' | 'importConfigs'
> & Partial<Pick<HostHandlers, 'startLocalRun' | 'localRunStatus' | 'stopLocalRun'>> & {
  /** Remembers a path as recently used (after a successful open or save). */
  readonly rememberRecent: (path: string) => Promise<void>;
  /** Path of promtool when found. */
  readonly promtoolPath: () => string | undefined;
  readonly homeDir: () => string | undefined;
};

/** What only one face can do. Browser mode passes `{ mode: 'browser' }` and gets the "unsupported" answers. */
export interface HostPlatform {
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  readonly chooseFolder?: (request: HostRequest<'chooseFolder'>) => Promise<string | undefined>;
  readonly chooseFile?: (request: HostRequest<'chooseFile'>) => Promise<string[]>;
  readonly setDocumentState?: (request: HostRequest<'setDocumentState'>) => void;
  readonly nativeEdit?: (action: HostRequest<'nativeEdit'>['action']) => void;
}

/** The real services; settings live under `$PROMTOPO_CONFIG_DIR` when set. */
export function createNodeHostServices(): HostServices {
  const runs = new LocalRuns();
  return {
    startLocalRun: (req) => runs.start(req),
    localRunStatus: (req) => runs.status(req),
    stopLocalRun: (req) => runs.stop(req),
    exportBundle: (req) => exportBundle(req),
    openDocument: (req) => openDocument(req),
    saveDocument: (req) => saveDocument(req),
    listExamples: () => listExamples(),
    loadExample: (req) => loadExample(req),
    recentFiles: () => recentFiles(),
    importConfigs: (req) => importFromPaths(req.paths),
    rememberRecent: async (path) => void (await addRecentFile(path)),
    promtoolPath: () => findPromtool(),
    homeDir: () => homedir(),
  };
}

export function createHostHandlers(services: HostServices, platform: HostPlatform): HostHandlers {
  return {
    exportBundle: (req) => services.exportBundle(req),
    openDocument: async (req) => {
      const res = await services.openDocument(req);
      if (res.ok) await services.rememberRecent(res.path);
      return res;
    },
    saveDocument: async (req) => {
      const res = await services.saveDocument(req);
      if (res.ok) await services.rememberRecent(res.path);
      return res;
    },
    listExamples: (req) => services.listExamples(req),
    loadExample: (req) => services.loadExample(req),
    recentFiles: (req) => services.recentFiles(req),
    importConfigs: (req) => services.importConfigs(req),
    // Local runs (services/run/): absent from a host without them, which then says so.
    startLocalRun: async (req) => services.startLocalRun?.(req) ?? { ok: false, error: 'this host cannot run designs locally' },
    localRunStatus: async (req) => services.localRunStatus?.(req) ?? { running: false, error: 'this host cannot run designs locally' },
    stopLocalRun: async (req) => services.stopLocalRun?.(req) ?? { ok: false },
    measureServer: (req) => measureServerOperation(req),
    importFromServer: (req) => importFromServerOperation(req),
    serverLinks: (req) => serverLinksOperation(req),
    hostInfo: async () => {
      const promtool = services.promtoolPath();
      const homeDir = services.homeDir();
      return {
        mode: platform.mode,
        version: platform.version,
        ...(promtool ? { promtool } : {}),
        ...(homeDir ? { homeDir } : {}),
      };
    },
    chooseFolder: async (req) => {
      if (!platform.chooseFolder) return { supported: false };
      const path = await platform.chooseFolder(req);
      return path ? { supported: true, path } : { supported: true };
    },
    chooseFile: async (req) =>
      platform.chooseFile ? { supported: true, paths: await platform.chooseFile(req) } : { supported: false, paths: [] },
    setDocumentState: async (req) => {
      platform.setDocumentState?.(req);
      return { ok: true };
    },
    nativeEdit: async (req) => {
      if (!platform.nativeEdit) return { ok: false };
      platform.nativeEdit(req.action);
      return { ok: true };
    },
  };
}

/** Outcome of one invocation, ready for HTTP (status) or IPC (body or thrown message). */
export type HostInvocation =
  | { readonly ok: true; readonly status: 200; readonly body: unknown }
  | { readonly ok: false; readonly status: 400 | 404 | 500; readonly error: string };

/** True when `name` is one of the operations of src/host-api.ts (own keys only: no `toString`). */
export function isHostOperation(name: string): name is HostOperation {
  return Object.prototype.hasOwnProperty.call(hostApi, name);
}

function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid payload';
  return `${issue.path.length ? issue.path.map(String).join('.') : 'payload'}: ${issue.message}`;
}

/**
 * Validates and runs one operation. Never throws: an unknown operation is 404, a payload that fails
 * the schema 400 (naming the field), a failing service or a response of the wrong shape 500 with a
 * one-line message (no stack trace).
 */
export async function invokeHostOperation(handlers: HostHandlers, op: string, payload: unknown): Promise<HostInvocation> {
  if (!isHostOperation(op)) return { ok: false, status: 404, error: `unknown host operation "${op.slice(0, 80)}"` };
  const schema = hostApi[op];
  const req = schema.request.safeParse(payload);
  if (!req.success) return { ok: false, status: 400, error: `${op}: invalid request (${describeIssue(req.error.issues)})` };
  let raw: unknown;
  try {
    const handler = handlers[op] as (request: unknown) => Promise<unknown>;
    raw = await handler(req.data);
  } catch (e) {
    return { ok: false, status: 500, error: cleanMessage(`${op} failed: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`) };
  }
  const res = schema.response.safeParse(raw);
  if (!res.success) return { ok: false, status: 500, error: `${op}: the service answered an unexpected shape (${describeIssue(res.error.issues)})` };
  return { ok: true, status: 200, body: cleanMessages(res.data) };
}

/** The messages of an answer (`error`, each diagnostic's message and hint) made safe to show. */
function cleanMessages(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const b = body as { error?: unknown; diagnostics?: unknown };
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (typeof b.error === 'string') out.error = cleanMessage(b.error);
  if (Array.isArray(b.diagnostics)) {
    out.diagnostics = b.diagnostics.map((d: { message: string; hint?: string }) => ({ ...d, message: cleanMessage(d.message), ...(d.hint === undefined ? {} : { hint: cleanMessage(d.hint) }) }));
  }
  return out;
}
