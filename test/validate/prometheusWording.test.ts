/**
 * Where Prometheus has its own message for a rule, PromTopo's diagnostic contains it. The expected
 * substrings come from Prometheus' config tests (../shared/testdata/prometheus-config/EXPECTED_ERRORS.tsv);
 * each row rebuilds the bad file's situation as a topology. Fails (does not skip) without the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import { healthy, makeTopology, scrape, server, targets } from '../../src/validate/testBuilders.ts';

const tsv = readFileSync(join(import.meta.dirname, '../../../shared/testdata/prometheus-config/EXPECTED_ERRORS.tsv'), 'utf8');
const expectedErrors = new Map(tsv.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t') as [string, string]));

const cases: readonly { file: string; code: string; build: () => Topology }[] = [
  {
    file: 'jobname_dup.bad.yml',
    code: 'scrape/duplicate-job',
    build: () => makeTopology([server('leaf'), targets('prometheus'), targets('service-x')], [scrape('leaf', 'prometheus'), scrape('leaf', 'service-x'), { ...scrape('leaf', 'prometheus'), id: 'again' }]),
  },
  {
    file: 'scrape_interval.bad.yml',
    code: 'scrape/timeout-gt-interval',
    build: () => makeTopology([server('leaf'), targets('prometheus', undefined, { scrapeInterval: '5s', scrapeTimeout: '6s' })], [scrape('leaf', 'prometheus')]),
  },
  {
    file: 'modulus_missing.bad.yml',
    code: 'hashmod/shards',
    build: () => healthy({ hashmod: { shards: 0 } }),
  },
  {
    file: 'url_in_targetgroup.bad.yml',
    code: 'address/invalid',
    build: () => makeTopology([server('leaf'), targets('prometheus', ['http://bad'])], [scrape('leaf', 'prometheus')]),
  },
  {
    file: 'tsdb_retention_time.bad.yml',
    code: 'duration/invalid',
    build: () => healthy({ retention: '-1h' }),
  },
];

describe("PromTopo uses Prometheus' wording", () => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
    const wording = expectedErrors.get(file);
    expect(wording, `${file} in EXPECTED_ERRORS.tsv`).toBeDefined();
    const messages = validateTopology(c.build()).filter((d) => d.code === c.code).map((d) => d.message);
    expect(messages.some((m) => m.includes(wording ?? '\u0000'))).toBe(true);
  });
});
