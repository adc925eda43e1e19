/**
 * Problems panel model: diagnostics grouped by severity (errors first), counts for the status bar,
 * and where each one points on the canvas. Pure, so it is unit-tested without a DOM.
 */
import type { Diagnostic, Severity } from '../../../src/model/diagnostic.ts';

/** Severity order of the panel and the status bar. */
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/** One severity section of the panel. */
export interface DiagnosticGroup {
  readonly severity: Severity;
  readonly diagnostics: readonly Diagnostic[];
}

/** Number of diagnostics per severity. */
export type SeverityCounts = Readonly<Record<Severity, number>>;

/** Groups in severity order, empty groups left out; inside a group, code then message (stable). */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  return SEVERITIES.map((severity) => ({
    severity,
    diagnostics: diagnostics
      .filter((d) => d.severity === severity)
      .sort((a, b) => a.code.localeCompare(b.code) || a.message.localeCompare(b.message)),
  })).filter((g) => g.diagnostics.length > 0);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** What a diagnostic points at on the canvas, if anything. Edges win over nodes (more precise). */
export type DiagnosticTarget = { readonly kind: 'edge'; readonly id: string } | { readonly kind: 'node'; readonly id: string };

export function diagnosticTarget(d: Diagnostic): DiagnosticTarget | undefined {
  if (d.at.edge) return { kind: 'edge', id: d.at.edge };
  if (d.at.node) return { kind: 'node', id: d.at.node };
  return undefined;
}

/** `3 errors`, `1 warning`, `no info`: labels for counts. */
export function countLabel(severity: Severity, count: number): string {
  const noun = severity === 'info' ? 'info' : count === 1 ? severity : `${severity}s`;
  return `${count} ${noun}`;
}

/** Stable React key for a diagnostic (code + place + message; duplicates get an index from the caller). */
export function diagnosticKey(d: Diagnostic): string {
  return [d.code, d.at.node ?? '', d.at.edge ?? '', d.at.field ?? '', d.message].join('|');
}
