import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { countBySeverity, countLabel, diagnosticTarget, groupDiagnostics } from './groupDiagnostics.ts';

function diag(severity: Diagnostic['severity'], code: string, at: Diagnostic['at'] = {}, message = code): Diagnostic {
  return { code, severity, message, at };
}

describe('groupDiagnostics', () => {
  it('orders groups error, warning, info, drops empty ones and sorts by code inside', () => {
    const groups = groupDiagnostics([
      diag('info', 'load/idle'),
      diag('error', 'selector/syntax'),
      diag('error', 'name/duplicate'),
      diag('info', 'import/kept'),
    ]);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'info']);
    expect(groups[0]?.diagnostics.map((d) => d.code)).toEqual(['name/duplicate', 'selector/syntax']);
    expect(groups[1]?.diagnostics.map((d) => d.code)).toEqual(['import/kept', 'load/idle']);
  });

  it('returns nothing for no diagnostics', () => {
    expect(groupDiagnostics([])).toEqual([]);
  });
});

describe('countBySeverity / countLabel', () => {
  it('counts each severity', () => {
    const counts = countBySeverity([diag('error', 'a'), diag('warning', 'b'), diag('warning', 'c')]);
    expect(counts).toEqual({ error: 1, warning: 2, info: 0 });
  });
  it.each([
    ['error', 1, '1 error'],
    ['error', 3, '3 errors'],
    ['warning', 0, '0 warnings'],
    ['info', 2, '2 info'],
  ] as const)('%s x %d -> %s', (severity, count, label) => {
    expect(countLabel(severity, count)).toBe(label);
  });
});

describe('diagnosticTarget', () => {
  it.each([
    [{ edge: 'e1', node: 'n1' }, { kind: 'edge', id: 'e1' }],
    [{ node: 'n2', field: 'name' }, { kind: 'node', id: 'n2' }],
    [{ file: 'x.yml' }, undefined],
  ])('%j -> %j', (at, expected) => {
    expect(diagnosticTarget(diag('error', 'x', at))).toEqual(expected);
  });
});
