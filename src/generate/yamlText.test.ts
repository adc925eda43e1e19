import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeMaps, parseRawList, parseRawMap } from './rawYaml.ts';
import { blockSeq, flowSeq, orderedMap, singleQuoted, toYamlText, withComment } from './yamlText.ts';

/** Reads YAML back as Prometheus (YAML 1.1, gopkg.in/yaml.v2) and as YAML 1.2 readers would. */
const readBoth = (text: string) => [parse(text, { version: '1.1' }), parse(text, { version: '1.2' })];

const tricky = [
  '', ' ', 'true', 'True', 'yes', 'NO', 'on', 'off', 'y', 'n', 'null', '~', '0', '1', '-1', '1.5', '.5', '1e3', '0x1F',
  '0o17', '1_000', '12:30', '190:20:30', '2001-12-14', '.inf', '-.NaN', '15s', '1h30m', '1d', '10.0.0.1:9100', '[::1]:9090',
  'http://x:9090/path', '- dash', '? q', ': colon', 'a: b', 'a #b', 'a#b', '#c', '{__name__=~"job:.*"}', "it's", '"dq"',
  '*alias', '&anchor', '!tag', '|pipe', '>fold', '%pct', '@at', '`tick`', ',comma', '[x]', 'x]', 'trailing ', ' leading',
  'tab\there', 'line\nbreak', 'ends with newline\n', 'sum by (job) (rate(x[5m]))', '{{ $labels.instance }} down', 'ünïcödé',
  '$(SHARD)', 'a\u2028b', 'back\\slash', 'end:',
];

describe('toYamlText', () => {
  it.each(tricky)('writes %j so YAML 1.1 and 1.2 read it back unchanged', (value) => {
    const text = toYamlText(orderedMap([['key', value], [value || 'empty', 'v'], ['list', blockSeq([value])], ['flow', flowSeq([value])]]));
    for (const doc of readBoth(text)) {
      expect(doc.key).toBe(value);
      expect(doc[value || 'empty']).toBe('v');
      expect(doc.list).toEqual([value]);
      expect(doc.flow).toEqual([value]);
    }
  });

  it('round-trips 1,000 generated strings of YAML-significant characters (deterministic)', () => {
    const alphabet = ['a', 'Z', '0', '9', '.', '-', '+', ':', ' ', '#', "'", '"', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '?', '\\', '\n', '\t', 'e', 'x', '_', '/', '$', '=', '~', 'ü'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const values = Array.from({ length: 1000 }, () => Array.from({ length: 1 + (next() % 8) }, () => alphabet[next() % alphabet.length]).join(''));
    const text = toYamlText(orderedMap([['values', blockSeq(values)], ['flow', flowSeq(values)]]));
    for (const doc of readBoth(text)) {
      expect(doc.values).toEqual(values);
      expect(doc.flow).toEqual(values);
    }
  });

  it('writes numbers and booleans as such', () => {
    const text = toYamlText(orderedMap([['count', 3], ['honor', false]]));
    expect(text).toBe('count: 3\nhonor: false\n');
  });

  it('writes multi-line text as a block literal', () => {
    const text = toYamlText(orderedMap([['expr', 'sum(\n  rate(x[5m])\n)']]));
    expect(text).toBe('expr: |-\n  sum(\n    rate(x[5m])\n  )\n');
    expect(parse(text).expr).toBe('sum(\n  rate(x[5m])\n)');
  });

  it('writes the Prometheus docs style: indented sequences, quoted selectors, comments above items', () => {
    const job = withComment(orderedMap([
      ['job_name', 'federate'],
      ['params', orderedMap([[singleQuoted('match[]'), blockSeq([singleQuoted('{job="a"}')])]])],
      ['static_configs', blockSeq([orderedMap([['targets', flowSeq([singleQuoted('a:1')])]])])],
      ['empty', blockSeq([])],
    ]), ' note');
    expect(toYamlText(orderedMap([['scrape_configs', blockSeq([job])]]), 'Header')).toBe([
      '# Header', '',
      'scrape_configs:',
      '  # note',
      '  - job_name: federate',
      '    params:',
      "      'match[]':",
      `        - '{job="a"}'`,
      '    static_configs:',
      "      - targets: ['a:1']",
      '    empty: []',
      '',
    ].join('\n'));
  });
});

describe('raw YAML', () => {
  it('keeps raw list items and their comments when written into a generated list', () => {
    const items = parseRawList('# imported\n- job_name: a # inline\n  static_configs:\n    - targets: [x:1]\n- job_name: b\n');
    expect(items.ok).toBe(true);
    if (!items.ok) return;
    const text = toYamlText(orderedMap([['scrape_configs', blockSeq([orderedMap([['job_name', 'gen']]), ...items.node])]]));
    expect(text).toContain('  # imported\n  - job_name: a # inline\n    static_configs:\n      - targets: [x:1]\n  - job_name: b\n');
    expect(parse(text).scrape_configs.map((j: { job_name: string }) => j.job_name)).toEqual(['gen', 'a', 'b']);
  });

  it.each([
    ['a: [', /./],
    ['- a', /mapping/],
  ])('refuses %j as a mapping', (text, error) => {
    const r = parseRawMap(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('merges raw mappings: new keys appended, lists concatenated, maps merged with generated keys kept, scalars replaced', () => {
    const base = orderedMap([['job_name', 'node'], ['scheme', 'http'], ['relabel_configs', blockSeq([orderedMap([['action', 'keep']])])],
      ['params', orderedMap([['a', 'generated']])]]);
    const extra = parseRawMap('job_name: other\nscheme: https\nrelabel_configs:\n  - action: drop\nparams:\n  a: raw\n  b: raw\nbasic_auth:\n  username: u\n');
    if (!extra.ok) throw new Error(extra.error);
    const merged = parse(toYamlText(mergeMaps(base, extra.node, { locked: ['job_name'], extraFirst: ['relabel_configs'] })));
    expect(merged).toEqual({
      job_name: 'node', scheme: 'https', relabel_configs: [{ action: 'drop' }, { action: 'keep' }],
      params: { a: 'generated', b: 'raw' }, basic_auth: { username: 'u' },
    });
  });
});
