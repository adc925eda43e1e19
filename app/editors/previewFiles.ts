/**
 * The bundle files the Config preview shows for a selection, generated in the renderer with the
 * engine's pure generators (for preview only; export runs in the host). A Prometheus server shows
 * each instance's prometheus.yml (and its rules); a target group the configs of the servers that
 * scrape it; Alertmanager and Grafana their files; nothing selected, every config of the bundle.
 */
import { alertmanagerConfigText } from '../../src/generate/alertmanagerConfig.ts';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { grafanaDatasourcesText } from '../../src/generate/grafanaDatasources.ts';
import { instanceDir, pathName } from '../../src/generate/links.ts';
import { PROMETHEUS_CONFIG_FILE, prometheusConfigText } from '../../src/generate/prometheusConfig.ts';
import { RULE_FILE, ruleFileText } from '../../src/generate/ruleFiles.ts';
import { serverInstances } from '../../src/model/instances.ts';
import type { PrometheusNode, Topology } from '../../src/model/types.ts';

/** One previewed file. `serverId` is set for a Prometheus config (its jobs can be clicked). */
export interface PreviewFile {
  /** Path inside the bundle, e.g. `prometheus/leaf-eu/prometheus.yml`. */
  readonly path: string;
  readonly contents: string;
  readonly serverId?: string;
}

function serverFiles(t: Topology, server: PrometheusNode): PreviewFile[] {
  const files: PreviewFile[] = [];
  const rules = ruleFileText(t, server);
  serverInstances(server).forEach((instance, i) => {
    const dir = instanceDir(server, instance);
    files.push({ path: `${dir}/${PROMETHEUS_CONFIG_FILE}`, contents: prometheusConfigText(t, server, instance), serverId: server.id });
    if (rules !== undefined && i === 0) files.push({ path: `${dir}/${RULE_FILE}`, contents: rules });
  });
  return files;
}

/** The files to preview for the selected node (or the whole bundle's configs when `nodeId` is undefined). */
export function previewFiles(t: Topology, nodeId: string | undefined): PreviewFile[] {
  const node = nodeId === undefined ? undefined : t.nodes.find((n) => n.id === nodeId);
  if (!node) return allConfigFiles(t);
  switch (node.kind) {
    case 'prometheus':
      return serverFiles(t, node);
    case 'targets': {
      const servers = t.edges.flatMap((e) => (e.kind === 'scrape' && e.targets === node.id ? [e.server] : []));
      const nodes = t.nodes.filter((n): n is PrometheusNode => n.kind === 'prometheus' && servers.includes(n.id));
      return nodes.flatMap((s) => serverFiles(t, s));
    }
    case 'alertmanager':
      return [{ path: `alertmanager/${pathName(node.name)}/alertmanager.yml`, contents: alertmanagerConfigText(t, node) }];
    case 'grafana':
      return [{ path: `grafana/provisioning/datasources/${pathName(node.name)}.yaml`, contents: grafanaDatasourcesText(t, node) }];
    case 'mimir':
    case 'thanos-receive':
    case 'victoriametrics':
    case 'thanos-querier':
      return allConfigFiles(t).filter((f) => f.serverId !== undefined && t.edges.some((e) =>
        (e.kind === 'remote_write' && e.receiver === node.id && e.server === f.serverId) || (e.kind === 'store' && e.querier === node.id && e.store === f.serverId)));
  }
}

/** Every YAML file of the bundle (no README, run files or the design copy). */
function allConfigFiles(t: Topology): PreviewFile[] {
  const servers = new Map<string, string>();
  for (const n of t.nodes) {
    if (n.kind !== 'prometheus') continue;
    for (const instance of serverInstances(n)) servers.set(`${instanceDir(n, instance)}/${PROMETHEUS_CONFIG_FILE}`, n.id);
  }
  return generateBundle(t)
    .files.filter((f) => /\.ya?ml$/.test(f.path))
    .map((f) => {
      const serverId = servers.get(f.path);
      return serverId ? { path: f.path, contents: f.contents, serverId } : { path: f.path, contents: f.contents };
    });
}

/** The whole bundle as one text (files in path order, each under a `# ==> path <==` header), for diffs. */
export function bundleText(t: Topology): string {
  return generateBundle(t)
    .files.filter((f) => f.path !== 'topology.promtopo.json' && f.path !== 'README.md')
    .map((f) => `# ==> ${f.path} <==\n${f.contents}${f.contents.endsWith('\n') ? '' : '\n'}`)
    .join('\n');
}
