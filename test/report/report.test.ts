/**
 * The capacity report's model and page: scenarios transform the document as named, machine sizes
 * render "not set" when absent, every user string is escaped, the page refers to nothing outside
 * itself, and a design that cannot be exported says why instead of listing files.
 */
import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { estimateLoad } from '../../src/estimate/estimateLoad.ts';
import { estimatedTargetCount } from '../../src/model/targets.ts';
import type { TargetGroupNode, Topology } from '../../src/model/types.ts';
import { buildReportModel } from '../../src/report/reportModel.ts';
import { renderReport } from '../../src/report/renderReport.ts';
import { pickScenarios, SCENARIOS, scaleTargets, setRetention } from '../../src/report/scenarios.ts';
import { makeTopology, server, targets } from '../../src/generate/testBuilders.ts';
import { editNode, example, importReal } from '../diff/support.ts';

const groups = (t: Topology) => t.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets');
const report = (t: Topology, machineSizes = {}) =>
  renderReport(buildReportModel(t, { fileName: 'design.promtopo.json', scenarios: SCENARIOS, catalogs: builtinCatalogs, machineSizes }));

describe('scenarios', () => {
  it('+50% targets: every group of a real import has half as many targets again, and the series follow', () => {
    const t = importReal('dockprom');
    const scaled = scaleTargets(t, 1.5);
    for (const [before, after] of groups(t).map((g, i) => [g, groups(scaled)[i] as TargetGroupNode] as const)) {
      expect(estimatedTargetCount(after)).toBe(Math.ceil(estimatedTargetCount(before) * 1.5));
    }
    expect(estimateLoad(scaled, builtinCatalogs).totals.activeSeries).toBeGreaterThan(estimateLoad(t, builtinCatalogs).totals.activeSeries);
  });

  it('+50% targets scales placeholder counts and discovered targets too', () => {
    const t = makeTopology([server('leaf'), targets('hosts', [], { count: 7 }), targets('pods', [], { extraConfig: 'kubernetes_sd_configs:\n  - role: pod\n', discovery: { targets: 40 } })]);
    const scaled = groups(scaleTargets(t, 1.5));
    expect(scaled.map((g) => [g.name, g.count, g.discovery?.targets, g.targets])).toEqual([['hosts', 11, undefined, []], ['pods', undefined, 60, []]]);
  });

  it('retention 30d sets every server, and disk follows the retention (global 90d -> 30d is a third)', () => {
    const t = example('multi-dc');
    const changed = setRetention(t, '30d');
    const before = estimateLoad(t, builtinCatalogs).servers['p-global'];
    const after = estimateLoad(changed, builtinCatalogs).servers['p-global'];
    expect(changed.nodes.filter((n) => n.kind === 'prometheus').every((n) => n.kind === 'prometheus' && n.retention === '30d')).toBe(true);
    expect(after?.diskBytes).toBeCloseTo((before?.diskBytes ?? 0) / 3, 0);
  });

  it('--scenario picks by id; an unknown id is named', () => {
    const all = pickScenarios([]);
    expect(all.ok ? all.scenarios.map((s) => s.id) : all.unknown).toEqual(['targets+50', 'retention-30d']);
    expect(pickScenarios(['retention-30d'])).toMatchObject({ ok: true, scenarios: [{ name: 'retention 30d' }] });
    expect(pickScenarios(['retention-90d'])).toEqual({ ok: false, unknown: 'retention-90d' });
  });
});

describe('the report page', () => {
  it('is self-contained: no script, no link, no external reference, a CSP that forbids fetching', () => {
    const html = report(example('multi-dc'));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('escapes every user string: document name, description, node names in the diagram and tables', () => {
    const base = example('federation');
    const hostile = editNode({ ...base, name: 'A <i>b</i> & "c"', description: "it's <b>" }, 'prom-eu-1', (n) => ({ ...n, name: 'eu<1>' }));
    const html = report(hostile);
    expect(html).toContain('<title>Capacity report: A &lt;i&gt;b&lt;/i&gt; &amp; &quot;c&quot;</title>');
    expect(html).toContain('it&#39;s &lt;b&gt;');
    expect(html).toContain('<title>eu&lt;1&gt;</title>');
    expect(html).toContain('<th scope="row">eu&lt;1&gt;<div class="of">');
    expect(html).not.toMatch(/eu<1>|<i>b<\/i>/);
    // The name is not DNS-safe: the bundle section says the design cannot be exported, naming why.
    expect(html).toMatch(/The design cannot be exported yet: \d+ errors?\./);
  });

  it('machine sizes: given figures are shown, absent ones render "not set"', () => {
    const html = report(example('federation'), { 'p-eu': { size: 'm6i.xlarge (4 vCPU, 16 GiB)', bottleneck: 'memory' } });
    const rows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].filter((m) => html.indexOf(m[0]) > html.indexOf('id="machines"') && html.indexOf(m[0]) < html.indexOf('id="scenarios"'));
    const byServer = new Map(rows.map((m) => [m[1], [m[2], m[3]]] as const));
    expect(byServer.get('prom-eu-1')).toEqual(['m6i.xlarge (4 vCPU, 16 GiB)', 'memory']);
    expect(byServer.get('prom-us-1')).toEqual(['<span class="unset">not set</span>', '<span class="unset">not set</span>']);
    expect(byServer.size).toBe(4);
  });

  it('lists the files the bundle holds and puts the scenarios side by side', () => {
    const t = example('ha-pair');
    const model = buildReportModel(t, { fileName: 'ha.promtopo.json', scenarios: SCENARIOS, catalogs: builtinCatalogs });
    expect(model.bundle.ok).toBe(true);
    const html = renderReport(model);
    if (model.bundle.ok) for (const f of model.bundle.files) expect(html).toContain(`<li><code>${f}</code></li>`);
    expect(html).toContain('<th scope="col">As designed</th><th scope="col">+50% targets</th><th scope="col">retention 30d</th>');
  });
});
