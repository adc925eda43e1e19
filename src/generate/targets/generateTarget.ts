/**
 * Topology + deployment target -> Bundle. Every target is generated from the same model and the same
 * generators as the plain bundle (`files`); a target only changes where instances live and how they
 * are started. Pure and deterministic like generateBundle; it does not validate.
 */
import { serializeTopology } from '../../model/document.ts';
import { deploymentView, exportTargetOf, withExportTarget } from '../../model/exportTarget.ts';
import type { ExportTarget, Topology } from '../../model/types.ts';
import type { Bundle, BundleFile } from '../bundle.ts';
import { BUNDLE_MARKER } from '../bundle.ts';
import { bundleReadmeText } from '../bundleReadme.ts';
import { BUNDLE_MARKER_TEXT, BUNDLE_TOPOLOGY_FILE, generateBundle } from '../generateBundle.ts';
import { sortedServers } from '../links.ts';
import { COMPOSE_FILE, composeFiles } from './compose.ts';
import type { ComposeService } from './compose.ts';
import { K8S_NAMESPACE, kubernetesFiles, kubernetesInstances, MANIFEST_DIR } from './kubernetes.ts';
import { withHealthRules } from '../healthRules.ts';
import { SYSTEMD_CONFIG_ROOT, systemdFiles } from './systemd.ts';
import type { SystemdUnit } from './systemd.ts';

/** The target an export of `t` writes when none is given: the document's choice, else `files`. */
export const documentExportTarget = exportTargetOf;
export { withExportTarget };

function sorted(files: readonly BundleFile[]): Bundle {
  const unique = new Map<string, BundleFile>();
  for (const f of files) if (!unique.has(f.path)) unique.set(f.path, f);
  return { files: [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

function common(t: Topology, start: readonly string[]): BundleFile[] {
  return [
    // The shard listed for each target follows the target's hashmod rule (deploymentView).
    { path: 'README.md', contents: bundleReadmeText(deploymentView(t), start) },
    { path: BUNDLE_TOPOLOGY_FILE, contents: serializeTopology(t) },
    { path: BUNDLE_MARKER, contents: BUNDLE_MARKER_TEXT },
  ];
}

function kubernetesStart(t: Topology): string[] {
  const lines = ['## Deploy: Kubernetes with prometheus-operator', '',
    'Target `kubernetes`: custom resources for prometheus-operator v0.93 (install the operator and its',
    `CRDs first), all in namespace \`${K8S_NAMESPACE}\`, listed in \`kustomization.yaml\`:`, '', '```sh',
    'kubectl apply -k .', `kubectl -n ${K8S_NAMESPACE} get prometheus,alertmanager,scrapeconfig,prometheusrule`, '```', '',
    `- \`${MANIFEST_DIR}/prometheus/<server>.yaml\`: a \`Prometheus\` per server (\`replicas\` for an HA group, \`shards\` for hashmod,`,
    '  external labels, intervals, retention; memory and disk from the capacity figures);',
    `- \`${MANIFEST_DIR}/scrapeconfigs/<server>.<job>.yaml\`: a \`ScrapeConfig\` per scrape and federation job (static targets);`,
    `- \`${MANIFEST_DIR}/secrets/<server>-additional-scrape-configs.yaml\`: jobs a ScrapeConfig cannot express (raw YAML,`,
    '  federation jobs of a sharded server), as `additionalScrapeConfigs`;',
    `- \`${MANIFEST_DIR}/rules/<server>.yaml\`: the server's rule groups as a \`PrometheusRule\`;`,
    `- \`${MANIFEST_DIR}/alertmanager/\`: an \`Alertmanager\` per cluster with its config Secret and a Service;`,
    `- \`${MANIFEST_DIR}/grafana/\`: data sources as a provisioning ConfigMap (label \`grafana_datasource: "1"\`, the Grafana`,
    '  sidecar convention);',
    `- \`${MANIFEST_DIR}/rbac/\`: the service account the Prometheus pods use to find Alertmanager.`, '',
    'The operator shards on `__address__` with its own relabelling (shard from `$(SHARD)`); the load',
    'figures and the shard of each target below follow that rule. Instances are pods:', ''];
  for (const s of sortedServers(t)) {
    lines.push(`- \`${s.name}\`: ${kubernetesInstances(s).map((p) => `\`${p.pod}\``).join(', ')}`);
  }
  lines.push('');
  return lines;
}

function composeStart(services: readonly ComposeService[]): string[] {
  const lines = ['## Deploy: docker compose', '',
    `Target \`compose\`: \`${COMPOSE_FILE}\` runs every instance with the files of this folder mounted read-only,`,
    'pinned images, a named volume per instance and a health check each:', '', '```sh',
    'docker compose up -d        # or docker-compose up -d', 'docker compose ps', '```', '',
    'Inside the compose network an instance is its service name; the configs here use those names.',
    'Ports are published on 127.0.0.1 (the design\'s port where free, else the next free one):', '',
    '| service | kind | published |', '| --- | --- | --- |'];
  for (const s of services) lines.push(`| \`${s.service}\` | ${s.kind} | \`127.0.0.1:${s.hostPort}\` |`);
  lines.push('');
  return lines;
}

function systemdStart(units: readonly SystemdUnit[]): string[] {
  const lines = ['## Deploy: systemd', '',
    'Target `systemd`: one unit per instance in `systemd/`, with the flags of the design, `User=prometheus`,',
    'hardening options and `Restart=on-failure`. They expect Debian\'s binaries (`/usr/bin/prometheus`,',
    `\`/usr/bin/prometheus-alertmanager\`) and this folder's \`prometheus/\` and \`alertmanager/\` under \`${SYSTEMD_CONFIG_ROOT}\`.`,
    'On each host, install the units that belong there:', '', '```sh',
    `sudo mkdir -p ${SYSTEMD_CONFIG_ROOT} && sudo cp -r prometheus alertmanager ${SYSTEMD_CONFIG_ROOT}/`,
    'sudo cp systemd/<unit> /etc/systemd/system/', 'sudo systemctl daemon-reload', 'sudo systemctl enable --now <unit>', '```', '',
    '| unit | host |', '| --- | --- |'];
  for (const u of units) lines.push(`| \`${u.unit}\` | \`${u.host}\` |`);
  lines.push('');
  return lines;
}

/** The plain bundle's config files (prometheus.yml, rules, alertmanager.yml, Grafana), without run files. */
function configFiles(t: Topology): BundleFile[] {
  return generateBundle(t).files.filter((f) => !f.executable && /^(prometheus|alertmanager|grafana)\//.test(f.path));
}

/** Every file of an export to `target`, sorted by path. The bundle's topology file records the target. */
export function generateTarget(topology: Topology, target: ExportTarget): Bundle {
  const t = withExportTarget(topology, target);
  switch (target) {
    case 'files':
      return generateBundle(t);
    case 'kubernetes':
      // The generated health rules (settings.healthRules) go into the servers' rules only, as in generateBundle.
      return sorted([...common(t, kubernetesStart(t)), ...kubernetesFiles(withHealthRules(t))]);
    case 'compose': {
      const { files, services } = composeFiles(withHealthRules(t));
      return sorted([...common(t, composeStart(services)), ...files]);
    }
    case 'systemd': {
      const { files, units } = systemdFiles(t);
      return sorted([...common(t, systemdStart(units)), ...configFiles(t), ...files]);
    }
  }
}
