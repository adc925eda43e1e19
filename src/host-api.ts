/**
 * The contract between the renderer and the host (Electron main process, or the browser-mode server).
 * One named operation each, with zod schemas for request and response. Electron: preload exposes
 * `window.promtopo.<op>(req)` -> `ipcRenderer.invoke('promtopo:<op>')`; browser mode: `POST /api/<op>`.
 * Both sides re-parse every payload with these schemas.
 */
import { z } from 'zod';

const DiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  hint: z.string().optional(),
  at: z.object({
    node: z.string().optional(),
    edge: z.string().optional(),
    field: z.string().optional(),
    file: z.string().optional(),
    line: z.number().optional(),
    column: z.number().optional(),
  }),
});

/** What the round trip import -> export would change (src/compare/verifyImport.ts). */
const RoundTripVerdictSchema = z.object({
  equal: z.boolean(),
  compared: z.number(),
  equalCount: z.number(),
  pairs: z.array(z.object({ original: z.string(), generated: z.string().optional(), differences: z.number() })),
  added: z.array(z.string()),
  differences: z.array(z.object({
    file: z.string(),
    job: z.string().optional(),
    field: z.string(),
    original: z.string().optional(),
    roundTrip: z.string().optional(),
    message: z.string(),
  })),
});

/** A topology document travels as its JSON text; the host parses it with model/document.ts. */
const DocumentText = z.string().max(50 * 1024 * 1024);

/**
 * What a file held when it was read or written: `<sha256 of the bytes>@<modification time in ms>`.
 * Opaque to the renderer; the host compares the hash (identical bytes with a newer time are no change).
 */
const DiskVersion = z.string().regex(/^[0-9a-f]{64}@\d+(\.\d+)?$/);

const PromtoolVerdict = z.object({
  /** False when promtool is not on PATH (the verdict is then unknown, not "ok"). */
  ran: z.boolean(),
  ok: z.boolean(),
  /**
   * Per checked file: its bundle path and promtool's output; `unchecked` lists the sections this
   * promtool cannot check (valid Prometheus 3.x it does not know), checked without them.
   */
  results: z.array(z.object({ path: z.string(), ok: z.boolean(), output: z.string(), unchecked: z.array(z.string()).optional() })),
});

const RunFigures = z.object({ series: z.number(), samplesPerSecond: z.number(), memoryBytes: z.number() });

/** What a local run measured beside what the load model predicts (src/run/comparison.ts). */
const LocalRunStatusSchema = z.object({
  servers: z.array(z.object({
    nodeId: z.string(),
    name: z.string(),
    instance: z.string(),
    url: z.string(),
    up: z.boolean(),
    predicted: RunFigures,
    measured: RunFigures.nullable(),
    errorPercent: z.object({ series: z.number().nullable(), samplesPerSecond: z.number().nullable(), memoryBytes: z.number().nullable() }),
    problem: z.string().optional(),
  })),
  edges: z.array(z.object({
    id: z.string(),
    kind: z.enum(['scrape', 'federation']),
    job: z.string(),
    predicted: z.object({ samplesPerSecond: z.number() }),
    measured: z.object({ samplesPerSecond: z.number() }).nullable(),
    errorPercent: z.number().nullable(),
  })),
  alertmanagers: z.array(z.object({ name: z.string(), index: z.number(), url: z.string(), up: z.boolean(), checkAlerts: z.record(z.string(), z.number()), problem: z.string().optional() })),
  targetsDown: z.record(z.string(), z.array(z.string())),
});

const RunId = z.string().regex(/^run-\d+$/);

export const hostApi = {
  /** Generate, validate and write the bundle atomically into `outDir`. */
  exportBundle: {
    request: z.object({ document: DocumentText, outDir: z.string().min(1) }),
    response: z.object({
      ok: z.boolean(),
      outDir: z.string(),
      files: z.array(z.object({ path: z.string(), bytes: z.number() })),
      diagnostics: z.array(DiagnosticSchema),
      promtool: PromtoolVerdict.optional(),
      /** Set when nothing was written: why, in one sentence naming the file/node/field. */
      error: z.string().optional(),
    }),
  },
  /** Read a topology file; `version` identifies what was read (see saveDocument). */
  openDocument: {
    request: z.object({ path: z.string().min(1) }),
    response: z.object({ ok: z.boolean(), path: z.string(), text: z.string().optional(), version: DiskVersion.optional(), diagnostics: z.array(DiagnosticSchema) }),
  },
  /**
   * Write a topology file atomically. An existing file is replaced only when it still holds what was
   * opened or last saved (`expectedVersion`, from openDocument/saveDocument) or when `overwrite` is
   * set (the user confirmed). Otherwise nothing is written and `conflict` says why: `changed` (another
   * program rewrote the file) or `exists` (Save As onto a file that is there).
   */
  saveDocument: {
    request: z.object({ path: z.string().min(1), document: DocumentText, expectedVersion: DiskVersion.optional(), overwrite: z.boolean().optional() }),
    response: z.object({
      ok: z.boolean(),
      path: z.string(),
      version: DiskVersion.optional(),
      conflict: z.enum(['changed', 'exists']).optional(),
      error: z.string().optional(),
    }),
  },
  /** The built-in example topologies. */
  listExamples: {
    request: z.object({}),
    response: z.object({ examples: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })) }),
  },
  /** One example's document text. */
  loadExample: {
    request: z.object({ id: z.string().regex(/^[a-z0-9-]+$/) }),
    response: z.object({ ok: z.boolean(), text: z.string().optional(), error: z.string().optional() }),
  },
  /** Recently opened/saved files, newest first. */
  recentFiles: {
    request: z.object({}),
    response: z.object({ paths: z.array(z.string()) }),
  },
  /** Facts about the host: its kind and the tools it found. */
  hostInfo: {
    request: z.object({}),
    response: z.object({
      mode: z.enum(['electron', 'browser']),
      version: z.string(),
      promtool: z.string().optional(),
      homeDir: z.string().optional(),
    }),
  },
  /**
   * Electron only: the native folder picker (export target). Browser mode answers `supported: false`
   * and the renderer asks for a path in the page instead.
   */
  chooseFolder: {
    request: z.object({ title: z.string().max(200).optional(), defaultPath: z.string().max(4096).optional() }),
    response: z.object({ supported: z.boolean(), path: z.string().optional() }),
  },
  /**
   * Electron only: the native file dialog for opening or saving a topology, or picking Prometheus
   * configs to import. Empty `paths` when the user cancelled; `supported: false` in browser mode.
   */
  chooseFile: {
    request: z.object({ purpose: z.enum(['open', 'save', 'import']), defaultPath: z.string().max(4096).optional() }),
    response: z.object({ supported: z.boolean(), paths: z.array(z.string()) }),
  },
  /**
   * Read prometheus.yml files (and the rule files beside them) by path and import them as a topology,
   * with the verdict on the round trip (what exporting the import would change) when it imported.
   */
  importConfigs: {
    request: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(200) }),
    response: z.object({
      ok: z.boolean(),
      document: z.string().optional(),
      diagnostics: z.array(DiagnosticSchema),
      verdict: RoundTripVerdictSchema.optional(),
    }),
  },
  /**
   * Read a running Prometheus at `url` (a URL the user entered: http(s), no credentials): head
   * series, samples/s from its targets and process RSS, to show beside the estimate. Requests go to
   * that URL only, with timeouts and size limits (electron/services/prometheusApi.ts).
   */
  measureServer: {
    request: z.object({ url: z.string().min(1).max(2048) }),
    response: z.object({
      ok: z.boolean(),
      url: z.string(),
      measured: z.object({ series: z.number(), samplesPerSecond: z.number(), memoryBytes: z.number().optional() }).optional(),
      error: z.string().optional(),
    }),
  },
  /**
   * Import a topology from the running Prometheus at `url`: its configuration, discovered targets and
   * measured series per target (src/import/fromServer.ts).
   */
  importFromServer: {
    request: z.object({ url: z.string().min(1).max(2048), name: z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/).optional() }),
    response: z.object({ ok: z.boolean(), document: z.string().optional(), diagnostics: z.array(DiagnosticSchema) }),
  },
  /**
   * Local links of server nodes to running servers (settings, never the document): `key` names a
   * server node of a document (the renderer's choice, e.g. document name + node id). `url: null`
   * removes the link. Reading with no `set` returns every link.
   */
  serverLinks: {
    request: z.object({ set: z.object({ key: z.string().min(1).max(600), url: z.string().max(2048).nullable() }).optional() }),
    response: z.object({ ok: z.boolean(), links: z.record(z.string(), z.string()), error: z.string().optional() }),
  },
  /**
   * The renderer tells the host what the window shows: its title and whether there are unsaved
   * changes (Electron: window title, close guard, recent files; browser mode: accepted, no effect).
   */
  setDocumentState: {
    request: z.object({ title: z.string().max(300), dirty: z.boolean(), path: z.string().max(4096).optional() }),
    response: z.object({ ok: z.boolean() }),
  },
  /**
   * Run the document on this machine (`promtopo run`'s service): real Prometheus, Alertmanager and
   * node_exporter processes and stand-in exporters on 127.0.0.1. Answers the run's id, or why not.
   */
  startLocalRun: {
    request: z.object({ document: DocumentText, interval: z.string().max(20).optional() }),
    response: z.object({ ok: z.boolean(), runId: RunId.optional(), error: z.string().optional() }),
  },
  /**
   * What a run measures beside the prediction. Also the run's lease: a run not asked for its status
   * for a while (the window was closed) is stopped by the host.
   */
  localRunStatus: {
    request: z.object({ runId: RunId }),
    response: z.object({ running: z.boolean(), status: LocalRunStatusSchema.optional(), error: z.string().optional() }),
  },
  /** Stops a run: every process group ends, its folder is removed. */
  stopLocalRun: {
    request: z.object({ runId: RunId }),
    response: z.object({ ok: z.boolean() }),
  },
  /**
   * Electron only: run a native editing action in the focused text field (menu Cut/Copy/Paste etc.
   * while an input has focus). Browser mode answers `ok: false`.
   */
  nativeEdit: {
    request: z.object({ action: z.enum(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) }),
    response: z.object({ ok: z.boolean() }),
  },
} as const;

export type HostApi = typeof hostApi;
export type HostOperation = keyof HostApi;
export type HostRequest<Op extends HostOperation> = z.input<HostApi[Op]['request']>;
export type HostResponse<Op extends HostOperation> = z.output<HostApi[Op]['response']>;
export const hostOperations = Object.keys(hostApi) as HostOperation[];

/** IPC channel of one operation in Electron (`ipcRenderer.invoke(hostChannel(op), req)`). */
export function hostChannel(op: HostOperation): string {
  return `promtopo:${op}`;
}

/** IPC channel on which Electron's main process sends menu commands (`edit.undo`) to the renderer. */
export const MENU_COMMAND_CHANNEL = 'promtopo:menu-command';

/**
 * A native menu command: a renderer command id (`edit.undo`, `file.save`), with an argument for the
 * few that need one (`file.openRecent` + path, `view.showPanel` + sidebar tab id).
 */
export const MenuCommandSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[A-Za-z.]+$/).max(100),
  argument: z.string().max(4096).optional(),
});
export type MenuCommand = z.output<typeof MenuCommandSchema>;

/**
 * What the Electron preload exposes as `window.promtopo`: one function per operation (responses are
 * re-parsed by the renderer), plus a subscription to native menu commands (returns an unsubscribe).
 */
export type HostBridge = { readonly [Op in HostOperation]: (request: HostRequest<Op>) => Promise<unknown> } & {
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};
