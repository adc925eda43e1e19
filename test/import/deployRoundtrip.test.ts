/**
 * Round trip of the deployment forms: for every example t, importConfigs(files of the compose or
 * Kubernetes export of t) equals t up to the normalisation docs/import.md documents, and exporting the
 * imported design again gives the same files. The export's own copy of the design
 * (topology.promtopo.json) is NOT given to the importer.
 */
import { usesRemoteWriteParts } from '../../src/validate/exportTarget.ts';
import { describe, expect, it } from 'vitest';
import { BUNDLE_TOPOLOGY_FILE } from '../../src/generate/generateBundle.ts';
import { generateTarget } from '../../src/generate/targets/generateTarget.ts';
import { kubernetesView } from '../../src/generate/targets/kubernetes.ts';
import { importConfigs } from '../../src/import/importConfigs.ts';
import { serverInstances } from '../../src/model/instances.ts';
import type { ExportTarget, Topology, TopologyNode } from '../../src/model/types.ts';
import { loadExamples } from '../generate/support.ts';

// The other targets do not carry remote_write (export/target-remote-write refuses them).
const examples = loadExamples().filter((e) => !usesRemoteWriteParts(e.topology));

/** Files a user would import: every exported file but the design itself. */
function exported(t: Topology, target: ExportTarget) {
  return generateTarget(t, target).files.filter((f) => f.path !== BUNDLE_TOPOLOGY_FILE).map((f) => ({ name: f.path, text: f.contents }));
}

/**
 * The comparable content: ids, positions, description and settings, capacity, exporter and
 * seriesPerTarget, Grafana's own address and addressFromName are dropped (as in the plain bundle's round trip);
 * instance addresses are compared as the resolved list.
 */
function normalise(t: Topology) {
  const names = new Map(t.nodes.map((n) => [n.id, `${n.kind}:${n.name}`]));
  const node = (n: TopologyNode) => {
    const { id: _id, position: _position, ...rest } = n;
    if (rest.kind === 'targets') {
      const { exporter: _e, seriesPerTarget: _s, ...g } = rest;
      return g;
    }
    if (rest.kind === 'prometheus') {
      const { capacity: _c, instanceAddresses: _i, address: _a, addressFromName: _f, ...p } = rest;
      return { ...p, instances: serverInstances(n as Extract<TopologyNode, { kind: 'prometheus' }>).map((i) => i.address) };
    }
    if (rest.kind === 'grafana') {
      const { address: _a, ...g } = rest;
      return g;
    }
    return rest;
  };
  const edge = (e: Topology['edges'][number]) => {
    const { id: _id, ...rest } = e;
    return JSON.stringify(Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' && names.has(v) ? names.get(v) : v])));
  };
  return {
    name: t.name,
    nodes: t.nodes.map(node).sort((a, b) => `${a.kind}:${a.name}`.localeCompare(`${b.kind}:${b.name}`)),
    edges: t.edges.map(edge).sort(),
  };
}

/**
 * What a design is once it runs under prometheus-operator: instances at their pods' DNS names, hashmod
 * on __address__, the replica label always dropped from alerts, Alertmanager gossip on the pods.
 */
function asOperatorRunsIt(t: Topology): Topology {
  const view = kubernetesView(t);
  return { ...view, nodes: view.nodes.map((n) => (n.kind !== 'prometheus' ? n : {
    ...n,
    ...(n.hashmod ? { hashmod: { ...n.hashmod, sourceLabels: ['__address__'] } } : {}),
    ...(n.ha ? { ha: { ...n.ha, dropReplicaLabelOnAlerts: true } } : {}),
  })) };
}

const configFiles = (t: Topology, target: ExportTarget) => new Map(generateTarget(t, target).files.filter((f) => f.path !== 'README.md' && f.path !== BUNDLE_TOPOLOGY_FILE).map((f) => [f.path, f.contents]));

describe.each(examples)('deployment round trip of $file', ({ topology }) => {
  it('compose: import(export) equals the design, with its addresses, and exports the same files again', () => {
    const r = importConfigs(exported(topology, 'compose'));
    expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
    expect(r.ok).toBe(true);
    const imported = r.topology!;
    expect(imported.settings.export?.target).toBe('compose');
    expect(normalise(imported)).toEqual(normalise(topology));
    const before = configFiles(topology, 'compose');
    const after = configFiles(imported, 'compose');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, text] of before) expect(after.get(path), path).toBe(text);
  });

  it('kubernetes: import(export) equals the design as the operator runs it, and exports the same manifests again', () => {
    const r = importConfigs(exported(topology, 'kubernetes'));
    expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
    expect(r.ok).toBe(true);
    const imported = r.topology!;
    expect(imported.settings.export?.target).toBe('kubernetes');
    expect(normalise(imported)).toEqual(normalise(asOperatorRunsIt(topology)));
    const before = configFiles(topology, 'kubernetes');
    const after = configFiles(imported, 'kubernetes');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, text] of before) expect(after.get(path), path).toBe(text);
  });
});

describe('the deployment round trip tells designs apart', () => {
  it('a changed design does not compare equal after the round trip', () => {
    const { topology } = examples[0]!;
    const changed = { ...topology, nodes: topology.nodes.map((n) => (n.kind === 'prometheus' ? { ...n, retention: '99d' } : n)) };
    const back = importConfigs(exported(changed, 'kubernetes')).topology!;
    expect(normalise(back)).not.toEqual(normalise(asOperatorRunsIt(topology)));
    const composed = importConfigs(exported(changed, 'compose')).topology!;
    expect(normalise(composed)).not.toEqual(normalise(topology));
  });
});

describe('compose: the self-scrape job on a design port other than the container\'s', () => {
  it('a server listening on 9191 in the design still reads back with scrapeSelf', () => {
    const { topology } = examples[0]!;
    const moved: Topology = { ...topology, nodes: topology.nodes.map((n) => (n.kind !== 'prometheus' || n.instanceAddresses || n.ha || n.hashmod ? n
      : { ...n, address: n.address.replace(/:\d+$/, ':9191'), addressFromName: false, scrapeSelf: true })) };
    const r = importConfigs(exported(moved, 'compose'));
    expect(r.ok).toBe(true);
    const back = r.topology!.nodes.filter((n) => n.kind === 'prometheus' && n.address.endsWith(':9191'));
    expect(back.length).toBeGreaterThan(0);
    expect(back.map((n) => n.kind === 'prometheus' && n.scrapeSelf)).toEqual(back.map(() => true));
    expect(r.topology!.nodes.some((n) => n.kind === 'targets' && n.name === 'prometheus')).toBe(false);
  });
});
