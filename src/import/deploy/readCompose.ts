/**
 * Reading back a docker compose export: `docker-compose.yml` with the configs it mounts becomes the
 * plain bundle the importer reads. Each Prometheus service's `command` gives the flags its run file
 * would have (retention), each Alertmanager service the gossip peers; the `promtopo.design.*` labels
 * give the design's addresses back, and every `<service>:<port>` in the mounted configs is replaced by
 * its design address. Without those labels (a hand-written compose file) the instances keep their
 * service names as addresses.
 */
import { parse } from 'yaml';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { selfScrapeTarget } from '../../model/jobs.ts';

export const COMPOSE_FILE_NAMES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];
const DESIGN_ADDRESS_LABEL = 'promtopo.design.address';
const DESIGN_CLUSTER_LABEL = 'promtopo.design.cluster-address';

interface ComposeService {
  image?: unknown;
  command?: unknown;
  volumes?: unknown;
  labels?: unknown;
}

export interface FileText {
  readonly name: string;
  readonly text: string;
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** True when `name` is a compose file. */
export function isComposeFile(name: string): boolean {
  return COMPOSE_FILE_NAMES.includes(baseName(name));
}

/**
 * True when the compose file runs the configs among `files`: a Prometheus service mounts a folder at
 * /etc/prometheus whose prometheus.yml is one of them (how the compose export writes it). Any other
 * compose file (a stack beside its prometheus.yml, one that mounts single files) is not a deployment
 * form: the ordinary import reads the folder and says why the compose file was skipped.
 */
export function mountsImportedConfigs(compose: FileText, files: readonly FileText[]): boolean {
  let doc: { services?: Record<string, ComposeService> };
  try {
    doc = (parse(compose.text) ?? {}) as typeof doc;
  } catch {
    return false;
  }
  const services = doc.services && typeof doc.services === 'object' ? Object.values(doc.services) : [];
  const base = dirOf(compose.name);
  const names = new Set(files.map((f) => f.name));
  return services.some((service) => {
    const image = service && typeof service.image === 'string' ? service.image : '';
    const dir = service ? mountedDir(strings(service.volumes), '/etc/prometheus') : undefined;
    return /prometheus/.test(image) && dir !== undefined && names.has(base ? `${base}/${dir}/prometheus.yml` : `${dir}/prometheus.yml`);
  });
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

function labelsOf(value: unknown): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(value.filter((v): v is string => typeof v === 'string' && v.includes('=')).map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]));
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  return {};
}

function flag(command: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return command.find((c) => c.startsWith(prefix))?.slice(prefix.length);
}

/** The host folder mounted at `target` (`./prometheus/leaf-a` for `/etc/prometheus`), relative to the compose file. */
function mountedDir(volumes: readonly string[], target: string): string | undefined {
  for (const v of volumes) {
    const [source, dest] = v.split(':');
    if (dest === target && source?.startsWith('./')) return source.slice(2).replace(/\/$/, '');
  }
  return undefined;
}

const portOf = (listen: string | undefined, fallback: number) => Number(/:(\d+)$/.exec(listen ?? '')?.[1] ?? fallback);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The files the importer reads for a compose export: the mounted configs with design addresses put
 * back, plus one run file per instance. `files` are the imported files by name (the compose file's
 * folder is the base of its mounts).
 */
export function readCompose(compose: FileText, files: readonly FileText[]): { files: FileText[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: { services?: Record<string, ComposeService> };
  try {
    doc = (parse(compose.text) ?? {}) as typeof doc;
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { files: [], diagnostics: [{ code: 'import/yaml', severity: 'error', message: `${compose.name}: ${message}`, at: { file: compose.name } }] };
  }
  const services = doc.services && typeof doc.services === 'object' ? doc.services : {};
  const base = dirOf(compose.name);
  const at = (rel: string) => (base ? `${base}/${rel}` : rel);
  const replacements: [string, string][] = [];
  const selfTargets = new Map<string, [string, string]>();
  const runFiles: FileText[] = [];
  const amCount = new Map<string, number>();
  for (const service of Object.values(services)) {
    const dir = mountedDir(strings(service.volumes), '/etc/alertmanager');
    if (dir) amCount.set(dir, (amCount.get(dir) ?? 0) + 1);
  }
  for (const [name, service] of Object.entries(services)) {
    const image = typeof service.image === 'string' ? service.image : '';
    const command = strings(service.command);
    const volumes = strings(service.volumes);
    const labels = labelsOf(service.labels);
    const design = labels[DESIGN_ADDRESS_LABEL];
    const promDir = mountedDir(volumes, '/etc/prometheus');
    const amDir = mountedDir(volumes, '/etc/alertmanager');
    if (/prometheus/.test(image) && promDir) {
      const port = portOf(flag(command, 'web.listen-address'), 9090);
      const address = design ?? `${name}:${port}`;
      if (design) {
        replacements.push([`${name}:${port}`, design]);
        // The instance scrapes itself on its port in the container; in the design, on the design's port.
        selfTargets.set(at(`${promDir}/prometheus.yml`), [`localhost:${port}`, selfScrapeTarget(design)]);
      }
      const retention = flag(command, 'storage.tsdb.retention.time');
      runFiles.push({ name: at(`${promDir}/run.sh`), text: [
        `# ${compose.name}: service ${name}`,
        ...(retention ? [`  --storage.tsdb.retention.time=${retention}`] : []),
        `  --web.listen-address=${address}`, '',
      ].join('\n') });
    } else if (/alertmanager/.test(image) && amDir) {
      const port = portOf(flag(command, 'web.listen-address'), 9093);
      const gossipPort = portOf(flag(command, 'cluster.listen-address'), 9094);
      const index = Number(/-(\d+)$/.exec(name)?.[1] ?? '1');
      const address = design ?? `${name}:${port}`;
      const cluster = labels[DESIGN_CLUSTER_LABEL] ?? `${name}:${gossipPort}`;
      if (design) replacements.push([`${name}:${port}`, design]);
      if (labels[DESIGN_CLUSTER_LABEL]) replacements.push([`${name}:${gossipPort}`, cluster]);
      runFiles.push({ name: at(`${amDir}/run-${index}.sh`), text: `# Starts instance ${index} of ${amCount.get(amDir) ?? 1} of Alertmanager "${baseName(amDir)}" on ${address}, gossip ${cluster}. From ${compose.name}.\n` });
    }
  }
  // Longest first, and only whole addresses: `leaf-a:9090` must not rewrite `eu-leaf-a:9090`.
  const rules = replacements.sort((a, b) => b[0].length - a[0].length).map(([from, to]) => [new RegExp(`(?<![A-Za-z0-9._-])${escapeRegExp(from)}(?![0-9])`, 'g'), to] as const);
  const rewrite = (text: string) => rules.reduce((t, [re, to]) => t.replace(re, to), text);
  const rewriteSelf = (name: string, text: string) => {
    const self = selfTargets.get(name);
    return self ? text.replace(new RegExp(`(?<![A-Za-z0-9._-])${escapeRegExp(self[0])}(?![0-9])`, 'g'), self[1]) : text;
  };
  const out = files.filter((f) => f !== compose && !/\.sh$/.test(f.name)).map((f) => ({ name: f.name, text: rewriteSelf(f.name, rewrite(f.text)) }));
  return { files: [...out, ...runFiles], diagnostics };
}
