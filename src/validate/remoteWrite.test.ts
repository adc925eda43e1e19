import { describe, expect, it } from 'vitest';
import { makeTopology, querier, receiver, remoteWriteEdge, scrapeEdge, server, storeEdge, targets, datasourceEdge, grafana, alertEdge, alertmanager, federationEdge } from '../generate/testBuilders.ts';
import type { RelabelRule, Topology } from '../model/types.ts';
import { dropsEverything } from './remoteWrite.ts';
import { validateTopology } from './validateTopology.ts';

const codes = (t: Topology, prefix = '') => validateTopology(t).filter((d) => d.code.startsWith(prefix)).map((d) => d.code);
const one = (t: Topology, code: string) => validateTopology(t).filter((d) => d.code === code);

const base = (serverExtra: Record<string, unknown> = {}, rwExtra: Record<string, unknown> = {}, receiverExtra: Record<string, unknown> = {}, more: { nodes?: Record<string, unknown>[]; edges?: Record<string, unknown>[] } = {}) => makeTopology([
  server('agent', { mode: 'agent', externalLabels: { dc: 'eu' }, ...serverExtra }),
  targets('node', ['node-1:9100']),
  server('central', { role: 'global', remoteWriteReceiver: true, ...receiverExtra }),
  ...(more.nodes ?? []),
], [scrapeEdge('agent', 'node'), remoteWriteEdge('agent', 'central', rwExtra), ...(more.edges ?? [])]);

describe('remote_write and agent validation', () => {
  it('an agent writing to a receiver-enabled server is clean', () => {
    expect(codes(base(), 'agent/')).toEqual([]);
    expect(codes(base(), 'remote-write/')).toEqual([]);
  });

  it('a receiver without --web.enable-remote-write-receiver, or an agent as receiver, cannot ingest', () => {
    expect(one(base({}, {}, { remoteWriteReceiver: false }), 'remote-write/not-a-receiver')[0]?.message).toMatch(/receiver \(--web.enable-remote-write-receiver\) is off/);
    expect(one(base({}, {}, { mode: 'agent' }), 'remote-write/not-a-receiver')[0]?.message).toMatch(/is an agent/);
  });

  it('an agent with rules, alerting, Grafana queries or no remote_write is reported, naming the node and field', () => {
    const t = makeTopology([
      server('agent', { mode: 'agent', ruleGroups: [{ name: 'g', rules: [{ record: 'a:b', expr: 'up' }] }] }),
      targets('node', ['node-1:9100']),
      alertmanager('am', ['am:9093']),
      grafana('g'),
    ], [scrapeEdge('agent', 'node'), alertEdge('agent', 'am'), datasourceEdge('g', 'agent', { isDefault: true })]);
    expect(codes(t, 'agent/').sort()).toEqual(['agent/alerting', 'agent/no-remote-write', 'agent/queried', 'agent/rules']);
    expect(one(t, 'agent/rules')[0]).toMatchObject({ severity: 'error', at: { node: 'agent', field: 'ruleGroups' }, message: expect.stringContaining('leaf "agent", ruleGroups') });
  });

  it('a global federating an agent is reported: agents have no /federate', () => {
    const t = base({}, {}, {}, { nodes: [server('global2', { role: 'global' })], edges: [federationEdge('global2', 'agent', ['up'])] });
    expect(one(t, 'agent/queried')[0]?.message).toMatch(/"global2" queries it/);
  });

  it.each([
    [{ action: 'drop' }, true],
    [{ action: 'drop', regex: '.*', sourceLabels: ['job'] }, true],
    [{ action: 'drop', regex: '.+', sourceLabels: ['__name__'] }, true],
    [{ action: 'drop', regex: '.+', sourceLabels: ['job'] }, false],
    [{ action: 'drop', regex: 'go_.*', sourceLabels: ['__name__'] }, false],
    [{ action: 'keep', regex: '', sourceLabels: ['__name__'] }, true],
    [{ action: 'keep', regex: 'up', sourceLabels: ['__name__'] }, false],
    [{ action: 'labeldrop', regex: '.*' }, false],
  ] as [RelabelRule, boolean][])('dropsEverything(%j) = %s', (rule, expected) => {
    expect(dropsEverything(rule)).toBe(expected);
  });

  it('write relabelling that drops everything is a warning at the rule', () => {
    const t = base({}, { writeRelabelConfigs: [{ action: 'drop', sourceLabels: ['__name__'], regex: 'go_.*' }, { action: 'drop' }] });
    expect(one(t, 'remote-write/drops-everything')).toMatchObject([{ severity: 'warning', at: { edge: 'remote_write:agent->central', field: 'writeRelabelConfigs[1]' } }]);
  });

  it('an HA pair writing to a Prometheus receiver stores duplicates; Mimir dedup on the replica label or a querier over Thanos Receive clears it', () => {
    const ha = { mode: undefined, ha: { replicas: 2, replicaLabel: 'replica' } };
    expect(codes(base(ha), 'remote-write/ha-duplicates')).toEqual(['remote-write/ha-duplicates']);
    const mimir = (dedup?: unknown) => makeTopology([
      server('p', { externalLabels: { dc: 'eu' }, ha: { replicas: 2, replicaLabel: 'replica' } }), targets('node', ['n:9100']),
      receiver('m', 'mimir', 'm:8080', dedup ? { dedup } : {}),
    ], [scrapeEdge('p', 'node'), remoteWriteEdge('p', 'm')]);
    expect(codes(mimir(), 'remote-write/ha-duplicates')).toHaveLength(1);
    expect(codes(mimir({ replicaLabel: 'other' }), 'remote-write/ha-duplicates')).toHaveLength(1);
    expect(codes(mimir({ replicaLabel: 'replica' }), 'remote-write/ha-duplicates')).toEqual([]);
    const receive = (labels: string[]) => makeTopology([
      server('p', { externalLabels: { dc: 'eu' }, ha: { replicas: 2, replicaLabel: 'replica' } }), targets('node', ['n:9100']),
      receiver('r', 'thanos-receive', 'r:19291'), querier('q', 'q:10902', { replicaLabels: labels }),
    ], [scrapeEdge('p', 'node'), remoteWriteEdge('p', 'r'), storeEdge('q', 'r')]);
    expect(codes(receive([]), 'remote-write/ha-duplicates')).toHaveLength(1);
    expect(codes(receive(['replica']), 'remote-write/ha-duplicates')).toEqual([]);
  });

  it('a querier over an HA group without its replica label, or over a server without a sidecar, is reported', () => {
    const t = (labels: string[], sidecar: boolean) => makeTopology([
      server('p', { externalLabels: { dc: 'eu' }, ha: { replicas: 2, replicaLabel: 'replica' }, ...(sidecar ? { thanosSidecar: {} } : {}) }), targets('node', ['n:9100']),
      querier('q', 'q:10902', { replicaLabels: labels }),
    ], [scrapeEdge('p', 'node'), storeEdge('q', 'p')]);
    expect(codes(t([], true), 'querier/')).toEqual(['querier/no-replica-label']);
    expect(codes(t(['replica'], true), 'querier/')).toEqual([]);
    expect(codes(t(['replica'], false), 'querier/')).toEqual(['querier/no-sidecar']);
  });

  it('a sidecar on a server without external labels is an error (Thanos refuses to start)', () => {
    const t = makeTopology([server('p', { thanosSidecar: {} }), targets('node', ['n:9100'])], [scrapeEdge('p', 'node')]);
    expect(one(t, 'thanos/no-external-labels')).toMatchObject([{ severity: 'error', at: { node: 'p', field: 'externalLabels' } }]);
  });

  it('capacity outside 1-10x max_samples_per_send and a long batch deadline are warnings', () => {
    expect(codes(base({}, { queueConfig: { capacity: 100, maxSamplesPerSend: 2000 } }), 'remote-write/queue')).toEqual(['remote-write/queue-range']);
    expect(codes(base({}, { queueConfig: { capacity: 100000 } }), 'remote-write/queue')).toEqual(['remote-write/queue-range']);
    expect(codes(base({}, { queueConfig: { capacity: 10000, maxSamplesPerSend: 2000, batchSendDeadline: '5m' } }), 'remote-write/queue')).toEqual(['remote-write/queue-range']);
    expect(codes(base({}, { queueConfig: { capacity: 10000, maxSamplesPerSend: 2000 } }), 'remote-write/queue')).toEqual([]);
  });

  it('the other export targets refuse the remote-write parts', () => {
    const t = { ...base(), settings: { export: { target: 'compose' as const } } };
    expect(one(t, 'export/target-remote-write')).toMatchObject([{ severity: 'error', message: expect.stringContaining('compose target') }]);
  });
});

