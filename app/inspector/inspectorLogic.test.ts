import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { diagnosticsForField, unplacedDiagnostics } from './fieldDiagnostics.ts';
import { checkRows, rowsToMap } from './KeyValueEditor.tsx';
import { selectorError } from './MatchListEditor.tsx';

const d = (field?: string): Diagnostic => ({ code: 'x/y', severity: 'error', message: field ?? 'none', at: field ? { edge: 'e1', field } : { edge: 'e1' } });

describe('diagnostics by field', () => {
  const all = [d('match'), d('match[0]'), d('match[1]'), d('matchers'), d('externalLabels.dc'), d()];
  it.each([
    ['match[0]', ['match[0]']],
    ['match', ['match', 'match[0]', 'match[1]']],
    ['externalLabels', ['externalLabels.dc']],
  ])('%s', (path, expected) => {
    expect(diagnosticsForField(all, path).map((x) => x.message)).toEqual(expected);
  });
  it('lists what no field shows', () => {
    expect(unplacedDiagnostics(all, ['match', 'externalLabels']).map((x) => x.message)).toEqual(['matchers', 'none']);
  });
});

describe('label rows', () => {
  it('drops empty names and checks label names and duplicates', () => {
    expect(rowsToMap([{ key: ' dc ', value: 'eu' }, { key: '', value: 'x' }])).toEqual({ dc: 'eu' });
    expect(checkRows([{ key: 'dc', value: '' }, { key: 'dc', value: '' }])).toBe('label "dc" appears twice');
    expect(checkRows([{ key: '1team', value: '' }])).toMatch(/"1team" is not a valid label name/);
    expect(checkRows([{ key: 'team_1', value: '' }])).toBeUndefined();
  });
});

describe('selectorError (live, as you type)', () => {
  it.each([
    ['{__name__=~"job:.+"}', undefined],
    ['up{job="node"}', undefined],
    ['', /empty selector/],
    ['{job=node}', /column \d+/],
    ['rate(up[5m])', /./],
  ])('%j', (text, expected) => {
    const error = selectorError(text);
    if (expected === undefined) expect(error).toBeUndefined();
    else expect(error).toMatch(expected);
  });
});
