/**
 * Export-time checks of what a deployment target adds to the plain bundle: for Kubernetes, the
 * configs embedded in manifests (promtool check config / check rules, amtool check-config) run from a
 * scratch folder; for compose, `docker-compose config -q` when docker-compose is on PATH. Results read
 * like checkBundleFolder's (bundle paths). Never throws.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleFile } from '../../src/generate/bundle.ts';
import { embeddedConfigs } from '../../src/generate/targets/embeddedConfigs.ts';
import { COMPOSE_FILE } from '../../src/generate/targets/compose.ts';
import type { ExportTarget } from '../../src/model/types.ts';
import { findAmtool } from './amtool.ts';
import { findPromtool } from './promtool.ts';
import { DEFAULT_TOOL_TIMEOUT_MS, findBinary, runTool } from './tools.ts';
import type { ToolCheck } from './tools.ts';

export interface TargetCheckResult {
  readonly path: string;
  readonly ok: boolean;
  readonly output: string;
}

/** docker-compose's path: `$DOCKER_COMPOSE_BIN`, else `docker-compose` on PATH. */
export function findDockerCompose(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findBinary(['docker-compose'], 'DOCKER_COMPOSE_BIN', env);
}

async function checkEmbedded(files: readonly BundleFile[], bins: { promtool?: string; amtool?: string }): Promise<TargetCheckResult[]> {
  const embedded = embeddedConfigs(files);
  if (embedded.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'promtopo-embedded-'));
  try {
    const results: TargetCheckResult[] = [];
    for (const [i, config] of embedded.entries()) {
      const file = join(dir, `${config.kind}-${i}.yml`);
      await writeFile(file, config.text);
      let r: ToolCheck | undefined;
      if (config.kind === 'prometheus' && bins.promtool) r = await runTool(bins.promtool, ['check', 'config', file], { timeoutMs: DEFAULT_TOOL_TIMEOUT_MS });
      if (config.kind === 'rules' && bins.promtool) r = await runTool(bins.promtool, ['check', 'rules', file], { timeoutMs: DEFAULT_TOOL_TIMEOUT_MS });
      if (config.kind === 'alertmanager' && bins.amtool) r = await runTool(bins.amtool, ['check-config', file], { timeoutMs: DEFAULT_TOOL_TIMEOUT_MS });
      if (r) results.push({ path: config.source, ok: r.ok, output: r.output.split(file).join(config.source) });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The target's own checks on the bundle written in `dir`. */
export async function checkTargetFolder(
  target: ExportTarget,
  dir: string,
  files: readonly BundleFile[],
  bins: { promtool?: string; amtool?: string; dockerCompose?: string } = {},
): Promise<TargetCheckResult[]> {
  if (target === 'kubernetes') {
    return checkEmbedded(files, { promtool: bins.promtool ?? findPromtool(), amtool: bins.amtool ?? findAmtool() });
  }
  if (target === 'compose') {
    const bin = bins.dockerCompose ?? findDockerCompose();
    if (!bin) return [];
    const r = await runTool(bin, ['-f', join(dir, COMPOSE_FILE), 'config', '-q'], { cwd: dir, timeoutMs: DEFAULT_TOOL_TIMEOUT_MS });
    return [{ path: COMPOSE_FILE, ok: r.ok, output: r.output.split(`${dir}/`).join('') }];
  }
  return [];
}
