/**
 * The diff as plain text for a pull request or a terminal: one line per element change with its
 * fields indented below, then the load change per server as a table.
 */
import { machineSizeChange, priceChange } from './machineChange.ts';
import type { ElementChange, LoadFigures, ServerLoadChange, TopologyDiff } from './types.ts';
import { resourceWord } from './fieldWords.ts';
import { formatBytes, formatCount, formatDelta, formatPercent } from './units.ts';

const MARK = { added: '+', removed: '-', changed: '~' } as const;

function fieldLines(change: ElementChange): string[] {
  return change.fields.map((f) => {
    if (change.change !== 'changed') return `    ${f.label}: ${f.after ?? f.before ?? 'not set'}`;
    return `    ${f.label}: ${f.before ?? 'not set'} -> ${f.after ?? 'not set'}`;
  });
}

/** One change as a line plus its indented fields. */
export function changeLines(change: ElementChange): string[] {
  if (change.element === 'selector') {
    const f = change.fields[0];
    if (change.change === 'changed') return [`~ ${change.title}: match[] ${f?.before} -> ${f?.after}`];
    return [`${MARK[change.change]} ${change.title}: match[] ${f?.after ?? f?.before}`];
  }
  const renamed = change.matchedBy === 'name' ? ' (same name, new id)' : '';
  return [`${MARK[change.change]} ${change.title}${change.change === 'changed' ? '' : ` ${change.change}`}${renamed}`, ...fieldLines(change)];
}

function utilisation(f: LoadFigures | undefined): string {
  if (!f || f.utilisation === undefined) return '-';
  return `${formatPercent(f.utilisation)}${f.bottleneck ? ` ${resourceWord(f.bottleneck)}` : ''}`;
}

function cell(before: number | undefined, after: number | undefined, format: (n: number) => string): string {
  if (before === undefined) return `${format(after ?? 0)} (new)`;
  if (after === undefined) return `${format(before)} (gone)`;
  return before === after ? format(after) : `${format(before)} -> ${format(after)} (${formatDelta(after - before, format)})`;
}

function loadRow(s: ServerLoadChange): string[] {
  return [
    s.name,
    cell(s.before?.activeSeries, s.after?.activeSeries, formatCount),
    cell(s.before?.samplesPerSecond, s.after?.samplesPerSecond, formatCount),
    cell(s.before?.memoryBytes, s.after?.memoryBytes, formatBytes),
    !s.before ? utilisation(s.after) : !s.after ? utilisation(s.before) : `${utilisation(s.before)} -> ${utilisation(s.after)}`,
    machineSizeChange(s),
    priceChange(s),
  ];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Counts per change kind: `2 added, 1 removed, 3 changed`. */
export function diffSummary(diff: TopologyDiff): string {
  const count = (kind: ElementChange['change']) => diff.changes.filter((c) => c.change === kind).length;
  return `${count('added')} added, ${count('removed')} removed, ${count('changed')} changed`;
}

/** The whole diff as text; `oldName`/`newName` head it like a unified diff. */
export function diffText(diff: TopologyDiff, oldName: string, newName: string): string {
  const lines = [`--- ${oldName}`, `+++ ${newName}`];
  if (!diff.changed) {
    lines.push('no changes', ...(diff.moved.length ? [`(moved on the canvas only: ${diff.moved.join(', ')})`] : []));
    return `${lines.join('\n')}\n`;
  }
  for (const change of diff.changes) lines.push(...changeLines(change));
  if (diff.load.length) {
    lines.push('', 'Load change per server:');
    lines.push(...table(['server', 'series', 'samples/s', 'memory', 'utilisation', 'machine size', 'price/month'], diff.load.map(loadRow)).map((l) => `  ${l}`));
  }
  if (diff.moved.length) lines.push('', `Moved on the canvas: ${diff.moved.join(', ')}`);
  lines.push('', diffSummary(diff));
  return `${lines.join('\n')}\n`;
}
