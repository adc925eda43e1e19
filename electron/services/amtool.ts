/** `amtool check-config`: the real Alertmanager verdict on a generated alertmanager.yml. */
import { DEFAULT_TOOL_TIMEOUT_MS, findBinary, runTool } from './tools.ts';
import type { ToolCheck } from './tools.ts';
import { amtoolVerdicts, inBatches } from './batchOutput.ts';
import type { BatchVerdict } from './batchOutput.ts';

/** amtool's path: `$AMTOOL_BIN` when set, else `amtool` on PATH; undefined when absent. */
export function findAmtool(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findBinary(['amtool'], 'AMTOOL_BIN', env);
}

/** Runs `amtool check-config FILE`; `{ok: false}` with a sentence when amtool is absent. Never throws. */
export async function checkAlertmanagerConfig(
  configFile: string,
  options: { bin?: string; timeoutMs?: number } = {},
): Promise<ToolCheck> {
  const bin = options.bin ?? findAmtool();
  if (!bin) return { ok: false, output: 'amtool not found on PATH (install prometheus-alertmanager, or set AMTOOL_BIN)' };
  return runTool(bin, ['check-config', configFile], { timeoutMs: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS });
}

/**
 * `amtool check-config F1 F2 ...` over many configs in few processes: which passed, with amtool's
 * lines for each. A config that did not pass is checked on its own for its messages. Never throws.
 */
export async function checkAlertmanagerConfigBatch(configFiles: readonly string[], options: { bin: string; timeoutMs?: number }): Promise<Map<string, BatchVerdict>> {
  const out = new Map<string, BatchVerdict>();
  for (const batch of inBatches(configFiles, 250)) {
    const r = await runTool(options.bin, ['check-config', ...batch], {
      timeoutMs: options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS + batch.length * 200,
      maxOutputChars: 64 * 1024 + batch.length * 4096,
    });
    for (const [file, verdict] of amtoolVerdicts(r.stdout ?? '', batch)) out.set(file, verdict);
  }
  return out;
}
