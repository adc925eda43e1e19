/** `promtool check config`: the real Prometheus verdict on a generated prometheus.yml. */
import { DEFAULT_TOOL_TIMEOUT_MS, findBinary, runTool } from './tools.ts';
import type { ToolCheck } from './tools.ts';
import { inBatches, promtoolConfigVerdicts } from './batchOutput.ts';
import type { BatchVerdict } from './batchOutput.ts';

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

/** Configs per promtool process in a batch check (well under any command-line length limit). */
export const CONFIGS_PER_BATCH = 250;

/**
 * `promtool check config F1 F2 ...` over many configs in one process per CONFIGS_PER_BATCH files:
 * which passed (with promtool's lines for each). A config that did not pass is not explained here:
 * check it on its own for its messages (batchOutput.ts). Never throws.
 */
export async function checkPrometheusConfigBatch(configFiles: readonly string[], options: { bin: string; timeoutMs?: number; agent?: boolean }): Promise<Map<string, BatchVerdict>> {
  const out = new Map<string, BatchVerdict>();
  for (const batch of inBatches(configFiles, CONFIGS_PER_BATCH)) {
    const r = await runTool(options.bin, ['check', 'config', ...(options.agent ? ['--agent'] : []), ...batch], {
      timeoutMs: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS + batch.length * 200,
      maxOutputChars: 64 * 1024 + batch.length * 4096,
    });
    for (const [file, verdict] of promtoolConfigVerdicts(r.stdout ?? '', batch)) out.set(file, verdict);
  }
  return out;
}
