/**
 * The comparison's defaults against the real thing: a live Prometheus (Debian's 2.42, on 127.0.0.1)
 * loads each configuration Prometheus' own test files and the real setups hold, and serves it back
 * on /api/v1/status/config with every default written out. The original and the served form must
 * compare equal. Configurations this Prometheus refuses (3.x keys, missing discovery, files a TLS
 * setting names) are counted and skipped; differences that come from 2.42 itself are listed below.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSetups } from '../../src/compare/compareSetups.ts';
import type { ConfigDifference } from '../../src/compare/diffCanon.ts';
import { readSetup } from '../../src/compare/setupFiles.ts';
import { waitReady } from '../live/support/http.ts';
import { freePorts } from '../live/support/ports.ts';
import { stopProcess } from '../live/support/processes.ts';
import type { LiveProcess } from '../live/support/processes.ts';

const testdata = join(import.meta.dirname, '../../../shared/testdata');
for (const dir of ['prometheus-config', 'real-configs']) {
  if (!existsSync(join(testdata, dir))) throw new Error(`test data missing: ${join(testdata, dir)}`);
}
if (spawnSync('prometheus', ['--version']).status !== 0) throw new Error('prometheus not found on PATH: apt-get install --no-install-recommends prometheus');

/** Differences that are Prometheus 2.42's, not the comparison's: 3.x changed these defaults. */
const VERSION_DIFFERENCES: readonly { readonly field: RegExp; readonly reason: string }[] = [
  { field: /^queue_config\.(capacity|max_shards|max_samples_per_send)$/, reason: 'remote write queue defaults: 2.42 has 2500/200/500, 3.x 10000/50/2000' },
];
/** Secrets are served as `<secret>`: a difference in a secret field is Prometheus masking it. */
const SECRET_FIELD = /(^|\.)(password|credentials|client_secret|secret_key|bearer_token|access_key)$/;

const work = mkdtempSync(join(tmpdir(), 'promtopo-loaded-'));
cpSync(join(testdata, 'prometheus-config'), join(work, 'testdata'), { recursive: true });
let prometheus: LiveProcess | undefined;
let address = '';

beforeAll(async () => {
  const [port] = await freePorts(1);
  address = `127.0.0.1:${port}`;
  writeFileSync(join(work, 'testdata', 'loaded.yml'), 'global: {}\n');
  const log = openSync(join(work, 'prometheus.log'), 'w');
  const child = spawn('prometheus', [`--config.file=${join(work, 'testdata', 'loaded.yml')}`, `--storage.tsdb.path=${join(work, 'data')}`,
    `--web.listen-address=${address}`, '--web.enable-lifecycle'], { stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error('could not start prometheus');
  prometheus = { name: 'prometheus', pid: child.pid, logFile: join(work, 'prometheus.log'), child };
  await waitReady(address);
});
afterAll(async () => {
  if (prometheus) await stopProcess(prometheus);
  rmSync(work, { recursive: true, force: true });
});

/** Loads `text` into the live Prometheus; its served form, or undefined when it refused the config. */
async function served(text: string): Promise<string | undefined> {
  writeFileSync(join(work, 'testdata', 'loaded.yml'), text);
  const reload = await fetch(`http://${address}/-/reload`, { method: 'POST', signal: AbortSignal.timeout(20_000) });
  if (!reload.ok) return undefined;
  const res = await fetch(`http://${address}/api/v1/status/config`, { signal: AbortSignal.timeout(5_000) });
  const body = (await res.json()) as { data?: { yaml?: string } };
  // Prometheus serves rule_files resolved against the config's folder; the comparison reads them relative.
  return body.data?.yaml?.split(`${join(work, 'testdata')}/`).join('');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

/** Every Prometheus configuration of the test files and the real setups, by a readable name. */
function configurations(): { name: string; text: string }[] {
  const good = readdirSync(join(testdata, 'prometheus-config')).filter((f) => f.endsWith('.good.yml')).sort()
    .map((f) => ({ name: `prometheus-config/${f}`, text: readFileSync(join(testdata, 'prometheus-config', f), 'utf8') }));
  const root = join(testdata, 'real-configs');
  const files = filesUnder(root).map((p) => ({ name: relative(root, p), text: readFileSync(p, 'utf8') }));
  const real = readSetup(files).map((c) => ({ name: `real-configs/${c.file}`, text: files.find((f) => f.name === c.file)?.text ?? '' }));
  return [...good, ...real];
}

function unexplained(differences: readonly ConfigDifference[]): ConfigDifference[] {
  return differences.filter((d) => !SECRET_FIELD.test(d.field) && !VERSION_DIFFERENCES.some((v) => v.field.test(d.field)));
}

const counts = { configs: 0, loaded: 0, refused: [] as string[] };
afterAll(() => {
  console.log(`prometheus loaded: ${counts.loaded} of ${counts.configs} configurations loaded by Prometheus 2.42 and compared with their served form; ` +
    `${counts.refused.length} refused by 2.42 (3.x keys, discovery it lacks, files a setting names): ${counts.refused.join(', ')}`);
});

describe('a configuration equals the form Prometheus serves once it has loaded it', () => {
  const all = configurations();
  it('there is material', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    counts.configs++;
    const loaded = await served(c.text);
    if (loaded === undefined) {
      counts.refused.push(c.name);
      return;
    }
    counts.loaded++;
    const comparison = compareSetups([{ name: 'loaded.yml', text: c.text }], [{ name: 'loaded.yml', text: loaded }]);
    expect(unexplained(comparison.differences).map((d) => d.message)).toEqual([]);
  });

  it('most configurations were loaded (the test compares something)', () => {
    expect(counts.loaded).toBeGreaterThanOrEqual(15);
  });
});
