/**
 * Conformance of the importer against Prometheus' own config test files (config/testdata upstream):
 * every *.good.yml imports without error; every bad file in the part of the format PromTopo models is
 * rejected with a message containing Prometheus' expected substring (EXPECTED_ERRORS.tsv). Bad files
 * outside that part are listed below with the reason; a bad file neither passing nor listed fails.
 * Also rule files from promtool/ and rulefmt/ testdata.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { importConfigs } from '../../src/import/importConfigs.ts';
import { readRuleFile } from '../../src/import/ruleFiles.ts';

const root = join(import.meta.dirname, '../../../shared/testdata');
const configDir = join(root, 'prometheus-config');
if (!existsSync(join(configDir, 'EXPECTED_ERRORS.tsv'))) {
  throw new Error(`Prometheus test data missing: ${configDir} (expected ../shared/testdata/prometheus-config next to the project)`);
}

/** Bad files PromTopo does not reject with Prometheus' message, and why. */
const OUT_OF_SCOPE: Record<string, string> = {
  'static_config.bad.yml': 'a file_sd target group file, not a prometheus.yml (rejected anyway: unknown top-level keys)',
  'scrape_config_files.bad.yml': 'scrape_config_files: referenced job files are not imported',
  'scrape_config_files_double_import.bad.yml': 'scrape_config_files: referenced job files are not imported',
  'scrape_config_files_duplicate.bad.yml': 'scrape_config_files: referenced job files are not imported',
  'scrape_config_files_global.bad.yml': 'scrape_config_files: referenced job files are not imported',
  'scrape_config_files_global_duplicate.bad.yml': 'scrape_config_files: referenced job files are not imported',
  'otlp_allow_utf8.bad.yml': 'otlp section: not modelled, kept verbatim (needs feature-flag context)',
  'otlp_ignore_resource_attributes_without_promote_all.bad.yml': 'otlp section: not modelled, kept verbatim',
  'otlp_promote_all_resource_attributes.bad.yml': 'otlp section: not modelled, kept verbatim',
  'otlp_sanitize_ignore_resource_attributes.bad.yml': 'otlp section: not modelled, kept verbatim',
  'otlp_sanitize_promote_resource_attributes.bad.yml': 'otlp section: not modelled, kept verbatim',
};
/** Service discovery internals: kept verbatim, not validated (only their HTTP client auth rules are). */
const SD_PREFIXES = ['azure_', 'ec2_', 'eureka_', 'hetzner_', 'http_url_', 'ionos_', 'kubernetes_', 'marathon_', 'oci_', 'openstack_',
  'outscale_', 'ovhcloud_', 'puppetdb_', 'scaleway_', 'stackit_', 'uyuni_'];
function outOfScope(file: string): string | undefined {
  if (OUT_OF_SCOPE[file]) return OUT_OF_SCOPE[file];
  const sd = SD_PREFIXES.find((p) => file.startsWith(p));
  return sd ? `${sd.slice(0, -1)} service discovery: not modelled, kept verbatim` : undefined;
}

/** Go's `"\xff"` stays as written in the TSV and in our messages; nothing to unescape. */
const expected = new Map(
  readFileSync(join(configDir, 'EXPECTED_ERRORS.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)
    .map((line) => line.split('\t') as [string, string]),
);

function importOne(file: string) {
  // Named as upstream's test loads them, so `parsing YAML file testdata/<f>` messages compare as they are.
  const files = [{ name: `testdata/${file}`, text: readFileSync(join(configDir, file), 'utf8') }];
  if (file === 'conf.good.yml') files.push({ name: 'testdata/first.rules', text: readFileSync(join(configDir, 'first.rules'), 'utf8') });
  return importConfigs(files);
}

const counts = { good: 0, goodPassed: 0, bad: 0, badPassed: 0, badOutOfScope: 0, badOutOfScopeRejected: 0 };
afterAll(() => {
  console.log(`conformance: good ${counts.goodPassed}/${counts.good} imported; bad in scope ${counts.badPassed}/${counts.bad} rejected with Prometheus' message; ` +
    `bad out of scope ${counts.badOutOfScope} (of which ${counts.badOutOfScopeRejected} rejected anyway)`);
});

const all = readdirSync(configDir).sort();
const good = all.filter((f) => f.endsWith('.good.yml'));
const bad = all.filter((f) => f.endsWith('.bad.yml'));

describe('Prometheus config/testdata: good files import without error', () => {
  it.each(good)('%s', (file) => {
    counts.good++;
    const r = importOne(file);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.topology?.nodes.some((n) => n.kind === 'prometheus')).toBe(true);
    // What was kept verbatim is exported again, and the export imports again without error.
    const exported = generateBundle(r.topology as NonNullable<typeof r.topology>).files
      .filter((f) => /prometheus\.yml$|rules\.yml$/.test(f.path)).map((f) => ({ name: f.path, text: f.contents }));
    const again = importConfigs(exported);
    expect(again.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    counts.goodPassed++;
  });
});

describe('Prometheus config/testdata: bad files are rejected with Prometheus\' message', () => {
  it.each(bad)('%s', (file) => {
    const r = importOne(file);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    const reason = outOfScope(file);
    if (reason) {
      counts.badOutOfScope++;
      if (errors.length > 0) counts.badOutOfScopeRejected++;
      expect(r.ok || errors.length > 0).toBe(true); // no crash, a definite answer
      return;
    }
    counts.bad++;
    expect(errors.length, `${file} was accepted`).toBeGreaterThan(0);
    expect(r.ok).toBe(false);
    expect(r.topology).toBeUndefined();
    const want = expected.get(file);
    if (want !== undefined) expect(errors.join('\n')).toContain(want);
    counts.badPassed++;
  });

  it('every EXPECTED_ERRORS.tsv entry names a shipped bad file or is reported missing', () => {
    const missing = [...expected.keys()].filter((f) => !all.includes(f));
    // outscale_two_secrets.bad.yml is listed upstream but not shipped in the test data copy.
    expect(missing).toEqual(['outscale_two_secrets.bad.yml']);
  });
});

describe('rule files (promtool and rulefmt testdata)', () => {
  const rulefmt = join(root, 'rulefmt');
  const promtool = join(root, 'promtool');
  const cases: [string, string, boolean][] = [
    ...readdirSync(rulefmt).filter((f) => /\.ya?ml$/.test(f)).map((f): [string, string, boolean] => [rulefmt, f, !f.includes('.bad.')]),
    [promtool, 'rules.yml', true],
    [promtool, 'rules-bad.yml', false],
    [promtool, 'rules_duplicates.yml', true],
  ];
  /** Rule checks PromTopo leaves to promtool: PromQL types, templates, legacy-only name schemes. */
  const notChecked: Record<string, string> = {
    'bad_expr.bad.yaml': 'rate(hi) is valid syntax; the argument type is promtool\'s check',
    'rules-bad.yml': 'a Go template error in an annotation; templates are promtool\'s check',
    'legacy_validation_annotation.bad.yaml': 'legacy-only annotation names need a validation-scheme flag',
  };
  it.each(cases)('%s/%s', (dir, file, good) => {
    const r = readRuleFile(file, readFileSync(join(dir, file), 'utf8'));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    // A known gap stays visible: these are accepted today (the table says why); checking them is welcome.
    if (notChecked[file]) return void expect(errors.map((d) => d.message)).toEqual([]);
    if (good) expect(errors.map((d) => d.message)).toEqual([]);
    else expect(errors.length, `${file} was accepted`).toBeGreaterThan(0);
  });
});
