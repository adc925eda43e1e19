/**
 * What a config's surroundings say about its server, beyond prometheus.yml itself: the header comment
 * PromTopo writes on every generated file (role, name, address, topology), and the flags of run files
 * next to it (retention, listen address, Alertmanager gossip address). Files without them are
 * imported with heuristics (see buildTopology.ts).
 */
import type { ServerRole } from '../model/types.ts';

/** From the header `# Prometheus leaf "prom-eu" (replica a), prom-eu-a:9090, topology "X".` */
export interface ServerHint {
  readonly role: ServerRole;
  readonly name: string;
  readonly address: string;
  readonly topologyName: string;
  /** The replica value, for one replica of an HA group (`(replica a)`). */
  readonly replica?: string;
}

const headerRe = /^# Prometheus (leaf|global|shard) "([^"]*)"(?: \(([^)]*)\))?, (\S+), topology "(.*)"\.$/m;

export function serverHint(text: string): ServerHint | undefined {
  const m = headerRe.exec(text.slice(0, 2000));
  if (!m) return undefined;
  const replica = /(?:^|, )replica (\S+)/.exec(m[3] ?? '')?.[1];
  return { role: m[1] as ServerRole, name: m[2] ?? '', address: m[4] ?? '', topologyName: m[5] ?? '', ...(replica ? { replica } : {}) };
}

/** Value of `--flag=value` in a shell run file (quotes removed), or undefined. */
export function runFlag(text: string, flag: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)--${flag.replace(/\./g, '\\.')}=('[^']*'|"[^"]*"|\\S+)`, 'm').exec(text);
  if (!m) return undefined;
  const v = m[1] ?? '';
  return /^['"]/.test(v) ? v.slice(1, -1) : v;
}

/** From `# Starts instance 1 of 2 of Alertmanager "am" on am-1:9093, gossip am-1:9094.` */
export interface AlertmanagerHint {
  readonly name: string;
  readonly index: number;
  readonly address: string;
  readonly clusterAddress: string;
}

const amRe = /^# Starts instance (\d+) of \d+ of Alertmanager "([^"]*)" on (\S+), gossip (\S+)\. /m;

export function alertmanagerHint(text: string): AlertmanagerHint | undefined {
  const m = amRe.exec(text.slice(0, 2000));
  if (!m) return undefined;
  return { index: Number(m[1]) - 1, name: m[2] ?? '', address: m[3] ?? '', clusterAddress: m[4] ?? '' };
}

/** From `# Grafana "grafana" data sources, ...` */
export function grafanaHint(text: string): string | undefined {
  return /^# Grafana "([^"]*)" data sources/m.exec(text.slice(0, 2000))?.[1];
}

/** POSIX dirname / basename of a relative or absolute path. */
export function dirName(path: string): string {
  const i = path.replace(/\\/g, '/').lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
export function baseName(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Joins and normalises a POSIX path (`a/b/../c` -> `a/c`); absolute `rel` wins. */
export function joinPath(dir: string, rel: string): string {
  const parts = (rel.startsWith('/') || dir === '' ? rel : `${dir}/${rel}`).replace(/\\/g, '/').split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
