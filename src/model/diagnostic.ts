/**
 * A finding about a document, a selector, a file or a bundle. Codes are stable and namespaced
 * (`selector/syntax`, `federation/everything`, ...) and documented in docs/diagnostics.md.
 * `error` blocks export; `warning` and `info` do not.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Where a diagnostic points. All optional: a file-level problem has only `file`. */
export interface DiagnosticLocation {
  /** Node id in the document. */
  readonly node?: string;
  /** Edge id in the document. */
  readonly edge?: string;
  /** Field path inside the node/edge/document, e.g. `match[1]`, `externalLabels.dc`, `nodes[3].name`. */
  readonly field?: string;
  /** File the finding is about (imports, opened documents, generated bundle files). */
  readonly file?: string;
  /** 1-based line in `file` or in the field's text. */
  readonly line?: number;
  /** 1-based column in `file` or in the field's text (e.g. selector position). */
  readonly column?: number;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  /** Readable without the canvas: names the node/edge/field ("federation edge global -> leaf-eu, match[] #2: ..."). */
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
  readonly at: DiagnosticLocation;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Code-unit order: the same on every machine (localeCompare depends on the runtime's locale) and ~10x faster. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order: severity, then code, then message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}
