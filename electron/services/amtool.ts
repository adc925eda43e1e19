/** `amtool check-config`: the real Alertmanager verdict on a generated alertmanager.yml. */
import { DEFAULT_TOOL_TIMEOUT_MS, findBinary, runTool } from './tools.ts';
import type { ToolCheck } from './tools.ts';

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
