/**
 * docker compose: one `docker-compose.yml` running every Prometheus instance, every Alertmanager
 * instance and every Grafana, with the generated files mounted read-only, pinned images, a named
 * volume per instance, published ports that do not clash (on 127.0.0.1) and health checks.
 *
 * Inside the compose network an instance is its service name (the bundle folder name) on the
 * program's usual port, so the configs are generated from the design moved to those addresses.
 */
import { serverInstances, splitAddress } from '../../model/instances.ts';
import type { ServerInstance } from '../../model/instances.ts';
import type { AlertmanagerNode, GrafanaNode, PrometheusNode, Topology } from '../../model/types.ts';
import { alertmanagerConfigText } from '../alertmanagerConfig.ts';
import type { BundleFile } from '../bundle.ts';
import { grafanaDatasources, grafanaDatasourcesText } from '../grafanaDatasources.ts';
import { federationSourceInstances, instanceDir, oneLine, pathName, serverLinks, sortedAlertmanagers, sortedGrafanas, sortedServers } from '../links.ts';
import { PROMETHEUS_CONFIG_FILE, prometheusConfigText } from '../prometheusConfig.ts';
import { RULE_FILE, ruleFileText } from '../ruleFiles.ts';
import { blockSeq, flowSeq, orderedMap, singleQuoted, toYamlText } from '../yamlText.ts';
import type { YMap } from '../yamlText.ts';
import { alertmanagerClusterAddress } from '../runFiles.ts';
import { withAddresses } from './addressView.ts';
import { ALERTMANAGER_IMAGE, GRAFANA_IMAGE, PROMETHEUS_IMAGE } from './images.ts';

export const COMPOSE_FILE = 'docker-compose.yml';
/** Service label keeping the design's address of the instance (what import restores). */
export const DESIGN_ADDRESS_LABEL = 'promtopo.design.address';
/** Service label keeping the design's gossip address of an Alertmanager instance. */
export const DESIGN_CLUSTER_LABEL = 'promtopo.design.cluster-address';
const PROMETHEUS_PORT = 9090;
const ALERTMANAGER_PORT = 9093;
const ALERTMANAGER_GOSSIP_PORT = 9094;
const GRAFANA_PORT = 3000;

/** Compose service of a Prometheus instance: its bundle folder name (`prom-eu-1-a`). */
export function prometheusService(server: PrometheusNode, instance: ServerInstance): string {
  return instanceDir(server, instance).slice('prometheus/'.length);
}

/** Compose service of Alertmanager instance `index` (0-based): `<name>-1`, `<name>-2`, ... */
export function alertmanagerService(am: Pick<AlertmanagerNode, 'name'>, index: number): string {
  return `${pathName(am.name)}-${index + 1}`;
}

export function grafanaService(grafana: Pick<GrafanaNode, 'name'>): string {
  return pathName(grafana.name);
}

/** The design as it runs in compose: every instance at `<service>:<usual port>`. */
export function composeView(t: Topology): Topology {
  return withAddresses(t, {
    server: (server, instance) => `${prometheusService(server, instance)}:${PROMETHEUS_PORT}`,
    alertmanager: (am, i) => ({ address: `${alertmanagerService(am, i)}:${ALERTMANAGER_PORT}`, clusterAddress: `${alertmanagerService(am, i)}:${ALERTMANAGER_GOSSIP_PORT}` }),
    grafana: (g) => `${grafanaService(g)}:${GRAFANA_PORT}`,
  });
}

/**
 * Host ports: each published port is the design's port of that instance when still free, else the
 * next free port above it, in a fixed order (Alertmanager, Prometheus by name, Grafana).
 */
export class HostPorts {
  private readonly used = new Set<number>();

  take(wanted: number | undefined, fallback: number): number {
    let port = wanted ?? fallback;
    while (this.used.has(port) || port > 65535) port = port > 65535 ? 1024 : port + 1;
    this.used.add(port);
    return port;
  }
}

const healthcheck = (url: string) => orderedMap([
  ['test', flowSeq(['CMD', 'wget', '-q', '--spider', url])],
  ['interval', '10s'],
  ['timeout', '5s'],
  ['retries', 6],
]);

const published = (host: number, container: number) => blockSeq([singleQuoted(`127.0.0.1:${host}:${container}`)]);

function prometheusServiceNode(view: Topology, server: PrometheusNode, instance: ServerInstance, hostPort: number, original: string): YMap {
  const service = prometheusService(server, instance);
  const links = serverLinks(view, server);
  const deps = new Set<string>();
  for (const link of links.federations) for (const i of federationSourceInstances(link.source, link.edge)) deps.add(prometheusService(link.source, i));
  for (const am of links.alertmanagers) am.instances.forEach((_, i) => deps.add(alertmanagerService(am, i)));
  deps.delete(service);
  return orderedMap([
    ['image', PROMETHEUS_IMAGE],
    ['restart', 'unless-stopped'],
    ['command', blockSeq([
      '--config.file=/etc/prometheus/prometheus.yml',
      '--storage.tsdb.path=/prometheus',
      `--storage.tsdb.retention.time=${server.retention}`,
      `--web.listen-address=:${PROMETHEUS_PORT}`,
      '--web.enable-lifecycle',
    ])],
    ['volumes', blockSeq([`./prometheus/${service}:/etc/prometheus:ro`, `${service}-data:/prometheus`])],
    ['ports', published(hostPort, PROMETHEUS_PORT)],
    ['healthcheck', healthcheck(`http://localhost:${PROMETHEUS_PORT}/-/ready`)],
    ['depends_on', deps.size ? blockSeq([...deps].sort()) : undefined],
    ['labels', orderedMap([[DESIGN_ADDRESS_LABEL, original]])],
  ]);
}

function alertmanagerServiceNode(am: AlertmanagerNode, index: number, hostPort: number, original: string, originalCluster: string): YMap {
  const peers = am.instances.map((_, i) => i).filter((i) => i !== index).map((i) => `--cluster.peer=${alertmanagerService(am, i)}:${ALERTMANAGER_GOSSIP_PORT}`);
  const service = alertmanagerService(am, index);
  return orderedMap([
    ['image', ALERTMANAGER_IMAGE],
    ['restart', 'unless-stopped'],
    ['command', blockSeq([
      '--config.file=/etc/alertmanager/alertmanager.yml',
      '--storage.path=/alertmanager',
      `--web.listen-address=:${ALERTMANAGER_PORT}`,
      `--cluster.listen-address=0.0.0.0:${ALERTMANAGER_GOSSIP_PORT}`,
      ...peers,
    ])],
    ['volumes', blockSeq([`./alertmanager/${pathName(am.name)}:/etc/alertmanager:ro`, `${service}-data:/alertmanager`])],
    ['ports', published(hostPort, ALERTMANAGER_PORT)],
    ['healthcheck', healthcheck(`http://localhost:${ALERTMANAGER_PORT}/-/ready`)],
    ['labels', orderedMap([[DESIGN_ADDRESS_LABEL, original], [DESIGN_CLUSTER_LABEL, originalCluster]])],
  ]);
}

function grafanaServiceNode(view: Topology, grafana: GrafanaNode, hostPort: number, original: string): YMap {
  const file = `${pathName(grafana.name)}.yaml`;
  const deps = [...new Set(grafanaDatasources(view, grafana).flatMap((d) => (d.server && d.instance ? [prometheusService(d.server, d.instance)] : [])))].sort();
  return orderedMap([
    ['image', GRAFANA_IMAGE],
    ['restart', 'unless-stopped'],
    ['volumes', blockSeq([
      `./grafana/provisioning/datasources/${file}:/etc/grafana/provisioning/datasources/${file}:ro`,
      `${grafanaService(grafana)}-data:/var/lib/grafana`,
    ])],
    ['ports', published(hostPort, GRAFANA_PORT)],
    ['healthcheck', healthcheck(`http://localhost:${GRAFANA_PORT}/api/health`)],
    ['depends_on', deps.length ? blockSeq(deps) : undefined],
    ['labels', orderedMap([[DESIGN_ADDRESS_LABEL, original]])],
  ]);
}

/** A published port per service, for the README and the round trip. */
export interface ComposeService {
  readonly service: string;
  readonly hostPort: number;
  readonly kind: 'prometheus' | 'alertmanager' | 'grafana';
}

/** docker-compose.yml and the files it mounts; `services` lists what is published where. */
export function composeFiles(t: Topology): { files: BundleFile[]; services: ComposeService[] } {
  const view = composeView(t);
  const ports = new HostPorts();
  const services: [string, YMap][] = [];
  const listed: ComposeService[] = [];
  const volumes: string[] = [];
  const files: BundleFile[] = [];
  const originals = new Map(t.nodes.map((n) => [n.id, n] as const));

  for (const am of sortedAlertmanagers(view)) {
    const design = originals.get(am.id) as AlertmanagerNode;
    am.instances.forEach((_, i) => {
      const original = design.instances[i]?.address ?? '';
      const hostPort = ports.take(splitAddress(original).port, ALERTMANAGER_PORT);
      const service = alertmanagerService(am, i);
      const designInstance = design.instances[i];
      const originalCluster = designInstance ? alertmanagerClusterAddress(designInstance) : '';
      services.push([service, alertmanagerServiceNode(am, i, hostPort, original, originalCluster)]);
      listed.push({ service, hostPort, kind: 'alertmanager' });
      volumes.push(`${service}-data`);
    });
    files.push({ path: `alertmanager/${pathName(am.name)}/alertmanager.yml`, contents: alertmanagerConfigText(view, am) });
  }
  for (const server of sortedServers(view)) {
    const design = originals.get(server.id) as PrometheusNode;
    const designInstances = serverInstances(design);
    const rules = ruleFileText(view, server);
    for (const instance of serverInstances(server)) {
      const original = designInstances[instance.index]?.address ?? '';
      const hostPort = ports.take(splitAddress(original).port, PROMETHEUS_PORT);
      const service = prometheusService(server, instance);
      services.push([service, prometheusServiceNode(view, server, instance, hostPort, original)]);
      listed.push({ service, hostPort, kind: 'prometheus' });
      volumes.push(`${service}-data`);
      files.push({ path: `prometheus/${service}/${PROMETHEUS_CONFIG_FILE}`, contents: prometheusConfigText(view, server, instance) });
      if (rules !== undefined) files.push({ path: `prometheus/${service}/${RULE_FILE}`, contents: rules });
    }
  }
  for (const grafana of sortedGrafanas(view)) {
    const original = (originals.get(grafana.id) as GrafanaNode).address;
    const hostPort = ports.take(splitAddress(original).port, GRAFANA_PORT);
    services.push([grafanaService(grafana), grafanaServiceNode(view, grafana, hostPort, original)]);
    listed.push({ service: grafanaService(grafana), hostPort, kind: 'grafana' });
    volumes.push(`${grafanaService(grafana)}-data`);
    files.push({ path: `grafana/provisioning/datasources/${pathName(grafana.name)}.yaml`, contents: grafanaDatasourcesText(view, grafana) });
  }
  const root = orderedMap([
    ['services', orderedMap(services)],
    ['volumes', volumes.length ? orderedMap(volumes.map((v) => [v, orderedMap([])] as const)) : undefined],
  ]);
  files.push({
    path: COMPOSE_FILE,
    contents: toYamlText(root, [
      `Topology "${oneLine(t.name)}". Generated by PromTopo: docker compose up -d`,
      'Ports are published on 127.0.0.1 only; inside the network each instance is its service name.',
    ].join('\n')),
  });
  return { files, services: listed };
}
