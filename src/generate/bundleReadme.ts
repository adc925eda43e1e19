/**
 * The bundle's README.md: what each server scrapes (jobs, targets, hashmod shard of each target) and
 * federates (sources, match[]), where alerts go, which replica Grafana and federation use, and how to
 * start everything from the run files.
 */
import { assignShards, shardAssignmentProblem } from '../model/hashmod.ts';
import { serverInstances } from '../model/instances.ts';
import { federationJobName, scrapeJobName, SELF_SCRAPE_JOB, selfScrapeTarget } from '../model/jobs.ts';
import type { AlertmanagerNode, PrometheusNode, TargetGroupNode, Topology } from '../model/types.ts';
import { alertmanagerRunFileName, THANOS_SIDECAR_RUN_FILE } from './runFiles.ts';
import { isAgent, PROMETHEUS_WRITE_PATH, RECEIVERS } from '../model/receivers.ts';
import { querierEndpoints, queryUrl, sortedQueriers, sortedReceivers, THANOS_QUERIER_DIR, writersOf } from './globalView.ts';
import { receiverUrls, remoteWriteTargets } from './remoteWrite.ts';
import { grafanaDatasources } from './grafanaDatasources.ts';
import { federationSourceInstances, instanceDir, oneLine, pathName, serverLinks, sortedAlertmanagers, sortedGrafanas, sortedServers } from './links.ts';
import { groupTargets } from '../model/targets.ts';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function groupLines(server: PrometheusNode, group: TargetGroupNode): string[] {
  const { targets, placeholder } = groupTargets(group);
  const what = placeholder ? `${targets.length} placeholder targets (\`count\`, replace with real addresses)` : `${targets.length} target${targets.length === 1 ? '' : 's'}`;
  const lines = [`- job ${code(scrapeJobName(group))}: ${what}${group.scrapeInterval ? `, every ${group.scrapeInterval}` : ''}`];
  if (!server.hashmod) {
    if (targets.length) lines.push(`  - ${targets.map(code).join(', ')}`);
    return lines;
  }
  const problem = shardAssignmentProblem(server, group);
  if (problem) {
    lines.push(`  - shard of each target not computed: ${problem}`);
    if (targets.length) lines.push(`  - ${targets.map(code).join(', ')}`);
    return lines;
  }
  for (const [target, shard] of assignShards(server, group)) lines.push(`  - ${code(target)} -> shard ${shard}`);
  return lines;
}

function serverSection(t: Topology, server: PrometheusNode): string[] {
  const links = serverLinks(t, server);
  const lines = [`### ${server.role} ${code(server.name)}`, ''];
  const kind = [server.ha ? `HA group of ${server.ha.replicas} replicas (external label ${code(server.ha.replicaLabel)})` : '',
    server.hashmod ? `${server.hashmod.shards} hashmod shards on ${server.hashmod.sourceLabels.map(code).join(', ')}` : '']
    .filter(Boolean).join(', ');
  if (kind) lines.push(`${kind}.`, '');
  if (isAgent(server)) lines.push('Agent mode (`--enable-feature=agent`): scrapes and forwards by remote_write, keeps only a write-ahead log, answers no queries and evaluates no rules.', '');
  if (server.remoteWriteReceiver) lines.push(`Accepts remote_write on ${code(PROMETHEUS_WRITE_PATH)} (\`--web.enable-remote-write-receiver\`).`, '');
  if (server.thanosSidecar) lines.push(`A Thanos sidecar runs beside each instance (${code(THANOS_SIDECAR_RUN_FILE)}), StoreAPI on gRPC port ${server.thanosSidecar.grpcPort}.`, '');
  lines.push('| folder | address | instance |', '| --- | --- | --- |');
  for (const i of serverInstances(server)) {
    lines.push(`| ${code(`${instanceDir(server, i)}/`)} | ${code(i.address)} | ${i.key || 'single'} |`);
  }
  lines.push('');
  const labels = Object.entries(server.externalLabels).sort(([a], [b]) => (a < b ? -1 : 1));
  if (labels.length) lines.push(`External labels: ${labels.map(([k, v]) => code(`${k}="${v}"`)).join(', ')}.`, '');
  if (server.scrapeSelf) {
    const selfTargets = [...new Set(serverInstances(server).map((i) => selfScrapeTarget(i.address)))];
    lines.push(`Each instance scrapes its own ${code('/metrics')} (job ${code(SELF_SCRAPE_JOB)}, ${selfTargets.map(code).join(', ')}).`, '');
  }
  lines.push(links.groups.length ? 'Scrapes:' : 'Scrapes no target groups.');
  for (const g of links.groups) lines.push(...groupLines(server, g));
  lines.push('');
  if (links.federations.length) {
    lines.push('Federates (`/federate`, honor_labels as set on the edge):');
    for (const { edge, source } of links.federations) {
      const instances = federationSourceInstances(source, edge);
      const which = source.ha
        ? (edge.sourceReplica === 'all' ? ' (every replica: series arrive once per replica)' : ` (replica ${instances[0]?.replicaValue ?? 'a'} only)`)
        : '';
      lines.push(`- job ${code(federationJobName(source, edge))} from ${source.role} ${code(source.name)}${which}: ${instances.map((i) => code(i.address)).join(', ')}`);
      lines.push(`  - match[]: ${edge.match.length ? edge.match.map(code).join(', ') : '(none: federates nothing)'}`);
    }
    lines.push('');
  }
  if (links.alertmanagers.length) {
    const where = links.alertmanagers.map((a) => `${code(a.name)} (${a.instances.map((i) => code(i.address)).join(', ')})`);
    const dedup = server.ha?.dropReplicaLabelOnAlerts ? ', without the replica label so the replicas\' alerts are deduplicated' : '';
    lines.push(`Sends alerts to every instance of ${where.join(', ')}${dedup}.`, '');
  }
  const writes = remoteWriteTargets(t, server);
  if (writes.length) {
    lines.push(`Writes what it ingests by remote_write${writes.some((w) => w.edge.writeRelabelConfigs?.length) ? ' (after its write_relabel_configs)' : ''} to:`);
    for (const w of writes) {
      const what = w.receiver.kind === 'prometheus' ? `Prometheus ${w.receiver.role}` : RECEIVERS[w.receiver.kind].title;
      lines.push(`- ${what} ${code(w.receiver.name)}: ${w.entries.map((e) => code(e.url)).join(', ')}`);
    }
    lines.push('');
  }
  const rules = server.ruleGroups.reduce((n, g) => n + g.rules.length, 0);
  if (rules) lines.push(`Rules: ${rules} in ${server.ruleGroups.length} group(s), in each folder's ${code('rules.yml')}.`, '');
  return lines;
}

function alertmanagerSection(am: AlertmanagerNode): string[] {
  const dir = `alertmanager/${pathName(am.name)}`;
  return [
    `### ${code(am.name)}`, '',
    `${am.instances.length} instance(s) sharing ${code(`${dir}/alertmanager.yml`)}; add real receivers there.`,
    ...am.instances.map((inst, i) => `- ${code(`${dir}/${alertmanagerRunFileName(i)}`)}: ${code(inst.address)}`),
    '',
  ];
}

function startSection(t: Topology): string[] {
  const lines = ['## Start', '',
    'Every instance has a run file that starts it in the foreground from its own folder (its pid is the',
    'program\'s). Binaries: `$PROMETHEUS_BIN` / `$ALERTMANAGER_BIN`, else `prometheus` and `alertmanager`',
    '(or Debian\'s `prometheus-alertmanager`) on PATH. Data goes to `./data` next to the run file unless',
    '`$PROMTOPO_DATA_DIR` is set. Extra arguments are passed on. Start Alertmanager first, the global last:', '', '```sh'];
  for (const am of sortedAlertmanagers(t)) am.instances.forEach((_, i) => lines.push(`sh alertmanager/${pathName(am.name)}/${alertmanagerRunFileName(i)} &`));
  const rank = { leaf: 0, shard: 1, global: 2 } as const;
  const servers = sortedServers(t).sort((a, b) => rank[a.role] - rank[b.role]);
  // Receivers before their writers, so the first sends are not refused.
  const receiving = (s: PrometheusNode) => (s.remoteWriteReceiver ? 0 : 1);
  const ordered = [...servers].sort((a, b) => receiving(a) - receiving(b));
  for (const s of ordered) {
    for (const i of serverInstances(s)) {
      lines.push(`sh ${instanceDir(s, i)}/run.sh &`);
      if (s.thanosSidecar) lines.push(`sh ${instanceDir(s, i)}/${THANOS_SIDECAR_RUN_FILE} &`);
    }
  }
  for (const q of sortedQueriers(t)) lines.push(`sh ${THANOS_QUERIER_DIR}/${pathName(q.name)}/run.sh &`);
  lines.push('```', '', 'Check a configuration with `promtool check config prometheus/<folder>/prometheus.yml`',
    '(an agent\'s with `promtool check config --agent`).', '');
  return lines;
}

function globalViewSection(t: Topology): string[] {
  const receivers = sortedReceivers(t);
  const queriers = sortedQueriers(t);
  if (!receivers.length && !queriers.length) return [];
  const lines = ['## Remote-write receivers and the global view', ''];
  if (receivers.length) {
    lines.push('PromTopo writes the senders\' `remote_write` for these stores, not the stores\' own configuration:',
      'run them as their documentation says, listening where the design says.', '');
    for (const r of receivers) {
      const writers = writersOf(t, r.id).map((s) => code(s.name)).join(', ') || 'nobody';
      const query = queryUrl(r);
      const dedup = r.dedup ? ` Deduplicates HA pairs on ${code(r.dedup.replicaLabel)}.` : '';
      lines.push(`- ${RECEIVERS[r.kind].title} ${code(r.name)}: ingests at ${code(receiverUrls(r)[0]?.url ?? '')} from ${writers}${query === undefined ? '; no query API (query it through a Thanos querier)' : `; queried at ${code(query)}`}.${r.tenant ? ` Tenant ${code(r.tenant)} (header \`X-Scope-OrgID\`).` : ''}${dedup}`);
    }
    lines.push('');
  }
  for (const q of queriers) {
    const endpoints = querierEndpoints(t, q);
    lines.push(`- Thanos querier ${code(q.name)} (${code(`${THANOS_QUERIER_DIR}/${pathName(q.name)}/run.sh`)}), PromQL at ${code(`http://${q.address}`)}: reads ${endpoints.map(code).join(', ') || 'no stores'}${q.replicaLabels.length ? `, merging series that differ only in ${q.replicaLabels.map(code).join(', ')}` : ', without deduplication'}.`);
  }
  if (queriers.length) lines.push('');
  return lines;
}

function grafanaSection(t: Topology): string[] {
  const grafanas = sortedGrafanas(t);
  if (!grafanas.length) return [];
  const lines = ['## Grafana', '',
    'Data sources are in `grafana/provisioning/datasources/`. An HA group is queried through replica `a`',
    '(both replicas hold the same data; one fixed replica keeps graphs stable); a hashmod server gets one',
    'data source per shard.', ''];
  for (const g of grafanas) {
    lines.push(`- ${code(g.name)}: ${grafanaDatasources(t, g).map((d) => `${code(d.name)} -> ${code(d.url)}${d.isDefault ? ' (default)' : ''}`).join(', ') || 'no data sources'}`);
  }
  lines.push('');
  return lines;
}

/**
 * README.md of the bundle. `start` replaces the section on starting everything (a deployment target
 * explains its own way); the design sections stay the same for every target.
 */
export function bundleReadmeText(t: Topology, start: readonly string[] = startSection(t)): string {
  const lines = [`# ${oneLine(t.name)}`, ''];
  if (t.description) lines.push(t.description.trim(), '');
  lines.push('Generated by PromTopo from `topology.promtopo.json` (open it in PromTopo to change the design,',
    'then export again: files here are overwritten).', '', ...start, '## Prometheus servers', '');
  for (const s of sortedServers(t)) lines.push(...serverSection(t, s));
  const ams = sortedAlertmanagers(t);
  if (ams.length) {
    lines.push('## Alertmanager', '');
    for (const am of ams) lines.push(...alertmanagerSection(am));
  }
  lines.push(...globalViewSection(t));
  lines.push(...grafanaSection(t));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
