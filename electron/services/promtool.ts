/** `promtool check config`: the real Prometheus verdict on a generated prometheus.yml. */
import { DEFAULT_TOOL_TIMEOUT_MS, findBinary, runTool } from './tools.ts';
import type { ToolCheck } from './tools.ts';

/** promtool's path: `$PROMTOOL_BIN` when set, else `promtool` on PATH; undefined when absent. */
export function findPromtool(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findBinary(['promtool'], 'PROMTOOL_BIN', env);
}

/**
 * Runs `promtool check config FILE` (rule files are resolved relative to FILE, as Prometheus does).
 * Returns `{ok: false}` with a sentence when promtool cannot be found; never throws.
 */
export async function checkPrometheusConfig(
  configFile: string,
  options: { bin?: string; timeoutMs?: number } = {},
): Promise<ToolCheck> {
  const bin = options.bin ?? findPromtool();
  if (!bin) return { ok: false, output: 'promtool not found on PATH (install prometheus, or set PROMTOOL_BIN)' };
  return runTool(bin, ['check', 'config', configFile], { timeoutMs: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS });
}
