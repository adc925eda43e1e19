/**
 * The sections of the capacity report as HTML fragments: load against capacity, bottlenecks, machine
 * sizes, scenarios side by side, assumptions, bundle files. Every user string goes through escapeHtml.
 */
import { resourceWord } from '../diff/fieldWords.ts';
import { formatBytes, formatCount, formatPercent } from '../diff/units.ts';
import type { ServerCapacity } from '../capacity/types.ts';
import type { LoadResource, ServerLoad } from '../estimate/types.ts';
import { machineHeadroom } from '../capacity/machineSizes.ts';
import { escapeHtml } from './escapeHtml.ts';
import { machineLoadCell, machineRow, scenarioMachineLine } from './machineCells.ts';
import type { ReportModel } from './reportModel.ts';

const e = escapeHtml;

function servers(model: ReportModel): ServerLoad[] {
  return model.topology.nodes.flatMap((n) => (model.estimate.servers[n.id] ? [model.estimate.servers[n.id] as ServerLoad] : []));
}

function show(resource: LoadResource, value: number): string {
  return resource === 'memoryBytes' || resource === 'diskBytes' ? formatBytes(value) : formatCount(value);
}

/** One resource of one server: the figure, and a bar of the busiest instance against one instance's capacity. */
function resourceCell(s: ServerLoad, resource: LoadResource): string {
  const used = s[resource];
  const capacity = s.capacity[resource];
  const ratio = s.utilisationBy[resource];
  if (capacity === undefined || ratio === undefined) return `<td>${show(resource, used)}<div class="of">no limit set</div></td>`;
  const width = Math.min(100, Math.max(1, ratio * 100));
  const level = ratio >= 1 ? 'over' : ratio >= 0.8 ? 'near' : 'ok';
  return `<td>${show(resource, used)}<div class="bar ${level}"><span style="width:${width.toFixed(1)}%"></span></div>`
    + `<div class="of">${e(formatPercent(ratio))} of ${show(resource, capacity)}${s.instanceCount > 1 ? ' per instance' : ''}</div></td>`;
}

export function loadSection(model: ReportModel): string {
  const headroom = machineHeadroom(model.topology);
  const rows = servers(model).map((s) => `<tr><th scope="row">${e(s.name)}<div class="of">${e(s.role)}, ${s.instanceCount} instance${s.instanceCount === 1 ? '' : 's'}</div></th>`
    + `${resourceCell(s, 'activeSeries')}${resourceCell(s, 'samplesPerSecond')}${resourceCell(s, 'memoryBytes')}${resourceCell(s, 'diskBytes')}${machineLoadCell(model.capacity[s.id], headroom)}</tr>`);
  if (rows.length === 0) return '<section id="load"><h2>Load against machine size</h2><p class="empty">No Prometheus server in the design.</p></section>';
  return `<section id="load"><h2>Load against machine size</h2>
<p class="note">Estimated by the load model (all instances together; bars: the busiest instance against one instance's capacity). Machine size: the busiest instance's CPU, RAM (process RSS) and disk against the size it is set to, else the size it needs, with ${Math.round(headroom * 100)}% headroom kept free.</p>
<table class="load"><thead><tr><th scope="col">Server</th><th scope="col">Active series</th><th scope="col">Samples/s</th><th scope="col">Memory</th><th scope="col">Disk (retention)</th><th scope="col">Machine size</th></tr></thead>
<tbody>${rows.join('')}</tbody></table></section>`;
}

export function bottleneckSection(model: ReportModel): string {
  const ranked = servers(model).filter((s) => s.utilisation !== undefined).sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0));
  const items = ranked.map((s) => `<li><strong>${e(s.name)}</strong>: ${s.bottleneck ? e(resourceWord(s.bottleneck)) : 'load'} at ${e(formatPercent(s.utilisation ?? 0))} of capacity`
    + `${s.instanceCount > 1 ? ` (busiest instance ${e(s.busiestInstance || 'the first')})` : ''}</li>`);
  const findings = model.estimate.diagnostics.map((d) => `<li class="${d.severity}">${e(d.severity)}: ${e(d.message)} <code>${e(d.code)}</code></li>`);
  return `<section id="bottlenecks"><h2>Bottlenecks</h2>
${items.length ? `<ol>${items.join('')}</ol>` : '<p class="empty">No capacity known for any server.</p>'}
${findings.length ? `<h3>Load findings</h3><ul class="findings">${findings.join('')}</ul>` : '<p class="note">No load finding: every server is under 80% of its capacity.</p>'}</section>`;
}

export function machineSection(model: ReportModel): string {
  const rows = servers(model).map((s) => machineRow(s.name, model.capacity[s.id]));
  return `<section id="machines"><h2>Machine sizes</h2>
<p class="note">The smallest size of the document (else the presets) that holds the busiest instance's needs with the headroom kept free; the price counts every instance.</p>
<table class="plain"><thead><tr><th scope="col">Server</th><th scope="col">Needed size</th><th scope="col">Chosen size</th><th scope="col">Decided by</th><th scope="col">Price per month</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function scenarioCell(s: ServerLoad | undefined, capacity: ServerCapacity | undefined): string {
  if (!s) return '<td>-</td>';
  return `<td>${formatCount(s.activeSeries)} series<br>${formatCount(s.samplesPerSecond)} samples/s<br>${formatBytes(s.memoryBytes)} memory<br>${formatBytes(s.diskBytes)} disk${scenarioMachineLine(capacity)}`
    + `<div class="of">${s.utilisation === undefined ? 'no capacity' : `${e(formatPercent(s.utilisation))}${s.bottleneck ? ` ${e(resourceWord(s.bottleneck))}` : ''}`}</div></td>`;
}

export function scenarioSection(model: ReportModel): string {
  if (model.scenarios.length === 0) return '';
  const head = ['<th scope="col">Server</th>', '<th scope="col">As designed</th>', ...model.scenarios.map((s) => `<th scope="col">${e(s.scenario.name)}</th>`)].join('');
  const rows = servers(model).map((s) => `<tr><th scope="row">${e(s.name)}</th>${scenarioCell(s, model.capacity[s.id])}${model.scenarios.map((sc) => scenarioCell(sc.estimate.servers[s.id], sc.capacity[s.id])).join('')}</tr>`);
  const totals = [model.estimate, ...model.scenarios.map((s) => s.estimate)].map((est) => `<td>${formatCount(est.totals.activeSeries)} series<br>${formatBytes(est.totals.memoryBytes)} memory<br>${formatBytes(est.totals.diskBytes)} disk</td>`);
  const notes = model.scenarios.map((s) => `<li><strong>${e(s.scenario.name)}</strong> (<code>--scenario ${e(s.scenario.id)}</code>): ${e(s.scenario.description)}</li>`);
  return `<section id="scenarios"><h2>Scenarios side by side</h2><ul class="note">${notes.join('')}</ul>
<table class="scenarios"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}<tr class="total"><th scope="row">All servers</th>${totals.join('')}</tr></tbody></table></section>`;
}

export function assumptionSection(model: ReportModel): string {
  const rows = model.assumptions.map((a) => `<tr><th scope="row">${e(a.name)}</th><td>${e(a.value)}</td><td>${e(a.source)}</td></tr>`);
  return `<section id="assumptions"><h2>Assumptions and their sources</h2>
<table class="plain"><thead><tr><th scope="col">Assumption</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

export function bundleSection(model: ReportModel): string {
  if (!model.bundle.ok) {
    const errors = model.bundle.errors.map((d) => `<li>${e(d.message)} <code>${e(d.code)}</code></li>`);
    return `<section id="bundle"><h2>Files of the bundle</h2><p>The design cannot be exported yet: ${model.bundle.errors.length} error${model.bundle.errors.length === 1 ? '' : 's'}.</p><ul class="findings">${errors.join('')}</ul></section>`;
  }
  const files = model.bundle.files.map((f) => `<li><code>${e(f)}</code></li>`);
  return `<section id="bundle"><h2>Files of the bundle</h2><p class="note">${files.length} files, as <code>promtopo export</code> writes them.</p><ul class="files">${files.join('')}</ul></section>`;
}
