/**
 * How the CLI shows diagnostics: one line per finding for people (`file: severity: message [code]`,
 * hint indented below), or a JSON object for machines.
 */
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { cleanMessage } from '../services/messageText.ts';

/** Counts per severity. */
export interface DiagnosticSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    infos: diagnostics.filter((d) => d.severity === 'info').length,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning, 0 infos` */
export function summaryLine(summary: DiagnosticSummary): string {
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`;
}

/** The human-readable lines of a list of diagnostics, each prefixed with the file name. */
export function formatDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      // Document diagnostics from parsing already start with the file name; do not repeat it.
      const message = d.message.startsWith(`${file}: `) ? d.message.slice(file.length + 2) : d.message;
      const line = `${file}: ${d.severity}: ${message} [${d.code}]\n`;
      return d.hint ? `${line}  hint: ${d.hint}\n` : line;
    })
    .join('');
}

/** A diagnostic as `--json` prints it: code, severity, message, at, and the hint when there is one. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return { code: d.code, severity: d.severity, message: cleanMessage(d.message), ...(d.hint ? { hint: cleanMessage(d.hint) } : {}), at: { ...d.at } };
}

/** Pretty JSON with a trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
