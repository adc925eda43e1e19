import { describe, expect, it } from 'vitest';
import { generatePrometheusConfig } from '../../generate/prometheusConfig.ts';
import { serverInstances } from '../instances.ts';
import type { PrometheusNode, Topology } from '../types.ts';
import { duplicate } from './selectionEdits.ts';
import { sampleTopology } from './testTopology.ts';
import { updateNode } from './updateElement.ts';

const server = (t: Topology, id: string) => t.nodes.find((n) => n.id === id) as PrometheusNode;

describe('a server address derived from the name', () => {
  it('follows a rename in the same edit, keeping the port', () => {
    const t = updateNode(sampleTopology(), 'n2', { address: 'leaf:9191' });
    expect(server(t, 'n2')).toMatchObject({ address: 'leaf:9191', addressFromName: true });
    const renamed = updateNode(t, 'n2', { name: 'leaf-eu' });
    expect(server(renamed, 'n2')).toMatchObject({ name: 'leaf-eu', address: 'leaf-eu:9191', addressFromName: true });
  });

  it('lets the global federate the new name', () => {
    const renamed = updateNode(sampleTopology(), 'n2', { name: 'leaf-eu' });
    const globalConfig = generatePrometheusConfig(renamed, 'n4');
    expect(globalConfig).toContain("targets: ['leaf-eu:9090']");
    expect(globalConfig).not.toContain("'leaf:9090'");
  });

  it('stops following once the user gives another host, and stays put on later renames', () => {
    const edited = updateNode(sampleTopology(), 'n2', { address: '10.0.0.5:9090' });
    expect(server(edited, 'n2')).toMatchObject({ address: '10.0.0.5:9090', addressFromName: false });
    const renamed = updateNode(edited, 'n2', { name: 'leaf-eu' });
    expect(server(renamed, 'n2').address).toBe('10.0.0.5:9090');
  });

  it('derives the address again when switched back on', () => {
    const edited = updateNode(updateNode(sampleTopology(), 'n2', { address: '10.0.0.5:9100' }), 'n2', { name: 'leaf-eu' });
    const on = updateNode(edited, 'n2', { addressFromName: true });
    expect(server(on, 'n2')).toMatchObject({ address: 'leaf-eu:9100', addressFromName: true });
  });

  it('leaves an address without the flag (files written before it) alone', () => {
    const t = sampleTopology();
    const legacy = { ...t, nodes: t.nodes.map((n) => (n.id === 'n2' && n.kind === 'prometheus' ? { ...n, addressFromName: undefined } : n)) };
    const renamed = updateNode(legacy, 'n2', { name: 'leaf-eu' });
    expect(server(renamed, 'n2').address).toBe('leaf:9090');
  });

  it('gives a duplicate its own address', () => {
    const out = duplicate(updateNode(sampleTopology(), 'n2', { address: 'leaf:9300' }), { nodes: ['n2'], edges: [] });
    const copy = out.nodes[out.nodes.length - 1] as PrometheusNode;
    expect(copy).toMatchObject({ name: 'leaf-3', address: 'leaf-3:9300', addressFromName: true });
  });
});

describe('instance addresses of HA replicas and hashmod shards', () => {
  const ha = { replicas: 2, replicaLabel: 'replica', dropReplicaLabelOnAlerts: true };

  it('give each replica its own host, following the replica values and renames', () => {
    const t = updateNode(updateNode(sampleTopology(), 'n2', { name: 'prometheus-ha' }), 'n2', { ha });
    expect(serverInstances(server(t, 'n2')).map((i) => i.address)).toEqual(['prometheus-ha-a:9090', 'prometheus-ha-b:9090']);
    const renamed = updateNode(t, 'n2', { name: 'prom-eu' });
    expect(serverInstances(server(renamed, 'n2')).map((i) => i.address)).toEqual(['prom-eu-a:9090', 'prom-eu-b:9090']);
  });

  it('give hashmod shards (and their replicas) hosts named after the instance keys', () => {
    const t = updateNode(sampleTopology(), 'n2', { name: 'shards', hashmod: { shards: 2, sourceLabels: ['__address__'] }, ha });
    expect(serverInstances(server(t, 'n2')).map((i) => i.address)).toEqual([
      'shards-shard-0-a:9090', 'shards-shard-0-b:9090', 'shards-shard-1-a:9090', 'shards-shard-1-b:9090',
    ]);
  });

  it('keep listed addresses, and add the index to the port for an address set by the user', () => {
    const listed = updateNode(sampleTopology(), 'n2', { ha, instanceAddresses: ['h1:9090'] });
    expect(serverInstances(server(listed, 'n2')).map((i) => i.address)).toEqual(['h1:9090', 'leaf-b:9090']);
    const userSet = updateNode(sampleTopology(), 'n2', { ha, address: '127.0.0.1:9090' });
    expect(serverInstances(server(userSet, 'n2')).map((i) => i.address)).toEqual(['127.0.0.1:9090', '127.0.0.1:9091']);
  });
});
