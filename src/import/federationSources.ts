/**
 * Which imported server a `/federate` target is. The address says it when it names an instance; when
 * the instance's address was only a guess, the target is matched by meaning: a label on the target
 * that is one of the server's external labels (`cluster: "autojoin"`), a folder of the server's file
 * that the host names (`prometheus-autojoin-basic....` for `autojoin/prometheus.yml`), or its name. A
 * Grafana data source in a server's folder that names no server is that server. The matched
 * instance takes the address (the port Prometheus dials when the target has none).
 */
import { splitAddress } from '../model/instances.ts';
import type { BuiltServer } from './buildServers.ts';
import { replaceAddress } from './buildServers.ts';
import type { ImportedInstance } from './groupServers.ts';
import { baseName, dirName } from './hints.ts';
import type { ParsedJob } from './parseConfig.ts';

/** A static target of a federation job. */
export interface FederationTarget {
  readonly target: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly scheme: string;
  /** The file of the scraping server. */
  readonly file: string;
}

const genericSegments = new Set(['', '.', '..', 'prometheus', 'config', 'configs', 'conf', 'etc', 'monitoring', 'deploy']);

/** A federation job that becomes edges: `/federate` with static targets and no service discovery. */
export function isFederationJob(job: ParsedJob): boolean {
  return job.metricsPath === '/federate' && job.staticGroups.some((g) => g.targets.length > 0) && ![...job.fields.keys()].some((k) => k.endsWith('_sd_configs'));
}

/** The federation targets of the imported instances. */
export function federationTargetsOf(instances: readonly ImportedInstance[]): FederationTarget[] {
  return instances.flatMap((i) => i.jobs.filter(isFederationJob).flatMap((j) => j.staticGroups.flatMap((g) =>
    g.targets.map((target) => ({ target, labels: g.labels, scheme: j.scheme ?? 'http', file: i.file })))));
}

/** `host:port` as Prometheus dials it: the scheme's port when the target has none. */
export function withDefaultPort(target: string, scheme: string): string {
  return splitAddress(target).port !== undefined ? target : `${target}:${scheme === 'https' ? 443 : 80}`;
}

/** Folder segments that say which server a file is (`autojoin` of `mlab/autojoin/prometheus/prometheus.yml`). */
function folderSegments(file: string): string[] {
  return dirName(file).split('/').filter((s) => !genericSegments.has(s.toLowerCase()));
}

/** The folder a server's files belong to, above generic folder names (`mlab/federation` for `mlab/federation/prometheus/x.yml`). */
export function projectFolder(file: string): string {
  let dir = dirName(file);
  while (dir && genericSegments.has(baseName(dir).toLowerCase())) dir = dirName(dir);
  return dir;
}

function known(servers: readonly BuiltServer[], target: string): boolean {
  const host = splitAddress(target).host;
  return servers.some((s) => s.addresses.some((a) => a === target || splitAddress(a).host === host));
}

/** True when `host` names `word`: as whole tokens (`eu` in `prom-eu.example`), or inside it when the word is long. */
function namesHost(word: string, host: string): boolean {
  const w = word.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (w.length === 0) return false;
  const tokens = host.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  for (let i = 0; i + w.length <= tokens.length; i++) if (w.every((t, j) => tokens[i + j] === t)) return true;
  return word.length >= 5 && host.includes(word.toLowerCase());
}

/** How well a target names a server instance (0 = not at all). */
function score(server: BuiltServer, k: number, t: FederationTarget, uniqueSegments: ReadonlySet<string>): number {
  const inst = server.group.instances[k] as ImportedInstance;
  if (inst.file === t.file) return 0;
  const host = splitAddress(t.target).host.toLowerCase();
  const labels = inst.config.global.externalLabels;
  let n = 0;
  if (Object.entries(t.labels).some(([name, value]) => labels[name] === value)) n += 4;
  if (folderSegments(inst.file).some((seg) => uniqueSegments.has(seg) && namesHost(seg, host))) n += 2;
  if (namesHost(server.node.name, host.split('.')[0] ?? '')) n += 1;
  return n;
}

/**
 * Guessed instance addresses replaced by the federation targets that name them by meaning; each
 * target names at most one instance, and only a unique best match counts.
 */
export function adoptFederationTargets(servers: readonly BuiltServer[], targets: readonly FederationTarget[]): BuiltServer[] {
  let out = [...servers];
  const counts = new Map<string, number>();
  for (const s of out) for (const inst of s.group.instances) for (const seg of new Set(folderSegments(inst.file))) counts.set(seg, (counts.get(seg) ?? 0) + 1);
  const unique = new Set([...counts].filter(([, n]) => n === 1).map(([seg]) => seg));
  for (const t of targets) {
    if (known(out, t.target)) continue;
    let best: { s: number; k: number; score: number } | undefined;
    let tie = false;
    out.forEach((server, s) => server.group.instances.forEach((_, k) => {
      if (!server.guessed[k]) return;
      const value = score(server, k, t, unique);
      if (value === 0) return;
      if (!best || value > best.score) {
        best = { s, k, score: value };
        tie = false;
      } else if (value === best.score) tie = true;
    }));
    if (!best || tie) continue;
    const { s, k } = best;
    out = out.map((server, i) => (i === s ? replaceAddress(server, k, withDefaultPort(t.target, t.scheme)) : server));
  }
  return out;
}

/** A Grafana data source URL's `host:port` (the scheme's port when it has none). */
export function urlAddress(url: string): string {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(url.trim());
  if (!m) return url.replace(/\/.*$/, '');
  return withDefaultPort(m[2] ?? '', (m[1] ?? 'http').toLowerCase());
}

/**
 * A Grafana file's data source that names no server is the server whose folder holds the Grafana
 * file (`dockprom/grafana/...` -> `dockprom/prometheus.yml`), when exactly one such server has a
 * guessed address.
 */
export function adoptGrafanaUrls(servers: readonly BuiltServer[], grafanas: readonly { file: string; datasources: readonly { url: string }[] }[]): BuiltServer[] {
  let out = [...servers];
  for (const g of grafanas) {
    for (const ds of g.datasources) {
      const address = urlAddress(ds.url);
      if (known(out, address)) continue;
      const candidates = out.flatMap((server, s) => server.group.instances.length === 1 && server.guessed[0]
        && (projectFolder(g.file) + '/').startsWith(projectFolder(server.group.instances[0]?.file ?? '') + '/') ? [s] : []);
      if (candidates.length !== 1) continue;
      const s = candidates[0] as number;
      out = out.map((server, i) => (i === s ? replaceAddress(server, 0, address) : server));
    }
  }
  return out;
}
