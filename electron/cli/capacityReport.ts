/** The machine-size and failure what-if parts of `promtopo load` (text and `--json`). */
import { GIB } from '../../src/capacity/constants.ts';
import { RESOURCE_LABEL } from '../../src/capacity/serverCapacity.ts';
import type { ServerCapacity } from '../../src/capacity/types.ts';
import type { Topology } from '../../src/model/types.ts';
import type { FailureImpact } from '../../src/whatif/failureImpact.ts';

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}

function mbps(bytesPerSecond: number): string {
  return `${((bytesPerSecond * 8) / 1e6).toFixed(2)} Mbit/s`;
}

/** Cores with two decimals, small figures with two significant digits. */
function cores(n: number): string {
  return n >= 0.1 ? n.toFixed(2) : n.toPrecision(2);
}

/** One row per server: the busiest instance's needs, the size needed and why, the chosen size. */
export function machineRows(topology: Topology, capacity: Readonly<Record<string, ServerCapacity>>): string[][] {
  return topology.nodes
    .flatMap((n) => (capacity[n.id] ? [capacity[n.id] as ServerCapacity] : []))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => [
      c.name,
      cores(c.needs.cpuCores),
      gib(c.needs.ramBytes),
      gib(c.needs.disk.total),
      mbps(c.needs.network.total),
      c.needed?.name ?? 'none fits',
      c.bottleneck ? RESOURCE_LABEL[c.bottleneck] : '-',
      c.chosen ? `${c.chosen.name}${c.fits ? '' : ' (too small)'}` : '-',
      c.pricePerMonth === undefined ? '-' : String(round(c.pricePerMonth, 2)),
    ]);
}

export const MACHINE_HEADER = ['server', 'cores', 'ram', 'disk', 'network', 'needs', 'bottleneck', 'chosen', 'price/month'];

/** `--json`: the capacity of one server. */
export function machineJson(c: ServerCapacity): Record<string, unknown> {
  return {
    cpuCores: round(c.needs.cpuCores, 4),
    cpu: { baseline: round(c.needs.cpu.baseline, 5), ingestion: round(c.needs.cpu.ingestion, 5), rules: round(c.needs.cpu.rules, 5) },
    ramBytes: Math.round(c.needs.ramBytes),
    disk: { blocks: Math.round(c.needs.disk.blocks), wal: Math.round(c.needs.disk.wal), compaction: Math.round(c.needs.disk.compaction), total: Math.round(c.needs.disk.total) },
    networkBytesPerSecond: {
      scrapeIn: round(c.needs.network.scrapeIn), federationIn: round(c.needs.network.federationIn),
      federationOut: round(c.needs.network.federationOut), total: round(c.needs.network.total),
    },
    busiestInstance: c.needs.instance,
    needed: c.needed?.name ?? null,
    bottleneck: c.bottleneck ?? null,
    reason: c.reason,
    chosen: c.chosen?.name ?? null,
    fits: c.fits,
    utilisation: Object.fromEntries(Object.entries(c.utilisation).map(([k, v]) => [k, round(v ?? 0, 4)])),
    pricePerMonth: c.pricePerMonth ?? null,
  };
}

/** The what-if section of the text report. */
export function whatIfText(impact: FailureImpact): string {
  const lines = [`what-if: down ${impact.marks.join(', ')}`];
  for (const s of impact.servers) {
    const covered = s.coveredBy.length > 0 ? `, covered by ${s.coveredBy.map((k) => `${s.name}/${k}`).join(', ')}` : '';
    const which = s.downInstances.filter((k) => k !== '').join(', ');
    lines.push(`  server ${s.name}: ${s.state}${which ? ` (${which})` : ''}${covered}; ${Math.round(s.seriesLost)} series lost`);
  }
  for (const g of impact.targetGroups) lines.push(`  targets ${g.name}: ${g.state === 'lost' ? 'no longer scraped' : 'partly not scraped'}`);
  for (const f of impact.federation) lines.push(`  federation ${f.server} <- ${f.source}: ${f.reason}; ${Math.round(f.series)} series`);
  for (const r of impact.rules) lines.push(`  ${r.kind} rule ${r.server}/${r.group}/${r.rule}: ${r.reason}`);
  for (const a of impact.alerting) lines.push(`  alerts of ${a.server}: ${a.reason}`);
  for (const d of impact.dashboards) lines.push(`  dashboards ${d.grafana} -> ${d.server}: ${d.reason}`);
  lines.push(`  total: ${Math.round(impact.seriesLost)} series lost`);
  return `${lines.join('\n')}\n`;
}

/** `--json`: the what-if as plain data. */
export function whatIfJson(impact: FailureImpact): Record<string, unknown> {
  return {
    down: impact.marks,
    servers: impact.servers.map((s) => ({ ...s, seriesLost: Math.round(s.seriesLost) })),
    targetGroups: impact.targetGroups,
    federation: impact.federation.map((f) => ({ ...f, series: Math.round(f.series) })),
    rules: impact.rules,
    alerting: impact.alerting,
    dashboards: impact.dashboards,
    seriesLost: Math.round(impact.seriesLost),
  };
}
