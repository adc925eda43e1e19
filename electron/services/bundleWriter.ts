/**
 * Export: validate the topology, generate its bundle, check every Prometheus config with the real
 * promtool (and every alertmanager.yml with amtool) inside a temporary sibling folder, then swap it in
 * atomically. Errors (validation, unsafe paths, a failed check, I/O) mean nothing is written and the
 * previous bundle stays intact. The result has the shape of `hostApi.exportBundle.response`.
 */
import { join } from 'node:path';
import type { Bundle } from '../../src/generate/bundle.ts';
import { generateTarget } from '../../src/generate/targets/generateTarget.ts';
import { MANIFEST_DIR } from '../../src/generate/targets/kubernetes.ts';
import { exportTargetOf } from '../../src/model/exportTarget.ts';
import { parseTopology } from '../../src/model/document.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import type { HostRequest } from '../../src/host-api.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { hasErrors } from '../../src/model/diagnostic.ts';
import type { HostResponse } from '../../src/host-api.ts';
import type { Topology } from '../../src/model/types.ts';
import { checkAlertmanagerConfig, checkAlertmanagerConfigBatch, findAmtool } from './amtool.ts';
import type { BatchVerdict } from './batchOutput.ts';
import { writeFolderAtomically } from './bundleFs.ts';
import { checkPrometheusConfig, checkPrometheusConfigBatch, checkRuleFiles, findPromtool } from './promtool.ts';
import { checkWithinLimits } from './promtoolLimits.ts';
import { checkTargetFolder } from './targetChecks.ts';

/** What `exportBundle` answers; also what the CLI prints with `--json`. */
export type ExportResult = HostResponse<'exportBundle'>;
/** The verdict of the real tools on the bundle, when they ran. */
export type ToolVerdict = NonNullable<ExportResult['promtool']>;

/** The two engine functions the writer needs (validateTopology and generateBundle from src/). */
export interface BundleEngine {
  validate(topology: Topology): Diagnostic[];
  generate(topology: Topology): Bundle;
}

export interface WriteBundleOptions {
  readonly topology: Topology;
  /** Output folder; created, or replaced when it is empty or a previous PromTopo bundle. */
  readonly outDir: string;
  /** Run promtool/amtool before committing (default true; skipped silently when the tool is absent). */
  readonly checkWithPromtool?: boolean;
  /** Explicit tool paths (default: `$PROMTOOL_BIN`/`$AMTOOL_BIN` or PATH). */
  readonly promtoolBin?: string;
  readonly amtoolBin?: string;
  /**
   * Refuse the export when promtool could not check part of a config (a discovery mechanism or a 3.x
   * key it does not know). Default false: such parts are a warning and the bundle is written.
   */
  readonly strict?: boolean;
}

/** How many tool checks run at once. */
const CHECK_CONCURRENCY = 4;

/** A Prometheus config in the bundle: any `*.yml`/`*.yaml` whose name starts with `prometheus`, outside grafana/. */
export function isPrometheusConfigPath(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return /^prometheus[\w.-]*\.ya?ml$/.test(name) && !path.split('/').includes('grafana') && !isManifestPath(path);
}

/** A Kubernetes manifest of the `kubernetes` target (`manifests/...`): not a config file itself. */
export function isManifestPath(path: string): boolean {
  return path.split('/')[0] === MANIFEST_DIR;
}

/** An Alertmanager config in the bundle: any `alertmanager*.yml`. */
export function isAlertmanagerConfigPath(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return /^alertmanager[\w.-]*\.ya?ml$/.test(name) && !isManifestPath(path);
}

/**
 * promtool on one config of the bundle, within its limits (promtoolLimits.ts). When only the syntax
 * could be checked, the bundle's rule files beside the config are checked on their own.
 */
async function checkConfig(dir: string, path: string, paths: readonly string[], bin: string, agent: boolean): Promise<{ ok: boolean; output: string; unchecked?: readonly string[] }> {
  let syntaxOnly = false;
  const r = await checkWithinLimits(join(dir, path), (p, syntax) => {
    syntaxOnly = syntax;
    return checkPrometheusConfig(p, { bin, syntaxOnly: syntax, agent });
  });
  if (!r.ok || !syntaxOnly) return r;
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const rules = paths.filter((p) => p.startsWith(folder) && !p.slice(folder.length).includes('/') && /^rules(-\d+)?\.yml$/.test(p.slice(folder.length)));
  const checked = await checkRuleFiles(rules.map((p) => join(dir, p)), { bin });
  return checked.ok ? r : { ok: false, output: `${r.output}\n${checked.output}`.trim() };
}

/**
 * Runs the real tools on every config of a written bundle folder. `ran` is false when no tool was
 * found. All configs go through one promtool (and one amtool) process per batch first; only those
 * that did not pass there are checked one by one, which names each failure's file and takes the
 * limits of this promtool into account (promtoolLimits.ts).
 */
export async function checkBundleFolder(
  dir: string,
  paths: readonly string[],
  bins: { promtool?: string; amtool?: string } = {},
  agentPaths: ReadonlySet<string> = new Set(),
): Promise<ToolVerdict> {
  const promtool = bins.promtool ?? findPromtool();
  const amtool = bins.amtool ?? findAmtool();
  const sorted = [...paths].sort();
  const prometheusConfigs = promtool ? sorted.filter(isPrometheusConfigPath) : [];
  const alertmanagerConfigs = amtool ? sorted.filter((p) => !isPrometheusConfigPath(p) && isAlertmanagerConfigPath(p)) : [];
  const batch = new Map<string, BatchVerdict>();
  if (promtool && prometheusConfigs.length > 0) {
    for (const agent of [false, true]) {
      const files = prometheusConfigs.filter((p) => agentPaths.has(p) === agent).map((p) => join(dir, p));
      if (files.length === 0) continue;
      for (const [file, v] of await checkPrometheusConfigBatch(files, { bin: promtool, agent })) batch.set(file, v);
    }
  }
  if (amtool && alertmanagerConfigs.length > 0) {
    for (const [file, v] of await checkAlertmanagerConfigBatch(alertmanagerConfigs.map((p) => join(dir, p)), { bin: amtool })) batch.set(file, v);
  }
  const passedInBatch = (path: string) => {
    const v = batch.get(join(dir, path));
    return v?.passed ? async () => ({ ok: true, output: v.output }) : undefined;
  };
  const jobs: { path: string; run: () => Promise<{ ok: boolean; output: string; unchecked?: readonly string[] }> }[] = [];
  for (const path of sorted) {
    if (promtool && isPrometheusConfigPath(path)) jobs.push({ path, run: passedInBatch(path) ?? (() => checkConfig(dir, path, paths, promtool, agentPaths.has(path))) });
    else if (amtool && isAlertmanagerConfigPath(path)) jobs.push({ path, run: passedInBatch(path) ?? (() => checkAlertmanagerConfig(join(dir, path), { bin: amtool })) });
  }
  // The configs that failed in a batch, a few at a time: each is a short-lived process.
  const results: ToolVerdict['results'] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (!job) continue;
      const r = await job.run();
      // Paths relative to the bundle, so the output reads the same wherever the temp folder was.
      results[index] = { path: job.path, ok: r.ok, output: r.output.split(`${dir}/`).join(''), ...(r.unchecked?.length ? { unchecked: [...r.unchecked] } : {}) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, jobs.length) }, worker));
  return { ran: promtool !== undefined, ok: results.every((r) => r.ok), results };
}

function nodeNames(topology: Topology): string[] {
  return topology.nodes.map((n) => n.name);
}

/** Validate, generate, check and write. Never throws for bad input or I/O problems. */
export async function writeBundleWith(engine: BundleEngine, options: WriteBundleOptions): Promise<ExportResult> {
  const { topology, outDir } = options;
  const diagnostics = engine.validate(topology);
  if (hasErrors(diagnostics)) {
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    return { ok: false, outDir, files: [], diagnostics, error: `the topology has ${count} error(s); nothing was written` };
  }
  let bundle: Bundle;
  try {
    bundle = engine.generate(topology);
  } catch (e) {
    return { ok: false, outDir, files: [], diagnostics, error: `could not generate the bundle: ${e instanceof Error ? e.message : String(e)}` };
  }
  const check = options.checkWithPromtool ?? true;
  const paths = bundle.files.map((f) => f.path);
  const result = await writeFolderAtomically<ToolVerdict>(bundle.files, outDir, {
    nodeNames: nodeNames(topology),
    ...(check
      ? {
          preCommit: async (tempDir: string) => {
            const bins = {
              ...(options.promtoolBin ? { promtool: options.promtoolBin } : {}),
              ...(options.amtoolBin ? { amtool: options.amtoolBin } : {}),
            };
            const agents = new Set(bundle.files.filter((f) => f.agent).map((f) => f.path));
            const folder = await checkBundleFolder(tempDir, paths, bins, agents);
            // What the deployment target adds (embedded configs, docker-compose.yml) is checked too.
            const extra = await checkTargetFolder(exportTargetOf(topology), tempDir, bundle.files, bins);
            const verdict = { ...folder, ok: folder.ok && extra.every((r) => r.ok), results: [...folder.results, ...extra] };
            return { commit: verdict.ok && !(options.strict && folder.results.some((r) => r.unchecked?.length)), check: verdict };
          },
        }
      : {}),
  });
  const promtool = result.check === undefined ? {} : { promtool: result.check };
  const limited = uncheckedDiagnostics(result.check);
  const all = limited.length ? [...diagnostics, ...limited] : diagnostics;
  if (!result.ok) {
    const failed = result.check?.results.filter((r) => !r.ok).map((r) => `${r.path}: ${r.output}`) ?? [];
    const strictRefusal = options.strict && limited.length > 0 && failed.length === 0
      ? `--strict: this promtool could not check ${limited.length} part(s) of the bundle; nothing was written` : undefined;
    const error = failed.length > 0 ? `the real tools rejected the bundle; nothing was written. ${failed.join('; ')}` : strictRefusal ?? result.error;
    return { ok: false, outDir: result.outDir, files: [], diagnostics: all, ...promtool, ...(error ? { error } : {}) };
  }
  return { ok: true, outDir: result.outDir, files: result.files, diagnostics: all, ...promtool };
}

/** One warning per config section the promtool could not check, naming the file and the section. */
export function uncheckedDiagnostics(verdict: ToolVerdict | undefined): Diagnostic[] {
  return (verdict?.results ?? []).flatMap((r) => (r.unchecked ?? []).map((section) => ({
    code: 'export/promtool-unchecked',
    severity: 'warning' as const,
    message: `${r.path}: this promtool cannot check ${section}; the rest of the file passed promtool`,
    hint: 'Check the file with a promtool that knows it (Prometheus 3.x, built with every discovery mechanism), or export with --strict to refuse.',
    at: { file: r.path },
  })));
}

/** The real engine: validate/ and generate/ of src/, writing the document's export target. */
export const engine: BundleEngine = { validate: validateTopology, generate: (t) => generateTarget(t, exportTargetOf(t)) };

/** Export with the real engine: `writeBundle({ topology, outDir })`. */
export function writeBundle(options: WriteBundleOptions): Promise<ExportResult> {
  return writeBundleWith(engine, options);
}

/**
 * The `exportBundle` host operation: the document arrives as JSON text; a document that does not parse
 * returns its diagnostics and writes nothing.
 */
export async function exportBundle(request: HostRequest<'exportBundle'>, options: { checkWithPromtool?: boolean } = {}): Promise<ExportResult> {
  const parsed = parseTopology(request.document, 'document');
  if (!parsed.ok) {
    return { ok: false, outDir: request.outDir, files: [], diagnostics: parsed.diagnostics, error: 'the document is not a valid topology; nothing was written' };
  }
  return writeBundle({ topology: parsed.topology, outDir: request.outDir, ...options });
}
