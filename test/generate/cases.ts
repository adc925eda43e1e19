/** Generator cases the examples do not show, shared by the golden and real-tool tests. */
import {
  alertEdge, alertmanager, datasourceEdge, federationEdge, grafana, makeTopology, querier, receiver, remoteWriteEdge, scrapeEdge, server, storeEdge, targets,
} from '../../src/generate/testBuilders.ts';
import type { Topology } from '../../src/model/types.ts';

/** Edge cases the examples do not show: raw YAML escape hatches, placeholders, all replicas, HA x hashmod, derived hosts with self-scrape. */
export function edgeCases(): { name: string; topology: Topology }[] {
  return [{
    name: 'raw-yaml-and-placeholders',
    topology: makeTopology([
      server('prom-imported', {
        address: '127.0.0.1:9090',
        extraConfig: 'remote_write:\n  # the central store\n  - url: http://mimir:9009/api/v1/push\nglobal:\n  query_log_file: queries.log\n',
        extraScrapeConfigs: '- job_name: blackbox\n  metrics_path: /probe\n  params:\n    module: [http_2xx]\n  static_configs:\n    - targets: [https://example.org]\n  relabel_configs:\n    - source_labels: [__address__]\n      target_label: __param_target\n    - target_label: __address__\n      replacement: blackbox:9115\n',
      }),
      targets('api', [], { count: 4, exporter: 'prometheus', extraConfig: 'basic_auth:\n  username: scraper\n  password_file: /etc/prometheus/api.pass\n' }),
    ], [scrapeEdge('prom-imported', 'api')], { name: 'Raw YAML and placeholders' }),
  }, {
    name: 'ha-hashmod-all-replicas',
    topology: makeTopology([
      server('prom-global', { role: 'global', address: '127.0.0.1:9300' }),
      server('prom-sharded', { role: 'shard', address: '127.0.0.1:9200', ha: { replicas: 2 }, hashmod: { shards: 2, sourceLabels: ['job', '__address__'] } }),
      targets('node', ['10.0.0.1:9100', '10.0.0.2:9100', '10.0.0.3:9100', '10.0.0.4:9100']),
      alertmanager('am', ['127.0.0.1:9093'], { instances: [{ address: '127.0.0.1:9093', clusterAddress: '127.0.0.1:9094' }] }),
    ], [
      scrapeEdge('prom-sharded', 'node'),
      federationEdge('prom-global', 'prom-sharded', ['{__name__=~"job:.*"}', '{__name__="up",job="node"}'], { sourceReplica: 'all', honorLabels: true }),
      alertEdge('prom-sharded', 'am'),
    ], { name: 'HA x hashmod, federating every replica' }),
  }, {
    name: 'derived-hosts-self-scrape',
    topology: makeTopology([
      server('prom-global', { role: 'global', addressFromName: true, scrapeSelf: true }),
      server('prom-ha', { addressFromName: true, scrapeSelf: true, externalLabels: { dc: 'eu' }, ha: { replicas: 2 } }),
      server('prom-shards', { role: 'shard', addressFromName: true, scrapeSelf: true, externalLabels: { dc: 'us' }, hashmod: { shards: 2 }, address: 'prom-shards:9191' }),
      targets('node-eu', ['node-eu-1:9100', 'node-eu-2:9100']),
      targets('node-us', ['node-us-1:9100', 'node-us-2:9100', 'node-us-3:9100']),
    ], [
      scrapeEdge('prom-ha', 'node-eu'),
      scrapeEdge('prom-shards', 'node-us'),
      federationEdge('prom-global', 'prom-ha', ['up{job="prometheus"}']),
      federationEdge('prom-global', 'prom-shards', ['up{job="prometheus"}']),
    ], { name: 'Hosts derived from the names, every server scraping itself' }),
  }, {
    name: 'remote-write-stores-and-querier',
    topology: makeTopology([
      server('agent-edge', { mode: 'agent', externalLabels: { site: 'edge' }, ruleGroups: [] }),
      server('prom-ha', { externalLabels: { dc: 'eu' }, ha: { replicas: 2, replicaLabel: 'replica' }, thanosSidecar: {} }),
      server('prom-shards', { role: 'shard', address: '127.0.0.1:9200', externalLabels: { dc: 'us' }, hashmod: { shards: 2 }, thanosSidecar: { grpcPort: 10911, httpPort: 10912 } }),
      targets('node-edge', ['edge-1:9100']),
      targets('node-eu', ['node-eu-1:9100', 'node-eu-2:9100']),
      targets('node-us', ['node-us-1:9100', 'node-us-2:9100', 'node-us-3:9100']),
      receiver('mimir', 'mimir', 'mimir:8080', { tenant: 'ops', dedup: { replicaLabel: 'replica', clusterLabel: 'dc' } }),
      receiver('receive', 'thanos-receive', 'receive:19291'),
      receiver('vm', 'victoriametrics', 'vm:8428'),
      querier('query', 'query:10902', { replicaLabels: ['replica'] }),
      grafana('grafana', { address: 'grafana:3000' }),
    ], [
      scrapeEdge('agent-edge', 'node-edge'),
      scrapeEdge('prom-ha', 'node-eu'),
      scrapeEdge('prom-shards', 'node-us'),
      remoteWriteEdge('agent-edge', 'vm', { bearerTokenFile: '/etc/prometheus/vm.token' }),
      remoteWriteEdge('prom-ha', 'mimir', {
        name: 'mimir-ops',
        basicAuth: { username: 'eu', passwordFile: '/etc/prometheus/mimir.password' },
        queueConfig: { capacity: 10000, minShards: 2, maxShards: 50, maxSamplesPerSend: 2000, batchSendDeadline: '5s', minBackoff: '30ms', maxBackoff: '5s' },
        writeRelabelConfigs: [{ action: 'drop', sourceLabels: ['__name__'], regex: 'go_.*' }, { action: 'labeldrop', regex: 'tmp_.*' }],
      }),
      remoteWriteEdge('prom-shards', 'receive'),
      storeEdge('query', 'prom-ha'),
      storeEdge('query', 'prom-shards'),
      storeEdge('query', 'receive'),
      datasourceEdge('grafana', 'query', { isDefault: true }),
      datasourceEdge('grafana', 'mimir'),
      datasourceEdge('grafana', 'vm'),
    ], { name: 'Remote write to Mimir, Thanos Receive and VictoriaMetrics, a Thanos querier over sidecars' }),
  }];
}


/**
 * Variants of a design that stress the generator's combinations: every server an HA pair with
 * `replicas` replicas, or every server hashmod-sharded in `shards`, or both.
 */
export function variants(name: string, t: Topology): { name: string; topology: Topology }[] {
  const each = (patch: Record<string, unknown>): Topology => ({
    ...t,
    nodes: t.nodes.map((n) => (n.kind === 'prometheus' ? { ...n, instanceAddresses: undefined, ...patch } : n)),
  });
  return [
    { name: `${name} (every server HA x3)`, topology: each({ ha: { replicas: 3, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true } }) },
    { name: `${name} (every server hashmod x2, HA x2)`, topology: each({
      ha: { replicas: 2, replicaLabel: 'prometheus_replica', dropReplicaLabelOnAlerts: true },
      hashmod: { shards: 2, sourceLabels: ['job', '__address__'] },
    }) },
  ];
}
