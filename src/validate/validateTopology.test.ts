import { describe, expect, it } from 'vitest';
import type { DiagnosticLocation, Severity } from '../model/diagnostic.ts';
import type { Topology } from '../model/types.ts';
import { validateTopology } from './validateTopology.ts';
import { alert, alertmanager, datasource, federation, grafana, healthy, makeTopology, scrape, server, targets } from './testBuilders.ts';

const FED = 'federation:global->leaf';

interface Row {
  readonly code: string;
  readonly severity: Severity;
  readonly build: () => Topology;
  readonly at: DiagnosticLocation;
  readonly message: string;
}

const rule = (extra: Record<string, unknown>) => ({ ruleGroups: [{ name: 'g', rules: [extra] }] });

const rows: Row[] = [
  // names and ids
  { code: 'name/invalid', severity: 'error', build: () => healthy({ name: 'Leaf EU' }), at: { node: 'leaf', field: 'name' }, message: 'leaf "Leaf EU", name: "Leaf EU" is not a DNS-safe name' },
  { code: 'name/duplicate', severity: 'error', build: () => healthy({}, {}, {}, { nodes: [targets('leaf-x', undefined, { name: 'leaf' })], edges: [scrape('leaf', 'leaf-x')] }), at: { node: 'leaf-x', field: 'name' }, message: 'the name "leaf" is used by 2 nodes' },
  { code: 'id/duplicate', severity: 'error', build: () => healthy({}, {}, {}, { edges: [{ ...scrape('global', 'node'), id: 'leaf' }] }), at: { field: 'edges[2].id' }, message: 'id "leaf" is already used by nodes[0]' },
  // durations
  { code: 'duration/invalid', severity: 'error', build: () => healthy({ scrapeInterval: '15' }), at: { node: 'leaf', field: 'scrapeInterval' }, message: 'leaf "leaf", scrapeInterval: not a valid duration string: "15"' },
  { code: 'duration/invalid', severity: 'error', build: () => healthy({}, {}, { scrapeInterval: '1m30x' }), at: { edge: FED, field: 'scrapeInterval' }, message: 'federation edge global -> leaf, scrapeInterval: not a valid duration string' },
  { code: 'duration/invalid', severity: 'error', build: () => healthy({ retention: '30m1h' }), at: { node: 'leaf', field: 'retention' }, message: 'not a valid duration string: "30m1h"' },
  { code: 'duration/invalid', severity: 'error', build: () => healthy(rule({ alert: 'Down', expr: 'up == 0', for: '5 m' })), at: { node: 'leaf', field: 'ruleGroups[0].rules[0].for' }, message: 'not a valid duration' },
  { code: 'duration/zero', severity: 'error', build: () => healthy({ evaluationInterval: '0' }), at: { node: 'leaf', field: 'evaluationInterval' }, message: '"0" is zero' },
  // timeout <= interval
  { code: 'scrape/timeout-gt-interval', severity: 'error', build: () => healthy({ scrapeInterval: '10s', scrapeTimeout: '15s' }), at: { node: 'leaf', field: 'scrapeTimeout' }, message: 'global scrape timeout greater than scrape interval' },
  { code: 'scrape/timeout-gt-interval', severity: 'error', build: () => makeTopology([server('leaf'), targets('node', undefined, { scrapeInterval: '5s', scrapeTimeout: '6s' })], [scrape('leaf', 'node')]), at: { node: 'node', field: 'scrapeTimeout' }, message: 'scrape timeout greater than scrape interval for scrape config with job name "node"' },
  { code: 'scrape/timeout-gt-interval', severity: 'error', build: () => makeTopology([server('leaf', { scrapeInterval: '10s', scrapeTimeout: '5s' }), targets('node', undefined, { scrapeTimeout: '20s' })], [scrape('leaf', 'node')]), at: { edge: 'scrape:leaf->node' }, message: 'scrapeInterval 10s of leaf' },
  { code: 'scrape/timeout-gt-interval', severity: 'error', build: () => healthy({}, {}, { scrapeInterval: '30s', scrapeTimeout: '1m' }), at: { edge: FED, field: 'scrapeTimeout' }, message: 'job name "federate-leaf"' },
  { code: 'scrape/interval-too-long', severity: 'warning', build: () => makeTopology([server('leaf'), targets('node', undefined, { scrapeInterval: '10m', scrapeTimeout: '1m' })], [scrape('leaf', 'node')]), at: { node: 'node', field: 'scrapeInterval' }, message: 'scrape interval 10m is longer than the recommended 2m' },
  { code: 'scrape/interval-too-long', severity: 'warning', build: () => healthy({}, {}, { scrapeInterval: '5m' }), at: { edge: FED, field: 'scrapeInterval' }, message: '5m lookback' },
  // labels
  { code: 'label/invalid-name', severity: 'error', build: () => healthy({ externalLabels: { 'data-centre': 'eu' } }), at: { node: 'leaf', field: 'externalLabels.data-centre' }, message: '"data-centre" is not a valid label name (external label)' },
  { code: 'label/invalid-name', severity: 'error', build: () => makeTopology([server('leaf'), targets('node', undefined, { labels: { '1team': 'x' } })], [scrape('leaf', 'node')]), at: { node: 'node', field: 'labels.1team' }, message: 'is not a valid label name (target label)' },
  { code: 'label/invalid-name', severity: 'error', build: () => healthy(rule({ record: 'job:up:sum', expr: 'sum by (job) (up)', labels: { 'a.b': 'x' } })), at: { node: 'leaf', field: 'ruleGroups[0].rules[0].labels.a.b' }, message: '"a.b" is not a valid label name (rule label)' },
  { code: 'label/reserved', severity: 'warning', build: () => healthy({ externalLabels: { dc: 'eu', __tenant: 'x' } }), at: { node: 'leaf', field: 'externalLabels.__tenant' }, message: 'reserves for internal labels' },
  { code: 'label/empty-value', severity: 'warning', build: () => healthy({ externalLabels: { dc: '' } }), at: { node: 'leaf', field: 'externalLabels.dc' }, message: 'empty value' },
  // addresses
  { code: 'address/invalid', severity: 'error', build: () => makeTopology([server('leaf'), targets('node', ['http://bad'])], [scrape('leaf', 'node')]), at: { node: 'node', field: 'targets[0]' }, message: '"http://bad" is not a valid hostname' },
  { code: 'address/invalid', severity: 'error', build: () => makeTopology([server('leaf'), targets('node', ['node-1:9100/metrics'])], [scrape('leaf', 'node')]), at: { node: 'node', field: 'targets[0]' }, message: 'is not a valid hostname' },
  { code: 'address/invalid', severity: 'error', build: () => healthy({ address: 'leaf' }), at: { node: 'leaf', field: 'address' }, message: '"leaf" has no port' },
  { code: 'address/invalid', severity: 'error', build: () => healthy({ address: 'leaf:99999' }), at: { node: 'leaf', field: 'address' }, message: 'invalid port' },
  { code: 'address/invalid', severity: 'error', build: () => makeTopology([server('leaf'), targets('node', ['node 1:9100'])], [scrape('leaf', 'node')]), at: { node: 'node', field: 'targets[0]' }, message: 'contains white space' },
  { code: 'address/invalid', severity: 'error', build: () => healthy({}, {}, {}, { nodes: [alertmanager('am', ['am-1:9093', 'am-2:9093'], { instances: [{ address: 'am-1:9093', clusterAddress: 'am-1' }, { address: 'am-2:9093' }] })], edges: [alert('leaf', 'am')] }), at: { node: 'am', field: 'instances[0].clusterAddress' }, message: 'has no port' },
  { code: 'address/duplicate', severity: 'error', build: () => healthy({}, { address: 'leaf:9090' }), at: { node: 'global', field: 'address' }, message: 'listens on leaf:9090, which leaf "leaf" already uses' },
  { code: 'address/duplicate', severity: 'error', build: () => healthy({ ha: { replicas: 2 }, address: 'h:9090', instanceAddresses: ['h:9090', 'h:9090'] }), at: { node: 'leaf', field: 'instanceAddresses[1]' }, message: 'instance b of leaf "leaf" listens on h:9090' },
  { code: 'address/duplicate', severity: 'error', build: () => healthy({ ha: { replicas: 2 }, address: 'h:9090' }, { address: 'h:9091' }), at: { node: 'global', field: 'address' }, message: 'instance b of leaf "leaf"' },
  { code: 'address/duplicate', severity: 'error', build: () => healthy({}, {}, {}, { nodes: [alertmanager('am', ['am:9093', 'am:9095'])], edges: [alert('leaf', 'am')] }), at: { node: 'am', field: 'instances[1].clusterAddress' }, message: 'am:9094' },
  { code: 'address/extra-instances', severity: 'warning', build: () => healthy({ instanceAddresses: ['leaf:9090', 'leaf-2:9090'] }), at: { node: 'leaf', field: 'instanceAddresses' }, message: 'the last 1 are not used' },
  // jobs
  { code: 'scrape/duplicate-job', severity: 'error', build: () => healthy({ extraScrapeConfigs: '- job_name: node\n  static_configs: [{targets: ["x:1"]}]\n' }), at: { node: 'leaf' }, message: 'found multiple scrape configs with job name "node" (target group "node", extraScrapeConfigs)' },
  { code: 'scrape/duplicate-job', severity: 'error', build: () => healthy({}, {}, {}, { edges: [{ ...federation('global', 'leaf'), id: 'second' }] }), at: { node: 'global' }, message: 'job name "federate-leaf"' },
  { code: 'scrape/duplicate-job', severity: 'error', build: () => healthy({}, {}, {}, { nodes: [targets('federate-leaf')], edges: [scrape('global', 'federate-leaf')] }), at: { node: 'global' }, message: 'job name "federate-leaf"' },
  // rules
  { code: 'rule/record-name', severity: 'error', build: () => healthy(rule({ record: 'job:up-sum', expr: 'sum(up)' })), at: { node: 'leaf', field: 'ruleGroups[0].rules[0].record' }, message: 'invalid recording rule name: "job:up-sum"' },
  { code: 'rule/expr-syntax', severity: 'error', build: () => healthy(rule({ record: 'job:up:sum', expr: 'sum(up' })), at: { node: 'leaf', field: 'ruleGroups[0].rules[0].expr', column: 7 }, message: 'unexpected end of input at column 7' },
  { code: 'rule/expr-syntax', severity: 'error', build: () => healthy(rule({ record: 'job:up:sum', expr: '' })), at: { node: 'leaf', field: 'ruleGroups[0].rules[0].expr' }, message: "field 'expr' must be set" },
  { code: 'rule/alert-name', severity: 'error', build: () => healthy({ ...rule({ alert: ' ', expr: 'up == 0' }) }, {}, {}, { nodes: [alertmanager('am')], edges: [alert('leaf', 'am')] }), at: { node: 'leaf', field: 'ruleGroups[0].rules[0].alert' }, message: 'alert name is empty' },
  { code: 'rule/group-name', severity: 'error', build: () => healthy({ ruleGroups: [{ name: 'g', rules: [] }, { name: 'g', rules: [] }] }), at: { node: 'leaf', field: 'ruleGroups[1].name' }, message: 'groupname: "g" is repeated in the same file' },
  { code: 'rule/group-name', severity: 'error', build: () => healthy({ ruleGroups: [{ name: '', rules: [] }] }), at: { node: 'leaf', field: 'ruleGroups[0].name' }, message: 'Groupname must not be empty' },
  { code: 'alerting/no-alertmanager', severity: 'warning', build: () => healthy(rule({ alert: 'Down', expr: 'up == 0' })), at: { node: 'leaf', field: 'ruleGroups' }, message: '1 alerting rule(s) but no alert edge' },
  // raw YAML
  { code: 'config/yaml', severity: 'error', build: () => healthy({ extraScrapeConfigs: '- job_name: x\n  static_configs: [\n' }), at: { node: 'leaf', field: 'extraScrapeConfigs' }, message: 'leaf "leaf", extraScrapeConfigs:' },
  { code: 'config/yaml', severity: 'error', build: () => healthy({ extraConfig: 'remote_write: 1\nremote_write: 2\n' }), at: { node: 'leaf', field: 'extraConfig', line: 2 }, message: '(line 2, column 1)' },
  { code: 'config/yaml', severity: 'error', build: () => healthy({ extraScrapeConfigs: 'job_name: x\n' }), at: { node: 'leaf', field: 'extraScrapeConfigs' }, message: 'must be a YAML list' },
  { code: 'config/yaml', severity: 'error', build: () => healthy({ extraScrapeConfigs: '- static_configs: []\n' }), at: { node: 'leaf', field: 'extraScrapeConfigs[0]' }, message: 'job_name is empty' },
  { code: 'config/yaml', severity: 'error', build: () => makeTopology([server('leaf'), targets('node', undefined, { extraConfig: 'a: &a [1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' })], [scrape('leaf', 'node')]), at: { node: 'node', field: 'extraConfig' }, message: 'target group "node", extraConfig:' },
  // selectors
  { code: 'selector/syntax', severity: 'error', build: () => healthy({}, {}, { match: ['up', 'up{job=~"a" or}'] }), at: { edge: FED, field: 'match[1]', column: 13 }, message: 'federation edge global -> leaf, match[] #2: unexpected "or" at column 13' },
  { code: 'selector/not-selector', severity: 'error', build: () => healthy({}, {}, { match: ['sum(up)'] }), at: { edge: FED, field: 'match[0]', column: 1 }, message: 'sum(up) is an aggregation, not a series selector; /federate accepts only series selectors' },
  { code: 'selector/not-selector', severity: 'error', build: () => healthy({}, {}, { match: ['up[5m]'] }), at: { edge: FED, field: 'match[0]' }, message: 'range selector' },
  { code: 'selector/prometheus3', severity: 'error', build: () => healthy({}, {}, { match: ['{"a.b"="v"}'] }), at: { edge: FED, field: 'match[0]', column: 2 }, message: 'Prometheus 2.42 rejects them' },
  { code: 'selector/regex', severity: 'error', build: () => healthy({}, {}, { match: ['{job=~"(?=x)"}'] }), at: { edge: FED, field: 'match[0]', column: 7 }, message: 'invalid regex "(?=x)" for label job' },
  { code: 'selector/empty-matcher', severity: 'error', build: () => healthy({}, {}, { match: ['{job=~".*"}'] }), at: { edge: FED, field: 'match[0]' }, message: 'at least one non-empty matcher' },
  { code: 'selector/duplicate-name', severity: 'error', build: () => healthy({}, {}, { match: ['up{__name__="x"}'] }), at: { edge: FED, field: 'match[0]' }, message: 'metric name must not be set twice' },
  // federation
  { code: 'federation/everything', severity: 'error', build: () => healthy({}, {}, { match: ['{__name__=~".+"}'] }), at: { edge: FED, field: 'match[0]' }, message: '{__name__=~".+"} federates every series of the source' },
  { code: 'federation/everything', severity: 'error', build: () => healthy({}, {}, { match: ['{job=~".+"}'] }), at: { edge: FED, field: 'match[0]' }, message: 'federates every series' },
  { code: 'federation/no-match', severity: 'warning', build: () => healthy({}, {}, { match: [] }), at: { edge: FED, field: 'match' }, message: 'federates nothing' },
  { code: 'federation/raw-series', severity: 'info', build: () => healthy({}, {}, { match: ['{__name__=~"job:.*"}', 'node_load1{job="node"}'] }), at: { edge: FED, field: 'match' }, message: 'node_load1{job="node"} federates raw instance-level series' },
  { code: 'federation/self', severity: 'error', build: () => healthy({}, {}, {}, { edges: [federation('leaf', 'leaf')] }), at: { edge: 'federation:leaf->leaf' }, message: '"leaf" federates itself' },
  { code: 'federation/cycle', severity: 'error', build: () => healthy({}, {}, {}, { edges: [federation('leaf', 'global')] }), at: { edge: 'federation:leaf->global' }, message: 'federation cycle between "global", "leaf"' },
  { code: 'federation/external-labels-collide', severity: 'warning', build: () => healthy({ externalLabels: { dc: 'eu' } }, {}, {}, { nodes: [server('leaf2', { externalLabels: { dc: 'eu' } }), targets('node2')], edges: [scrape('leaf2', 'node2'), federation('global', 'leaf2')] }), at: { edge: 'federation:global->leaf2' }, message: '"leaf2" and "leaf" have the same external labels {dc="eu"}' },
  { code: 'federation/no-external-labels', severity: 'warning', build: () => healthy({ externalLabels: {} }), at: { node: 'leaf', field: 'externalLabels' }, message: 'is federated but has no external labels' },
  { code: 'federation/external-label-match', severity: 'warning', build: () => healthy({}, {}, { match: ['{__name__=~"job:.*",dc="leaf"}'] }), at: { edge: FED, field: 'match[0]' }, message: 'matches on "dc", an external label of "leaf"' },
  { code: 'federation/external-label-match', severity: 'warning', build: () => healthy({ ha: { replicas: 2 } }, {}, { match: ['up{replica="a"}'] }), at: { edge: FED, field: 'match[0]' }, message: 'an external label of "leaf"' },
  { code: 'federation/no-rules-match', severity: 'warning', build: () => healthy({}, {}, { match: ['{__name__=~"instance:.*"}'] }), at: { edge: FED, field: 'match[0]' }, message: 'none of "leaf"\'s recording rules match ("job:up:sum")' },
  { code: 'federation/no-rules-match', severity: 'warning', build: () => healthy({ ruleGroups: [] }), at: { edge: FED, field: 'match[0]' }, message: '(it has none)' },
  { code: 'federation/honor-labels-off', severity: 'warning', build: () => healthy({}, {}, { honorLabels: false }), at: { edge: FED, field: 'honorLabels' }, message: 'exported_job' },
  // graph
  { code: 'edge/missing-end', severity: 'error', build: () => healthy({}, {}, {}, { edges: [scrape('leaf', 'gone')] }), at: { edge: 'scrape:leaf->gone', field: 'targets' }, message: 'no node with id "gone"' },
  { code: 'edge/wrong-kind', severity: 'error', build: () => healthy({}, {}, {}, { edges: [federation('global', 'node')] }), at: { edge: 'federation:global->node', field: 'source' }, message: 'target group "node" is a target group, expected a Prometheus server' },
  { code: 'edge/wrong-kind', severity: 'error', build: () => healthy({}, {}, {}, { nodes: [grafana('graf')], edges: [federation('graf', 'leaf')] }), at: { edge: 'federation:graf->leaf', field: 'server' }, message: 'is a Grafana, expected a Prometheus server' },
  { code: 'edge/duplicate', severity: 'warning', build: () => healthy({}, {}, {}, { nodes: [grafana('graf')], edges: [datasource('graf', 'global'), { ...datasource('graf', 'global'), id: 'ds2' }] }), at: { edge: 'ds2' }, message: 'already connected' },
  { code: 'targets/unscraped', severity: 'warning', build: () => healthy({}, {}, {}, { nodes: [targets('lonely')] }), at: { node: 'lonely' }, message: 'target group "lonely": no server scrapes this target group' },
  { code: 'targets/scraped-twice', severity: 'info', build: () => healthy({}, {}, {}, { edges: [scrape('global', 'node')] }), at: { node: 'node' }, message: 'scraped by 2 servers ("global", "leaf")' },
  { code: 'targets/empty', severity: 'warning', build: () => makeTopology([server('leaf'), targets('node', [])], [scrape('leaf', 'node')]), at: { node: 'node', field: 'targets' }, message: 'no targets and no count' },
  { code: 'targets/duplicate', severity: 'warning', build: () => makeTopology([server('leaf'), targets('node', ['a:1', 'a:1'])], [scrape('leaf', 'node')]), at: { node: 'node', field: 'targets[1]' }, message: '"a:1" is listed twice' },
  { code: 'server/idle', severity: 'warning', build: () => healthy({}, {}, {}, { nodes: [server('spare')] }), at: { node: 'spare' }, message: 'leaf "spare": scrapes nothing and federates nothing' },
  // HA
  { code: 'ha/replicas', severity: 'error', build: () => healthy({ ha: { replicas: 1 } }), at: { node: 'leaf', field: 'ha.replicas' }, message: 'at least 2 replicas (found 1)' },
  { code: 'ha/replicas', severity: 'error', build: () => healthy({ ha: { replicas: 500 } }), at: { node: 'leaf', field: 'ha.replicas' }, message: 'at most 26' },
  { code: 'ha/replica-label', severity: 'error', build: () => healthy({ ha: { replicas: 2, replicaLabel: 'replica-id' } }), at: { node: 'leaf', field: 'ha.replicaLabel' }, message: 'invalid replica label name "replica-id"' },
  { code: 'ha/replica-label-collision', severity: 'error', build: () => healthy({ ha: { replicas: 2, replicaLabel: 'dc' } }), at: { node: 'leaf', field: 'ha.replicaLabel' }, message: 'is also an external label' },
  { code: 'ha/labeldrop-off', severity: 'warning', build: () => healthy({ ha: { replicas: 2, dropReplicaLabelOnAlerts: false } }, {}, {}, { nodes: [alertmanager('am')], edges: [alert('leaf', 'am')] }), at: { node: 'leaf', field: 'ha.dropReplicaLabelOnAlerts' }, message: 'one notification per replica' },
  { code: 'ha/federate-all', severity: 'warning', build: () => healthy({ ha: { replicas: 2 } }, {}, { sourceReplica: 'all' }), at: { edge: FED, field: 'sourceReplica' }, message: 'each series arrives 2 times' },
  { code: 'ha/federate-one', severity: 'info', build: () => healthy({ ha: { replicas: 2 } }), at: { edge: FED, field: 'sourceReplica' }, message: 'federates replica a of HA group "leaf" only (replica="a")' },
  { code: 'ha/source-replica', severity: 'error', build: () => healthy({ ha: { replicas: 2 } }, {}, { sourceReplica: 2 }), at: { edge: FED, field: 'sourceReplica' }, message: 'replica 2 does not exist' },
  // hashmod
  { code: 'hashmod/shards', severity: 'error', build: () => healthy({ hashmod: { shards: 0 } }), at: { node: 'leaf', field: 'hashmod.shards' }, message: 'requires non-zero modulus' },
  { code: 'hashmod/shards', severity: 'error', build: () => healthy({ hashmod: { shards: 1_000_000 } }), at: { node: 'leaf', field: 'hashmod.shards' }, message: 'at most 1000' },
  { code: 'hashmod/single-shard', severity: 'info', build: () => healthy({ hashmod: { shards: 1 } }), at: { node: 'leaf', field: 'hashmod.shards' }, message: 'one hashmod shard' },
  { code: 'hashmod/source-labels', severity: 'error', build: () => healthy({ hashmod: { shards: 2, sourceLabels: ['__address__', 'a-b'] } }), at: { node: 'leaf', field: 'hashmod.sourceLabels[1]' }, message: 'invalid source label name "a-b"' },
  { code: 'hashmod/source-labels', severity: 'error', build: () => healthy({ hashmod: { shards: 2, sourceLabels: [] } }), at: { node: 'leaf', field: 'hashmod.sourceLabels' }, message: 'no source labels' },
  { code: 'hashmod/shard-label-collision', severity: 'error', build: () => healthy({ hashmod: { shards: 2 }, externalLabels: { dc: 'x', prometheus_shard: 'x' } }), at: { node: 'leaf', field: 'externalLabels.prometheus_shard' }, message: 'set by PromTopo on every hashmod shard' },
  { code: 'hashmod/constant-key', severity: 'warning', build: () => healthy({ hashmod: { shards: 2, sourceLabels: ['instance'] } }), at: { node: 'leaf', field: 'hashmod.sourceLabels' }, message: '"instance" is not set on the targets of "node"' },
  { code: 'hashmod/idle-shards', severity: 'warning', build: () => healthy({ hashmod: { shards: 4 } }), at: { node: 'leaf', field: 'hashmod.shards' }, message: 'get no target (1 target(s) hashed offline)' },
  { code: 'hashmod/partial-rules', severity: 'info', build: () => healthy({ hashmod: { shards: 2 }, ...rule({ record: 'job:up:sum', expr: 'sum by (job) (up)' }) }), at: { node: 'leaf', field: 'ruleGroups' }, message: 'evaluates the 1 rule(s) over its own share of the targets' },
  { code: 'hashmod/federation', severity: 'warning', build: () => healthy({}, { hashmod: { shards: 2 } }), at: { edge: FED }, message: 'each of the 2 hashmod shards of "global" federates "leaf" in full' },
  // alertmanager and grafana
  { code: 'alertmanager/no-instances', severity: 'error', build: () => healthy({}, {}, {}, { nodes: [alertmanager('am', [])], edges: [alert('leaf', 'am')] }), at: { node: 'am', field: 'instances' }, message: 'has no instances' },
  { code: 'alertmanager/single-instance', severity: 'info', build: () => healthy({}, {}, {}, { nodes: [alertmanager('am', ['am:9093'])], edges: [alert('leaf', 'am')] }), at: { node: 'am', field: 'instances' }, message: 'a single instance is not a cluster' },
  { code: 'alertmanager/unused', severity: 'info', build: () => healthy({}, {}, {}, { nodes: [alertmanager('am')] }), at: { node: 'am' }, message: 'no server sends alerts to it' },
  { code: 'grafana/multiple-defaults', severity: 'error', build: () => healthy({}, {}, {}, { nodes: [grafana('graf')], edges: [datasource('graf', 'leaf', { isDefault: true }), datasource('graf', 'global', { isDefault: true })] }), at: { node: 'graf', field: 'isDefault' }, message: '2 data sources are marked default ("leaf", "global")' },
  { code: 'grafana/no-datasource', severity: 'info', build: () => healthy({}, {}, {}, { nodes: [grafana('graf')] }), at: { node: 'graf' }, message: 'has no data sources' },
];

describe('validateTopology', () => {
  it('finds nothing in the healthy base document', () => {
    expect(validateTopology(healthy())).toEqual([]);
  });

  it.each(rows.map((r) => [r.code, r.message, r] as const))('%s: %s', (_code, _message, row) => {
    const diagnostics = validateTopology(row.build());
    const found = diagnostics.filter((d) => d.code === row.code && d.message.includes(row.message));
    expect(found.length ? found : diagnostics).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: row.code, severity: row.severity, at: expect.objectContaining(row.at) }),
    ]));
  });

  it('is deterministic and sorted: errors first, then by code', () => {
    const t = healthy({ name: 'Bad', scrapeInterval: 'x', externalLabels: {} }, {}, { match: ['sum(up)'] }, { nodes: [targets('lonely')] });
    const a = validateTopology(t);
    expect(validateTopology(t)).toEqual(a);
    const severities = a.map((d) => d.severity);
    expect(severities).toEqual([...severities].sort((x, y) => ['error', 'warning', 'info'].indexOf(x) - ['error', 'warning', 'info'].indexOf(y)));
    expect(a.length).toBeGreaterThanOrEqual(4);
  });

  it('accepts what Prometheus accepts: unset job timeout above a short job interval, ports omitted on targets', () => {
    const t = makeTopology(
      [server('leaf', { scrapeInterval: '1m', scrapeTimeout: '50s' }), targets('node', ['node-a', 'node-b:9100', '[::1]:9100', 'node-c.example.org.:9100', 'node_d:9100', '10.0.0.1:9100'], { scrapeInterval: '5s' })],
      [scrape('leaf', 'node')],
    );
    expect(validateTopology(t)).toEqual([]);
  });
});
