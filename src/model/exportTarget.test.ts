import { describe, expect, it } from 'vitest';
import { emptyTopology, parseTopology, serializeTopology } from './document.ts';
import { exportTargetOf, withExportTarget } from './exportTarget.ts';

describe('export target setting', () => {
  it('defaults to files, is set as one new document, and survives save and open', () => {
    const t = emptyTopology('t');
    expect(exportTargetOf(t)).toBe('files');
    expect(withExportTarget(t, 'files')).toBe(t);
    const k = withExportTarget(t, 'kubernetes');
    expect(k).not.toBe(t);
    expect(exportTargetOf(k)).toBe('kubernetes');
    const reopened = parseTopology(serializeTopology(k));
    expect(reopened.ok && exportTargetOf(reopened.topology)).toBe('kubernetes');
  });

  it('an unknown target is a schema error naming the field', () => {
    const text = serializeTopology(emptyTopology('t')).replace('"settings": {}', '"settings": {"export": {"target": "nomad"}}');
    const r = parseTopology(text, 'x.promtopo.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics[0]!.message).toContain('settings.export.target');
  });
});
