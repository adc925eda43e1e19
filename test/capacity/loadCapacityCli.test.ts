/**
 * `promtopo load` in machine terms and with a failure what-if, on the built-in examples: the machine
 * table and its reasons, `--json` equal to the pure model, `--down` by data centre, by instance and
 * from the document's settings.whatIf, and a --down naming nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { loadCommand } from '../../electron/cli/loadCommand.ts';
import { serverCapacity } from '../../src/capacity/serverCapacity.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { parseTopology, serializeTopology } from '../../src/model/document.ts';
import type { Topology } from '../../src/model/types.ts';
import { failureImpact } from '../../src/whatif/failureImpact.ts';

const MULTI_DC = resolve('assets/examples/multi-dc.promtopo.json');
const dir = mkdtempSync(join(tmpdir(), 'promtopo-capacity-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await loadCommand.run(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

function multiDc(): Topology {
  const parsed = parseTopology(readFileSync(MULTI_DC, 'utf8'));
  if (!parsed.ok) throw new Error('multi-dc example does not parse');
  return parsed.topology;
}

describe('promtopo load: machine sizes', () => {
  it('prints one machine row and one reason per server', async () => {
    const r = await run(MULTI_DC);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^server\s+cores\s+ram\s+disk\s+network\s+needs\s+bottleneck\s+chosen\s+price\/month$/m);
    const t = multiDc();
    const capacity = serverCapacity(t, estimateLoad(t, builtinCatalogs));
    for (const c of Object.values(capacity)) {
      expect(r.out).toContain(`${c.name}: ${c.reason}\n`);
      expect(r.out).toMatch(new RegExp(`^${c.name}\\s+[\\d.]+\\s+[\\d.]+ GiB\\s+[\\d.]+ GiB\\s+[\\d.]+ Mbit/s\\s+${c.needed?.name}\\s`, 'm'));
    }
  });

  it('--json carries the model per server; a chosen size too small for the needs says so', async () => {
    const t = multiDc();
    const small = { ...t, settings: { ...t.settings, machines: { sizes: [{ name: 'pico', vcpu: 0.001, ramGiB: 0.001, diskGiB: 0.01, pricePerMonth: 3 }, { name: 'huge', vcpu: 64, ramGiB: 256, diskGiB: 4000 }] } },
      nodes: t.nodes.map((n) => (n.kind === 'prometheus' && n.name === 'prom-eu-1' ? { ...n, machine: 'pico' } : n)) };
    const file = join(dir, 'sized.promtopo.json');
    writeFileSync(file, serializeTopology(small));
    const r = await run(file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { servers: { name: string; machine: Record<string, unknown> }[] };
    const capacity = serverCapacity(small, estimateLoad(small, builtinCatalogs));
    const eu = json.servers.find((s) => s.name === 'prom-eu-1');
    const model = Object.values(capacity).find((c) => c.name === 'prom-eu-1');
    expect(eu?.machine).toMatchObject({ needed: 'huge', chosen: 'pico', fits: false, reason: model?.reason, pricePerMonth: 6 });
    expect(eu?.machine.ramBytes).toBe(Math.round(model?.needs.ramBytes ?? NaN));
    const text = await run(file);
    expect(text.out).toMatch(/^prom-eu-1\s.*\shuge\s+\S+\s+pico \(too small\)\s+6$/m);
  });
});

describe('promtopo load --down', () => {
  it('a data centre: every server of it down, with what loses data', async () => {
    const r = await run(MULTI_DC, '--down', 'dc=eu-west');
    expect(r.code).toBe(0);
    const t = multiDc();
    const impact = failureImpact(t, estimateLoad(t, builtinCatalogs), ['dc=eu-west']);
    expect(r.out).toContain('what-if: down dc=eu-west\n');
    for (const s of impact.servers) expect(r.out).toMatch(new RegExp(`^  server ${s.name}: down.*; ${Math.round(s.seriesLost)} series lost$`, 'm'));
    expect(r.out).toMatch(/^  targets node-eu: no longer scraped$/m);
    expect(r.out).toMatch(/^  federation prom-global <- prom-eu-1: source prom-eu-1 is down; \d+ series$/m);
    expect(r.out).toMatch(/^  dashboards grafana -> prom-eu-1: queried instance a is down$/m);
    expect(r.out).toContain(`  total: ${Math.round(impact.seriesLost)} series lost\n`);
    expect(r.out).not.toMatch(/server prom-us-1/);
  });

  it('one HA replica: covered by the other, but the global pulls replica a', async () => {
    const r = await run(MULTI_DC, '--down', 'prom-eu-1/a', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { whatIf: { servers: Record<string, unknown>[]; federation: { reason: string }[]; seriesLost: number } };
    expect(json.whatIf.servers).toEqual([expect.objectContaining({ name: 'prom-eu-1', state: 'covered', coveredBy: ['b'], seriesLost: 0 })]);
    expect(json.whatIf.federation.map((f) => f.reason)).toEqual(['source instance a down (the edge pulls replica a only; set sourceReplica: all to fall back)']);
    expect(json.whatIf.seriesLost).toBe(0);
  });

  it('the document\'s own settings.whatIf.down is used when no --down is given', async () => {
    const t = multiDc();
    const file = join(dir, 'whatif.promtopo.json');
    writeFileSync(file, serializeTopology({ ...t, settings: { ...t.settings, whatIf: { down: ['prom-us-1'] } } }));
    const r = await run(file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('what-if: down prom-us-1\n');
    expect(r.out).toMatch(/^  targets node-us: no longer scraped$/m);
  });

  it('a --down that names nothing is a usage error that names it, on one line', async () => {
    const r = await run(MULTI_DC, '--down', 'dc=mars');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual(['promtopo load: multi-dc.promtopo.json: --down: "dc=mars" names no node, instance (SERVER/KEY) or data centre (dc=VALUE) of the document']);
    const j = await run(MULTI_DC, '--down', 'nobody', '--json');
    expect(JSON.parse(j.out)).toMatchObject({ ok: false });
  });
});
