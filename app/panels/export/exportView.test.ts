import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { emptyTopology } from '../../../src/model/document.ts';
import type { PrometheusNode, Topology } from '../../../src/model/types.ts';
import { EXPORT_TARGETS } from '../../../src/model/schema.ts';
import { blockingErrors, EXPORT_TARGET_CHOICES, fixLinkLabel, loadLastExportDir, saveLastExportDir, serverOfPath, summariseVerdict, targetDescription } from './exportView.ts';

function server(id: string, name: string): PrometheusNode {
  return {
    id,
    kind: 'prometheus',
    role: 'leaf',
    name,
    address: `${name}:9090`,
    externalLabels: {},
    scrapeInterval: '15s',
    scrapeTimeout: '10s',
    evaluationInterval: '15s',
    retention: '15d',
    ruleGroups: [],
    position: { x: 0, y: 0 },
  };
}

const topology: Topology = {
  ...emptyTopology('t'),
  nodes: [server('n1', 'leaf'), server('n2', 'leaf-eu'), server('n3', 'global')],
  edges: [{ id: 'e1', kind: 'federation', server: 'n3', source: 'n2', match: [], honorLabels: true }],
};

describe('summariseVerdict', () => {
  it.each([
    [undefined, 'not-run'],
    [{ ran: false, ok: false, results: [] }, 'not-found'],
    [{ ran: true, ok: true, results: [{ path: 'a', ok: true, output: 'SUCCESS' }] }, 'ok'],
    [{ ran: true, ok: false, results: [{ path: 'a', ok: true, output: '' }, { path: 'b', ok: false, output: 'FAILED' }] }, 'failed'],
  ] as const)('%j -> %s', (verdict, status) => {
    expect(summariseVerdict(verdict === undefined ? undefined : { ...verdict, results: [...verdict.results] }).status).toBe(status);
  });
  it('counts the rejected configs', () => {
    expect(summariseVerdict({ ran: true, ok: false, results: [{ path: 'b', ok: false, output: 'x' }] }).text).toBe('promtool rejected 1 of 1 config(s).');
  });
});

describe('serverOfPath', () => {
  it.each([
    ['prometheus/leaf-eu/prometheus.yml', 'leaf-eu'],
    ['prometheus/leaf/prometheus.yml', 'leaf'],
    ['prometheus/leaf-eu-a/prometheus.yml', 'leaf-eu'],
    ['prometheus/global.yml', 'global'],
    ['alertmanager/alertmanager.yml', undefined],
  ])('%s -> %s', (path, name) => {
    expect(serverOfPath(path, topology)?.name).toBe(name);
  });
});

describe('blocking errors and fix links', () => {
  const diags: Diagnostic[] = [
    { code: 'a', severity: 'warning', message: 'w', at: { node: 'n1' } },
    { code: 'b', severity: 'error', message: 'e', at: { node: 'n2' } },
    { code: 'c', severity: 'error', message: 'e2', at: { edge: 'e1' } },
    { code: 'd', severity: 'error', message: 'e3', at: { node: 'gone' } },
  ];
  it('keeps only errors', () => {
    expect(blockingErrors(diags).map((d) => d.code)).toEqual(['b', 'c', 'd']);
  });
  it.each([
    [0, 'Select leaf'],
    [1, 'Select leaf-eu'],
    [2, 'Select the edge'],
    [3, undefined],
  ])('diagnostic %d -> %s', (i, label) => {
    expect(fixLinkLabel(diags[i] as Diagnostic, topology)).toBe(label);
  });
});

describe('last export folder', () => {
  it('round-trips through storage and survives a broken one', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(loadLastExportDir(storage)).toBe('');
    saveLastExportDir(storage, '/tmp/out');
    expect(loadLastExportDir(storage)).toBe('/tmp/out');
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(loadLastExportDir(broken)).toBe('');
    expect(() => saveLastExportDir(broken, '/x')).not.toThrow();
  });
});

describe('EXPORT_TARGET_CHOICES', () => {
  it('offers every deployment target once, files first, each with a description', () => {
    expect(EXPORT_TARGET_CHOICES.map((c) => c.target)).toEqual([...EXPORT_TARGETS]);
    for (const t of EXPORT_TARGETS) expect(targetDescription(t).length).toBeGreaterThan(20);
  });
});
