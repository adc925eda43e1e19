/** `promtool check config`: the real Prometheus verdict on a generated prometheus.yml. */
import { DEFAULT_TOOL_TIMEOUT_MS, findBinary, runTool } from './tools.ts';
import type { ToolCheck } from './tools.ts';

/** promtool's path: `$PROMTOOL_BIN` when set, else `promtool` on PATH; undefined when absent. */
export function findPromtool(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findBinary(['promtool'], 'PROMTOOL_BIN', env);
}

/**
 * Runs `promtool check config FILE` (rule files are resolved relative to FILE, as Prometheus does);
 * `syntaxOnly` skips the files the config names (`--syntax-only`); `agent` checks it as an agent-mode
 * config (`--agent`: no rule_files, alerting or remote_read).
 * Returns `{ok: false}` with a sentence when promtool cannot be found; never throws.
 */
export async function checkPrometheusConfig(
  configFile: string,
  options: { bin?: string; timeoutMs?: number; syntaxOnly?: boolean; agent?: boolean } = {},
): Promise<ToolCheck> {
  const bin = options.bin ?? findPromtool();
  if (!bin) return { ok: false, output: 'promtool not found on PATH (install prometheus, or set PROMTOOL_BIN)' };
  const args = ['check', 'config', ...(options.syntaxOnly ? ['--syntax-only'] : []), ...(options.agent ? ['--agent'] : []), configFile];
  return runTool(bin, args, { timeoutMs: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS });
}

/** `promtool check rules FILE...`: the rule files of a bundle folder, when a config was checked for syntax only. */
export async function checkRuleFiles(files: readonly string[], options: { bin?: string; timeoutMs?: number } = {}): Promise<ToolCheck> {
  const bin = options.bin ?? findPromtool();
  if (!bin) return { ok: false, output: 'promtool not found on PATH (install prometheus, or set PROMTOOL_BIN)' };
  if (files.length === 0) return { ok: true, output: '' };
  return runTool(bin, ['check', 'rules', ...files], { timeoutMs: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS });
}
