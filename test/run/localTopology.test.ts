import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model/document.ts';
import { serverInstances } from '../../src/model/instances.ts';
import type { Topology } from '../../src/model/types.ts';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { CHECK_ALERT, localTopology, NotRunnable, portsNeeded } from '../../src/run/localTopology.ts';

function example(id: string): Topology {
  const parsed = parseTopology(readFileSync(join(import.meta.dirname, `../../assets/examples/${id}.promtopo.json`), 'utf8'), id);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.topology;
}

const ports = (n: number) => Array.from({ length: n }, (_, i) => 20_000 + i);

describe('localTopology', () => {
  it('gives every instance, Alertmanager (web and gossip) and target its own port on 127.0.0.1', () => {
    const t = example('multi-dc');
    const n = portsNeeded(t);
    // 6 server instances, 3 Alertmanagers x 2, 20 targets.
    expect(n).toBe(6 + 6 + 20);
    const plan = localTopology(t, ports(n));
    const used = [...plan.servers.map((s) => s.address), ...plan.alertmanagers.flatMap((a) => [a.address, a.clusterAddress]), ...plan.targets.map((t) => t.address)];
    expect(new Set(used).size).toBe(n);
    for (const a of used) expect(a).toMatch(/^127\.0\.0\.1:2\d{4}$/);
    expect(plan.targets.filter((x) => x.process.kind === 'node_exporter')).toHaveLength(13);
    expect(plan.targets.filter((x) => x.process.kind === 'stand-in').map((x) => x.process)).toEqual([
      ...Array(6).fill({ kind: 'stand-in', exporter: 'cadvisor' }),
      { kind: 'stand-in', exporter: 'kube-state-metrics' },
    ]);
  });

  it('writes a private bundle in which no designed host name remains, and leaves the design as it was', () => {
    const t = example('multi-dc');
    const before = JSON.stringify(t);
    const plan = localTopology(t, ports(portsNeeded(t)));
    expect(JSON.stringify(t)).toBe(before);
    const text = generateBundle(plan.topology).files.filter((f) => /\.(yml|sh)$/.test(f.path)).map((f) => f.contents).join('\n');
    for (const host of ['prom-eu-1a', 'prom-eu-db', 'prom-global', 'alertmanager-1', 'node-eu-01', 'k8s-eu-01', 'kube-state-metrics.eu-west']) {
      expect(text, host).not.toContain(`${host}:`);
    }
    // Federation sources, alerting targets and gossip peers are the mapped addresses.
    const global = generateBundle(plan.topology).files.find((f) => f.path === 'prometheus/prom-global/prometheus.yml')?.contents ?? '';
    const euA = plan.servers.find((s) => s.instance === 'prom-eu-1-a');
    expect(global).toContain(`'${euA?.address}'`);
    for (const am of plan.alertmanagers) expect(global).toContain(`'${am.address}'`);
    const run2 = generateBundle(plan.topology).files.find((f) => f.path === 'alertmanager/alertmanager/run-2.sh')?.contents ?? '';
    expect(run2).toContain(`--cluster.peer=${plan.alertmanagers[0]?.clusterAddress}`);
    expect(run2).toContain(`--cluster.listen-address=${plan.alertmanagers[1]?.clusterAddress}`);
  });

  it('adds the check alert to every server that sends alerts, with the server name the replicas share', () => {
    const plan = localTopology(example('multi-dc'), ports(40));
    for (const node of plan.topology.nodes) {
      if (node.kind !== 'prometheus') continue;
      const check = node.ruleGroups.flatMap((g) => g.rules).find((r) => 'alert' in r && r.alert === CHECK_ALERT);
      expect(check && 'labels' in check ? check.labels : undefined, node.name).toEqual({ promtopo_run_server: node.name });
    }
    const federationOnly = localTopology(example('federation'), ports(40));
    for (const node of federationOnly.topology.nodes) if (node.kind === 'prometheus') expect(node.ruleGroups.some((g) => g.name === 'promtopo-run-check')).toBe(false);
  });

  it('sets one interval everywhere when asked, timeouts included', () => {
    const plan = localTopology(example('multi-dc'), ports(40), { interval: '2s' });
    for (const node of plan.topology.nodes) {
      if (node.kind === 'prometheus') expect([node.scrapeInterval, node.scrapeTimeout, node.evaluationInterval]).toEqual(['2s', '2s', '2s']);
    }
    for (const edge of plan.topology.edges) if (edge.kind === 'federation') expect([edge.scrapeInterval, edge.scrapeTimeout]).toEqual(['2s', '2s']);
  });

  it('maps a target group that scrapes the servers of the design to the servers themselves', () => {
    const t = example('federation');
    const leaf = t.nodes.find((n) => n.kind === 'prometheus' && n.name === 'prom-eu-1');
    if (leaf?.kind !== 'prometheus') throw new Error('no leaf');
    const design = serverInstances(leaf)[0]?.address ?? '';
    const withGroup: Topology = {
      ...t,
      nodes: [...t.nodes, { id: 'self', kind: 'targets', name: 'proms', targets: [design], labels: {}, exporter: 'prometheus', position: { x: 0, y: 0 } }],
    };
    const plan = localTopology(withGroup, ports(portsNeeded(withGroup)));
    const target = plan.targets.find((x) => x.groupId === 'self');
    expect(target?.process).toEqual({ kind: 'run-instance' });
    expect(target?.address).toBe(plan.servers.find((s) => s.name === 'prom-eu-1')?.address);
  });

  it('refuses service discovery with the group and field named, and too few ports', () => {
    const t = example('federation');
    const sd: Topology = { ...t, nodes: [...t.nodes, { id: 'k', kind: 'targets', name: 'pods', targets: [], labels: {}, extraConfig: 'kubernetes_sd_configs:\n  - role: pod\n', position: { x: 0, y: 0 } }] };
    expect(() => localTopology(sd, ports(100))).toThrow(NotRunnable);
    expect(() => localTopology(sd, ports(100))).toThrow(/target group "pods" \(field extraConfig\).*service discovery/);
    expect(() => localTopology(t, ports(3))).toThrow(/needs 16 free ports, got 3/);
  });
});
