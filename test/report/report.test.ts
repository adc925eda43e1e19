/**
 * The capacity report's model and page: scenarios transform the document as named, machine sizes
 * come from the capacity model ("not set" where unknown), every user string is escaped, the page refers to nothing outside
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
import { formatPercent } from '../../src/diff/units.ts';
import { serverCapacity } from '../../src/capacity/serverCapacity.ts';
import { makeTopology, scrapeEdge, server, targets } from '../../src/generate/testBuilders.ts';
import { editNode, example, importReal } from '../diff/support.ts';

const groups = (t: Topology) => t.nodes.filter((n): n is TargetGroupNode => n.kind === 'targets');
const report = (t: Topology) =>
  renderReport(buildReportModel(t, { fileName: 'design.promtopo.json', scenarios: SCENARIOS, catalogs: builtinCatalogs }));

/** The machine-size table's cells by server name. */
function machineRows(html: string): Map<string, string[]> {
  const table = html.slice(html.indexOf('id="machines"'), html.indexOf('id="scenarios"') < 0 ? html.indexOf('id="assumptions"') : html.indexOf('id="scenarios"'));
  const rows = [...table.matchAll(/<tr><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/g)];
  return new Map(rows.map((m) => [m[1] ?? '', [...(m[2] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1] ?? '')] as const));
}

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

  it('machine sizes come from the capacity model: needed and chosen size, what decides it and the price', () => {
    const sizes = [
      { name: 'mid', vcpu: 2, ramGiB: 8, diskGiB: 200, pricePerMonth: 50 },
      { name: 'big', vcpu: 8, ramGiB: 64, diskGiB: 2000, pricePerMonth: 200 },
    ];
    const t = makeTopology([
      targets('nodes', [], { count: 3000, port: 9100, seriesPerTarget: 1000 }),
      server('leaf', { retention: '2d', machine: 'mid', ha: { replicas: 2 } }),
      server('small', { retention: '2d' }),
      targets('few', [], { count: 5, port: 9100, seriesPerTarget: 100 }),
    ], [scrapeEdge('leaf', 'nodes'), scrapeEdge('small', 'few')], { settings: { machines: { sizes } } });
    const model = buildReportModel(t, { fileName: 'd.promtopo.json', scenarios: [], catalogs: builtinCatalogs });
    const leaf = serverCapacity(t, estimateLoad(t, builtinCatalogs)).leaf;
    expect(model.capacity.leaf).toEqual(leaf);
    expect(leaf?.needed?.name).toBe('big');
    const rows = machineRows(renderReport(model));
    expect(rows.get('leaf')).toEqual([
      'big (8 vCPU, 64 GiB RAM, 2000 GiB disk)',
      'mid (2 vCPU, 8 GiB RAM, 200 GiB disk) <span class="over">(too small)</span>',
      `RAM<div class="of">${leaf?.reason}</div>`,
      '100 per month (2 instances)',
    ]);
    // Nothing chosen: the needed size is priced, the chosen one is "not set".
    expect(rows.get('small')?.slice(0, 2)).toEqual(['mid (2 vCPU, 8 GiB RAM, 200 GiB disk)', '<span class="unset">not set</span>']);
    expect(rows.get('small')?.[3]).toBe('50 per month');
    // The load table shows the leaf against the size it is set to, over on RAM.
    const html = renderReport(model);
    const loadTable = html.slice(html.indexOf('id="load"'), html.indexOf('id="bottlenecks"'));
    expect(loadTable).toContain('<th scope="col">Machine size</th>');
    // RAM above the 70% the headroom allows on "mid": the bar is marked, and the cell says it does not fit.
    expect(leaf?.utilisation.ram).toBeGreaterThan(0.7);
    expect(loadTable).toContain(`<div class="bar near"><span style="width:${((leaf?.utilisation.ram ?? 0) * 100).toFixed(1)}%"></span></div><div class="of">RAM ${formatPercent(leaf?.utilisation.ram ?? 0)}</div>`);
    expect(loadTable).toMatch(/<td>mid<div class="bar ok">.*does not fit: needs big<\/div><\/td><\/tr><tr><th scope="row">small/);
    // Tiny shares are escaped ("&lt;1%"), never a raw "<" in the page.
    expect(loadTable).toMatch(/<td>mid <span class="of">\(needed\)<\/span><div class="bar ok">.*CPU &lt;1%/);
    expect(html).not.toContain('<1%');
  });

  it('without prices the price renders "not set"; scenarios show the size each needs', () => {
    // 300 targets x 1,000 series on the presets: disk decides at 15d, and 30d of retention needs a larger size.
    const t = makeTopology([targets('nodes', [], { count: 300, port: 9100, seriesPerTarget: 1000 }), server('leaf', { retention: '15d' })], [scrapeEdge('leaf', 'nodes')]);
    const model = buildReportModel(t, { fileName: 'd.promtopo.json', scenarios: SCENARIOS, catalogs: builtinCatalogs });
    expect(machineRows(renderReport(model)).get('leaf')?.[3]).toBe('<span class="unset">not set</span>');
    const designed = model.capacity.leaf?.needed?.name;
    const thirty = model.scenarios.find((s) => s.scenario.id === 'retention-30d')?.capacity.leaf;
    expect(thirty?.needed?.name).not.toBe(designed);
    expect(thirty?.needs.disk.total).toBeGreaterThan(model.capacity.leaf?.needs.disk.total ?? Infinity);
    const html = renderReport(model);
    const scenarios = html.slice(html.indexOf('id="scenarios"'));
    expect(scenarios).toContain(`needs ${designed} (${model.capacity.leaf?.bottleneck === 'disk' ? 'disk' : model.capacity.leaf?.bottleneck?.toUpperCase()})`);
    expect(scenarios).toContain(`needs ${thirty?.needed?.name} (disk)`);
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
