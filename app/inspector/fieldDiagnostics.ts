/** Which diagnostics belong to which inspector field (`at.field` paths such as `match[1]`, `externalLabels.dc`). */
import type { Diagnostic } from '../../src/model/diagnostic.ts';

/** Diagnostics whose field is `path` or inside it (`path.x`, `path[0]`). */
export function diagnosticsForField(diagnostics: readonly Diagnostic[], path: string): Diagnostic[] {
  return diagnostics.filter((d) => {
    const f = d.at.field;
    return f !== undefined && (f === path || f.startsWith(`${path}.`) || f.startsWith(`${path}[`));
  });
}

/** Diagnostics of the element that no field of the inspector shows (shown at the top). */
export function unplacedDiagnostics(diagnostics: readonly Diagnostic[], shownPaths: readonly string[]): Diagnostic[] {
  return diagnostics.filter((d) => {
    const f = d.at.field;
    if (f === undefined) return true;
    return !shownPaths.some((p) => f === p || f.startsWith(`${p}.`) || f.startsWith(`${p}[`));
  });
}
