import { describe, expect, it } from 'vitest';
import { decodeBase64, bytesToGoString, goQuote, isValidUtf8 } from './goString.ts';
import { goRegexpError } from './goRegexp.ts';
import type { RelabelRule } from './relabel.ts';
import { relabelRuleProblem } from './relabel.ts';

/** Builder: a rule with Prometheus' defaults, fields overridden. */
function rule(fields: Partial<RelabelRule> & { set?: string[] }): RelabelRule {
  const { set, ...rest } = fields;
  return { action: 'replace', separator: ';', regex: '(.*)', modulus: 0, targetLabel: '', replacement: '$1', ...rest, set: new Set(set ?? Object.keys(rest)) };
}

describe('relabelRuleProblem (model/relabel/relabel.go Validate)', () => {
  it.each([
    ['replace without target', rule({}), "relabel configuration for replace action requires 'target_label' value"],
    ['replace ok', rule({ targetLabel: 'x' }), undefined],
    ['replace with $var target', rule({ targetLabel: '${1}_x' }), undefined],
    ['hashmod without modulus', rule({ action: 'hashmod', targetLabel: 'h' }), 'relabel configuration for hashmod requires non-zero modulus'],
    ['hashmod without target', rule({ action: 'hashmod', modulus: 4 }), "relabel configuration for hashmod action requires 'target_label' value"],
    ['hashmod ok', rule({ action: 'hashmod', modulus: 4, targetLabel: '__tmp_hash', sourceLabels: ['__address__'] }), undefined],
    ['keep ok', rule({ action: 'keep', regex: '2', sourceLabels: ['__tmp_hash'] }), undefined],
    ['keepequal with regex', rule({ action: 'keepequal', targetLabel: 'b', regex: 'foo', sourceLabels: ['a'] }), "keepequal action requires only 'source_labels' and `target_label`, and no other fields"],
    ['dropequal without target', rule({ action: 'dropequal', sourceLabels: ['a'] }), "relabel configuration for dropequal action requires 'target_label' value"],
    ['labeldrop with source labels', rule({ action: 'labeldrop', sourceLabels: ['a'] }), "labeldrop action requires only 'regex', and no other fields"],
    ['labelkeep with separator', rule({ action: 'labelkeep', separator: ',' }), "labelkeep action requires only 'regex', and no other fields"],
    ['labeldrop ok', rule({ action: 'labeldrop', regex: 'replica' }), undefined],
    ['lowercase with replacement', rule({ action: 'lowercase', targetLabel: 'x', replacement: 'y' }), "'replacement' can not be set for lowercase action"],
    ['legacy target label', rule({ targetLabel: 'a.b' }), undefined],
  ])('%s', (_, r, message) => {
    expect(relabelRuleProblem(r, 'utf8')).toBe(message);
  });

  it('legacy name validation refuses non-legacy target labels', () => {
    expect(relabelRuleProblem(rule({ targetLabel: 'a.b' }), 'legacy')).toBe(`"a.b" is invalid 'target_label' for replace action`);
    expect(relabelRuleProblem(rule({ action: 'labelmap', replacement: 'a-$1' }), 'legacy')).toBe(`"a-$1" is invalid 'replacement' for labelmap action`);
  });
});

describe('goRegexpError (RE2 syntax as Prometheus checks it)', () => {
  it.each([
    ['abc(def', 'error parsing regexp'],
    ['(?=x)', 'invalid or unsupported Perl syntax'],
    ['(a)\\1', 'invalid escape sequence'],
    ['a{1001}', 'invalid repeat count'],
  ])('refuses %s', (re, message) => {
    expect(goRegexpError(re)).toContain(message);
  });
  it.each(['(.*)', 'foo|bar', '(?i)Foo', '(?P<name>x)', '[[:alpha:]]+', '\\pL+', 'a{2,5}', '^x$', '\\Q.*\\E', '', '2'])('accepts %s', (re) => {
    expect(goRegexpError(re)).toBeUndefined();
  });
});

describe('Go strings', () => {
  it.each([
    ['/w==', [0xff], '"\\xff"', false],
    ['aGk=', [0x68, 0x69], '"hi"', true],
    ['w6k=', [0xc3, 0xa9], '"é"', true],
  ])('!!binary %s', (b64, bytes, quoted, valid) => {
    const decoded = decodeBase64(b64);
    expect([...(decoded ?? [])]).toEqual(bytes);
    const text = bytesToGoString(decoded as Uint8Array);
    expect(goQuote(text)).toBe(quoted);
    expect(isValidUtf8(text)).toBe(valid);
  });
  it('strict base64, as Go', () => {
    expect(decodeBase64('/w==$1')).toBeUndefined();
    expect(decodeBase64('abc')).toBeUndefined();
  });
  it('quotes like %q', () => {
    expect(goQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });
});
