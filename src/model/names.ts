/**
 * Ids and names. Ids are opaque and stable; names are what users read and what file names in the
 * bundle are made of, so they must be DNS-safe: lowercase letters, digits and `-`, 1-63 chars.
 */
import type { Topology } from './types.ts';

const dnsLabelRe = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS label (RFC 1123): safe as a host name, a file name and a Grafana data source name. */
export function isDnsSafeName(name: string): boolean {
  return dnsLabelRe.test(name);
}

/** Turns any text into a DNS-safe name (`"EU West/1"` -> `eu-west-1`); `fallback` when nothing is left. */
export function toDnsSafeName(text: string, fallback = 'node'): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return cleaned || fallback;
}

/** `base`, or `base-2`, `base-3`, ... whichever is not taken. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = `${base.slice(0, 63 - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Next free id with the given prefix (`n1`, `n2`, ... or `e1`, ...), deterministic. */
export function nextId(topology: Pick<Topology, 'nodes' | 'edges'>, prefix: string): string {
  const taken = new Set<string>([...topology.nodes.map((n) => n.id), ...topology.edges.map((e) => e.id)]);
  let max = 0;
  for (const id of taken) {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  let candidate = max + 1;
  while (taken.has(`${prefix}${candidate}`)) candidate++;
  return `${prefix}${candidate}`;
}

const labelNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const metricNameRe = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Legacy-safe Prometheus label name (what 2.x accepts). */
export function isValidLabelName(name: string): boolean {
  return labelNameRe.test(name);
}

/** Legacy-safe Prometheus metric name (recording rule `record`). */
export function isValidMetricName(name: string): boolean {
  return metricNameRe.test(name);
}
