/**
 * Topology -> Bundle: every file of an export, as text. Pure and deterministic: the same document
 * gives the same bytes, files are sorted by path, nothing depends on node order where order has no
 * meaning. It does not validate; export runs validate/ first and refuses on errors.
 * Layout: docs/bundle.md.
 */
import { serializeTopology } from '../model/document.ts';
import { serverInstances } from '../model/instances.ts';
import { isAgent } from '../model/receivers.ts';
import type { Topology } from '../model/types.ts';
import { alertmanagerConfigText } from './alertmanagerConfig.ts';
import type { Bundle, BundleFile } from './bundle.ts';
import { BUNDLE_MARKER } from './bundle.ts';
import { bundleReadmeText } from './bundleReadme.ts';
import { grafanaDatasourcesText } from './grafanaDatasources.ts';
import { withHealthRules } from './healthRules.ts';
import { instanceDir, pathName, sortedAlertmanagers, sortedGrafanas, sortedServers } from './links.ts';
import { PROMETHEUS_CONFIG_FILE, prometheusConfigText } from './prometheusConfig.ts';
import { ruleFiles } from './ruleFiles.ts';
import { alertmanagerRunFile, alertmanagerRunFileName, prometheusRunFile, THANOS_SIDECAR_RUN_FILE, thanosQuerierRunFile, thanosSidecarRunFile } from './runFiles.ts';
import { querierEndpoints, sortedQueriers, THANOS_QUERIER_DIR } from './globalView.ts';

/** File name of the design inside the bundle. */
export const BUNDLE_TOPOLOGY_FILE = 'topology.promtopo.json';

/** Contents of the marker file. */
export const BUNDLE_MARKER_TEXT = 'This folder is a PromTopo bundle. PromTopo replaces it as a whole on the next export.\n';

/** Every file of the bundle, sorted by path. */
export function generateBundle(t: Topology): Bundle {
  const files: BundleFile[] = [
    { path: 'README.md', contents: bundleReadmeText(t) },
    { path: BUNDLE_TOPOLOGY_FILE, contents: serializeTopology(t) },
    { path: BUNDLE_MARKER, contents: BUNDLE_MARKER_TEXT },
  ];
  // The generated health rules (settings.healthRules) are part of the servers' rule files only.
  const generated = withHealthRules(t);
  for (const server of sortedServers(generated)) {
    // An external server is only a federation source: it runs elsewhere, the bundle writes nothing for it.
    if (server.external) continue;
    const rules = ruleFiles(generated, server);
    for (const instance of serverInstances(server)) {
      const dir = instanceDir(server, instance);
      files.push({ path: `${dir}/${PROMETHEUS_CONFIG_FILE}`, contents: prometheusConfigText(generated, server, instance), ...(isAgent(server) ? { agent: true } : {}) });
      for (const rule of rules) files.push({ path: `${dir}/${rule.name}`, contents: rule.text });
      files.push({ path: `${dir}/run.sh`, contents: prometheusRunFile(server, instance), executable: true });
      if (server.thanosSidecar) files.push({ path: `${dir}/${THANOS_SIDECAR_RUN_FILE}`, contents: thanosSidecarRunFile(server, instance), executable: true });
    }
  }
  for (const querier of sortedQueriers(t)) {
    files.push({ path: `${THANOS_QUERIER_DIR}/${pathName(querier.name)}/run.sh`, contents: thanosQuerierRunFile(querier, querierEndpoints(t, querier)), executable: true });
  }
  for (const am of sortedAlertmanagers(t)) {
    const dir = `alertmanager/${pathName(am.name)}`;
    files.push({ path: `${dir}/alertmanager.yml`, contents: alertmanagerConfigText(t, am) });
    am.instances.forEach((_, i) => {
      files.push({ path: `${dir}/${alertmanagerRunFileName(i)}`, contents: alertmanagerRunFile(am, i), executable: true });
    });
  }
  for (const grafana of sortedGrafanas(t)) {
    files.push({ path: `grafana/provisioning/datasources/${pathName(grafana.name)}.yaml`, contents: grafanaDatasourcesText(t, grafana) });
  }
  // Two nodes whose names map to the same path: keep the first (validate/ reports duplicate names).
  const unique = new Map<string, BundleFile>();
  for (const f of files) if (!unique.has(f.path)) unique.set(f.path, f);
  return { files: [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
