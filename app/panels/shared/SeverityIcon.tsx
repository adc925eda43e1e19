/** A small coloured glyph for a severity; colour is not the only cue (the shape differs too). */
import type { Severity } from '../../../src/model/diagnostic.ts';

const GLYPH: Record<Severity, string> = { error: '✕', warning: '!', info: 'i' };

export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span className={`ptp-sev-icon ptp-sev-icon-${severity}`} aria-label={severity} role="img">
      {GLYPH[severity]}
    </span>
  );
}
