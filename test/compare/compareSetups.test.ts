/**
 * The semantic comparison on Prometheus' own config test files (config/testdata upstream): every good
 * file equals itself re-serialised and reordered where order does not matter, equals a form with
 * Prometheus' defaults written out, and each targeted change is detected and named by file, job and field.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import { compareSetups } from '../../src/compare/compareSetups.ts';
import type { SetupFile } from '../../src/compare/setupFiles.ts';

const configDir = join(import.meta.dirname, '../../../shared/testdata/prometheus-config');
if (!existsSync(join(configDir, 'conf.good.yml'))) {
  throw new Error(`Prometheus test data missing: ${configDir} (expected ../shared/testdata/prometheus-config next to the project)`);
}
const goodFiles = readdirSync(configDir).filter((f) => f.endsWith('.good.yml')).sort();
const read = (f: string) => readFileSync(join(configDir, f), 'utf8');
const confGood = read('conf.good.yml');
const firstRules = read('first.rules');

function setup(config: string, rules = firstRules, name = 'prometheus.yml'): SetupFile[] {
  return [{ name, text: config }, { name: 'first.rules', text: rules }];
}

function compare(a: string, b: string, rulesB = firstRules) {
  return compareSetups(setup(a), setup(b, rulesB));
}

function mutate(text: string, edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(text);
  edit(doc);
  return doc.toString();
}

function reversed(text: string): string {
  // Reorders what Prometheus does not care about: jobs, static targets and their groups, discovery configs.
  const config = parse(text, { schema: 'failsafe' }) as Record<string, unknown> | null;
  const jobs = (config?.scrape_configs as Record<string, unknown>[] | undefined) ?? [];
  for (const job of jobs) {
    const groups = job.static_configs as { targets?: unknown[] }[] | undefined;
    for (const g of groups ?? []) if (Array.isArray(g.targets)) g.targets.reverse();
    groups?.reverse();
    for (const [k, v] of Object.entries(job)) if (k.endsWith('_sd_configs') && Array.isArray(v)) v.reverse();
  }
  jobs.reverse();
  return stringify(config, { lineWidth: 0 });
}

describe('a configuration equals itself', () => {
  it.each(goodFiles)('%s: re-serialised and reordered where order has no meaning', (file) => {
    const text = read(file);
    const again = compareSetups([{ name: file, text }], [{ name: file, text: reversed(text) }]);
    expect(again.pairs).toHaveLength(1);
    expect(again.differences).toEqual([]);
    expect(again.equal).toBe(true);
  });
});

describe('Prometheus defaults written out change nothing', () => {
  it('global, job, relabel, TLS and Alertmanager defaults and duration notation', () => {
    const expanded = mutate(confGood, (doc) => {
      doc.setIn(['global', 'scrape_interval'], '15000ms');
      doc.setIn(['global', 'evaluation_interval'], '30000ms');
      doc.setIn(['global', 'rule_query_offset'], '0s');
      doc.setIn(['scrape_configs', 0, 'metrics_path'], '/metrics');
      doc.setIn(['scrape_configs', 0, 'scheme'], 'http');
      doc.setIn(['scrape_configs', 0, 'honor_timestamps'], 'true');
      doc.setIn(['scrape_configs', 0, 'follow_redirects'], 'yes');
      doc.setIn(['scrape_configs', 0, 'enable_http2'], 'True');
      doc.setIn(['scrape_configs', 0, 'tls_config', 'insecure_skip_verify'], 'false');
      doc.setIn(['scrape_configs', 0, 'relabel_configs', 1, 'action'], 'Replace');
      doc.setIn(['scrape_configs', 0, 'relabel_configs', 1, 'separator'], ';');
      doc.setIn(['scrape_configs', 0, 'relabel_configs', 1, 'regex'], '(.*)');
      doc.setIn(['scrape_configs', 0, 'relabel_configs', 1, 'replacement'], '$1');
      doc.setIn(['scrape_configs', 1, 'scrape_timeout'], '5s');
      doc.setIn(['alerting', 'alertmanagers', 0, 'timeout'], '10s');
      doc.setIn(['alerting', 'alertmanagers', 0, 'api_version'], 'v2');
      doc.setIn(['alerting', 'alertmanagers', 0, 'path_prefix'], '/');
    });
    // service-x sets scrape_interval 50s and timeout 5s; the global 15s is written as 15000ms above.
    expect(compare(confGood, expanded).differences).toEqual([]);
  });

  it('a legacy bearer_token is the authorization it becomes', () => {
    const a = 'scrape_configs:\n  - job_name: a\n    bearer_token_file: /token\n    static_configs: [{targets: ["h:1"]}]\n';
    const b = 'scrape_configs:\n  - job_name: a\n    authorization: {type: Bearer, credentials_file: /token}\n    static_configs: [{targets: ["h:1"]}]\n';
    expect(compareSetups([{ name: 'p.yml', text: a }], [{ name: 'p.yml', text: b }]).differences).toEqual([]);
  });

  it('a global timeout longer than a job interval is cut to the interval, as Prometheus does', () => {
    const a = 'global: {scrape_timeout: 10s}\nscrape_configs:\n  - job_name: a\n    scrape_interval: 5s\n';
    const b = 'global: {scrape_timeout: 10s}\nscrape_configs:\n  - job_name: a\n    scrape_interval: 5s\n    scrape_timeout: 5s\n';
    expect(compareSetups([{ name: 'p.yml', text: a }], [{ name: 'p.yml', text: b }]).differences).toEqual([]);
  });

  it('rule groups compare by content: another file name, a reflowed expression, the group interval written out', () => {
    const reflowed = firstRules.replace('expr: up == 0', 'expr: |\n      up\n        ==   0  # down\n').replace('- name: my-group-name', '- name: my-group-name\n  interval: 30s');
    const config = confGood.replace('- "first.rules"', '- "renamed.rules"');
    const result = compareSetups(setup(confGood), [{ name: 'prometheus.yml', text: config }, { name: 'renamed.rules', text: reflowed }]);
    expect(result.differences).toEqual([]);
  });

  it('static targets split over several groups with the same labels are the same targets', () => {
    const a = 'scrape_configs:\n  - job_name: a\n    static_configs: [{targets: ["h:1", "h:2"], labels: {x: "1"}}]\n';
    const b = 'scrape_configs:\n  - job_name: a\n    static_configs: [{targets: ["h:2"], labels: {x: "1"}}, {targets: ["h:1"], labels: {x: "1", job: a}}]\n';
    expect(compareSetups([{ name: 'p.yml', text: a }], [{ name: 'p.yml', text: b }]).differences).toEqual([]);
  });
});

interface Mutation {
  readonly what: string;
  readonly edit: (doc: ReturnType<typeof parseDocument>) => void;
  readonly job?: string;
  readonly field: string;
}

const MUTATIONS: readonly Mutation[] = [
  { what: 'job interval', edit: (d) => d.setIn(['scrape_configs', 0, 'scrape_interval'], '30s'), job: 'prometheus', field: 'scrape_interval' },
  { what: 'global interval (inherited by jobs)', edit: (d) => d.setIn(['global', 'scrape_interval'], '20s'), field: 'global.scrape_interval' },
  { what: 'external label', edit: (d) => d.setIn(['global', 'external_labels', 'foo'], 'baz'), field: 'global.external_labels.foo' },
  { what: 'metrics_path', edit: (d) => d.setIn(['scrape_configs', 1, 'metrics_path'], '/other'), job: 'service-x', field: 'metrics_path' },
  { what: 'scheme', edit: (d) => d.setIn(['scrape_configs', 0, 'scheme'], 'https'), job: 'prometheus', field: 'scheme' },
  { what: 'honor_labels', edit: (d) => d.setIn(['scrape_configs', 0, 'honor_labels'], 'false'), job: 'prometheus', field: 'honor_labels' },
  { what: 'relabel order', edit: (d) => {
    const rules = d.getIn(['scrape_configs', 0, 'relabel_configs']) as { items: unknown[] };
    rules.items.reverse();
  }, job: 'prometheus', field: 'relabel_configs[0].action' },
  { what: 'relabel regex', edit: (d) => d.setIn(['scrape_configs', 0, 'relabel_configs', 0, 'regex'], '(.*)other'), job: 'prometheus', field: 'relabel_configs[0].regex' },
  { what: 'a static target removed', edit: (d) => d.deleteIn(['scrape_configs', 0, 'static_configs', 0, 'targets', 1]), job: 'prometheus', field: 'static_configs.localhost:9191' },
  { what: 'a target label', edit: (d) => d.setIn(['scrape_configs', 0, 'static_configs', 0, 'labels', 'my'], 'other'), job: 'prometheus', field: 'static_configs.localhost:9090' },
  { what: 'discovery', edit: (d) => d.setIn(['scrape_configs', 4, 'kubernetes_sd_configs', 0, 'role'], 'pod'), job: 'service-kubernetes', field: 'kubernetes_sd_configs' },
  { what: 'TLS', edit: (d) => d.setIn(['scrape_configs', 0, 'tls_config', 'insecure_skip_verify'], 'true'), job: 'prometheus', field: 'tls_config.insecure_skip_verify' },
  { what: 'basic auth password', edit: (d) => d.setIn(['scrape_configs', 1, 'basic_auth', 'password'], 'other'), job: 'service-x', field: 'basic_auth.password' },
  { what: 'params', edit: (d) => d.setIn(['scrape_configs', 0, 'params'], { 'match[]': ['{job="x"}'] }), job: 'prometheus', field: 'params.match[]' },
  { what: 'a job dropped', edit: (d) => d.deleteIn(['scrape_configs', 2]), job: 'service-y', field: 'job "service-y"' },
  { what: 'Alertmanager scheme', edit: (d) => d.setIn(['alerting', 'alertmanagers', 0, 'scheme'], 'http'), field: 'alerting.alertmanagers' },
  { what: 'remote write URL', edit: (d) => d.setIn(['remote_write', 0, 'url'], 'http://other/api/v1/write'), field: 'url' },
  { what: 'remote read', edit: (d) => d.setIn(['remote_read', 0, 'read_recent'], 'false'), field: 'read_recent' },
  { what: 'storage', edit: (d) => d.setIn(['storage', 'tsdb', 'out_of_order_time_window'], '1h'), field: 'storage.tsdb.out_of_order_time_window' },
  { what: 'rule evaluation interval', edit: (d) => d.setIn(['global', 'evaluation_interval'], '1m'), field: 'interval' },
];

describe('each change is detected and named', () => {
  it.each(MUTATIONS.map((m) => [m.what, m] as const))('%s', (_, m) => {
    const result = compare(confGood, mutate(confGood, m.edit));
    expect(result.equal).toBe(false);
    const named = result.differences.filter((d) => d.field === m.field || d.field.startsWith(`${m.field}`) || d.message.includes(m.field));
    expect(named, result.differences.map((d) => d.message).join('\n')).not.toHaveLength(0);
    for (const d of named) {
      expect(d.file).toBe('prometheus.yml');
      if (m.job) expect(d.job).toBe(m.job);
      expect(d.message).toMatch(/^prometheus\.yml: /);
    }
  });

  it('a rule expression changed is named by rule group and rule', () => {
    const result = compare(confGood, confGood, firstRules.replace('up == 0', 'up == 1'));
    expect(result.differences.map((d) => d.message)).toEqual([
      'prometheus.yml: rule group "my-group-name": rules[0].expr is "up==0" in the original, "up==1" after the round trip',
    ]);
  });

  it('secrets are never printed', () => {
    const result = compare(confGood, mutate(confGood, (d) => d.setIn(['scrape_configs', 1, 'basic_auth', 'password'], 'hunter2')));
    const text = JSON.stringify(result.differences);
    expect(text).not.toContain('hunter2');
    expect(text).toContain('<secret>');
  });

  it('a renamed job is one difference that names both names', () => {
    const result = compare(confGood, mutate(confGood, (d) => d.setIn(['scrape_configs', 2, 'job_name'], 'service-y-renamed')));
    expect(result.differences.map((d) => [d.job, d.field, d.roundTrip])).toContainEqual(['service-y', 'job_name', 'service-y-renamed']);
  });

  it('configs are paired by content, and a missing or an extra one is named', () => {
    const other = 'global: {external_labels: {dc: us}}\nscrape_configs: [{job_name: a}]\n';
    const originals = [{ name: 'eu/prometheus.yml', text: confGood }, { name: 'first.rules', text: firstRules }, { name: 'us/prometheus.yml', text: other }];
    const generated = [{ name: 'out/us/prometheus.yml', text: other }, { name: 'out/eu/prometheus.yml', text: confGood }, { name: 'out/first.rules', text: firstRules }];
    expect(compareSetups(originals, generated).pairs.map((p) => [p.original, p.generated])).toEqual([
      ['eu/prometheus.yml', 'out/eu/prometheus.yml'], ['us/prometheus.yml', 'out/us/prometheus.yml'],
    ]);
    const dropped = compareSetups(originals, generated.slice(1));
    expect(dropped.differences.map((d) => d.message)).toEqual(['us/prometheus.yml: no configuration after the round trip corresponds to it (the server would be dropped)']);
    const added = compareSetups(originals.slice(0, 2), generated);
    expect(added.added).toEqual(['out/us/prometheus.yml']);
  });
});

describe('what each file of a setup is', () => {
  const config = 'rule_files: ["/etc/prometheus/rules/*.yml", "/etc/config/empty"]\nscrape_configs: [{job_name: a}]\n';
  const rules = 'groups:\n  - name: g\n    rules:\n      - record: r\n        expr: up\n';

  it('an absolute rule_files glob loads the files found beside the config by its trailing segments', () => {
    const originals = [{ name: 'eu/prometheus.yml', text: config }, { name: 'eu/rules/a.yml', text: rules }, { name: 'eu/empty', text: '{}\n' }];
    const generated = [{ name: 'out/prometheus.yml', text: 'rule_files: [rules.yml]\nscrape_configs: [{job_name: a}]\n' }, { name: 'out/rules.yml', text: rules }];
    const result = compareSetups(originals, generated);
    expect(result.pairs).toHaveLength(1);
    expect(result.differences).toEqual([]);
  });

  it('a rule file named by rule_files (even an empty `{}` one) and a file_sd target list are not configurations', () => {
    const originals = [
      { name: 'eu/prometheus.yml', text: config }, { name: 'eu/empty', text: '{}\n' },
      { name: 'eu/targets/t.yml', text: '- targets: ["a:1"]\n' }, { name: 'eu/README.md', text: '# notes\n' },
    ];
    const result = compareSetups(originals, originals);
    expect(result.pairs.map((p) => p.original)).toEqual(['eu/prometheus.yml']);
  });

  it('a rule file the originals have but the round trip lacks is named', () => {
    const originals = [{ name: 'eu/prometheus.yml', text: 'rule_files: [alert.rules]\n' }, { name: 'eu/alert.rules', text: rules }];
    const generated = [{ name: 'out/prometheus.yml', text: 'rule_files: [alert.rules]\n' }];
    expect(compareSetups(originals, generated).differences.map((d) => d.message)).toEqual([
      'eu/prometheus.yml: rule_files names alert.rules, a file that is not among the files of the round trip (its rules are not loaded there)',
      'eu/prometheus.yml: rule group "g" would be dropped by the round trip',
    ]);
  });
});

describe('many configurations', () => {
  it('past the comparison budget, servers are paired by job names and external labels', () => {
    const config = (dc: number, interval: string) => `global: {scrape_interval: ${interval}, external_labels: {dc: "dc-${dc}"}}\nscrape_configs: [{job_name: node}]\n`;
    const n = 60;
    const originals = Array.from({ length: n }, (_, i) => ({ name: `dc-${i}/prometheus.yml`, text: config(i, '15s') }));
    const generated = Array.from({ length: n }, (_, i) => ({ name: `out/${n - 1 - i}/prometheus.yml`, text: config(n - 1 - i, '30s') }));
    const result = compareSetups(originals, generated);
    expect(result.pairs.map((p) => p.generated)).toEqual(originals.map((_, i) => `out/${i}/prometheus.yml`));
    expect(result.differences.every((d) => d.field === 'global.scrape_interval' || d.field === 'scrape_interval')).toBe(true);
    expect(result.added).toEqual([]);
  });
});
