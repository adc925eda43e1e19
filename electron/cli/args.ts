/**
 * Argument parsing shared by every `promtopo` command: node:util parseArgs in strict mode, with
 * errors turned into one readable line (never a stack trace).
 */
import { parseArgs } from 'node:util';

/** Option spec as node:util parseArgs takes it. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Options every command understands. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const satisfies OptionSpec;

export type ParsedArgs =
  | { ok: true; values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }
  | { ok: false; error: string };

/** Parses `args` against `options` plus the common ones. Unknown options are usage errors. */
export function parseCommandArgs(args: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { ok: true, values, positionals };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // parseArgs explains itself in one or two sentences; keep the first line and drop Node's advice.
    return { ok: false, error: (message.split('\n')[0] ?? message).replace(/\. To specify a positional argument.*$/, '.') };
  }
}

/** True when the user asked for JSON anywhere in `args` (also when the rest does not parse). */
export function wantsJson(args: readonly string[]): boolean {
  return args.includes('--json');
}
