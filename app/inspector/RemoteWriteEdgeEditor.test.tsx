// @vitest-environment happy-dom
// The remote_write edge inspector mounted in a DOM (happy-dom) against the real designer store and
// engine: each field edit reaches the document as one undo step, and the validator's findings show
// beside the field they are about.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import remoteWriteExample from '../../assets/examples/remote-write.promtopo.json?raw';
import { parseTopology } from '../../src/model/document.ts';
import type { RemoteWriteEdge } from '../../src/model/types.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { EdgeInspector } from './EdgeInspector.tsx';

afterEach(cleanup);

const EDGE = 'rw-eu';

function edgeNow(): RemoteWriteEdge {
  const e = designerStore.getState().document.edges.find((x) => x.id === EDGE);
  if (e?.kind !== 'remote_write') throw new Error(`no remote_write edge ${EDGE}`);
  return e;
}

/** The inspector of the edge as the store holds it (re-rendered on every edit). */
function Harness() {
  const edge = useDesigner((s) => s.document.edges.find((e) => e.id === EDGE));
  return edge ? <EdgeInspector edge={edge} /> : null;
}

function edit(label: string, value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  act(() => {
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value } });
    fireEvent.blur(input);
  });
}

beforeEach(() => {
  const r = parseTopology(remoteWriteExample, 'remote-write.promtopo.json');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  act(() => designerStore.getState().loadDocument(r.topology, null));
});

describe('remote_write edge inspector', () => {
  it('shows the edge\'s queue settings and the defaults as placeholders', () => {
    render(<Harness />);
    expect((screen.getByLabelText('Capacity') as HTMLInputElement).value).toBe('10000');
    expect((screen.getByLabelText('Max samples per send') as HTMLInputElement).value).toBe('2000');
    expect((screen.getByLabelText('Max shards') as HTMLInputElement).placeholder).toBe('200');
  });

  it('commits a queue field as one undo step, keeping the other queue fields', () => {
    render(<Harness />);
    edit('Max shards', '50');
    expect(edgeNow().queueConfig).toEqual({ capacity: 10000, maxSamplesPerSend: 2000, maxShards: 50 });
    act(() => designerStore.getState().undo());
    expect(edgeNow().queueConfig).toEqual({ capacity: 10000, maxSamplesPerSend: 2000 });
  });

  it('sets and clears the bearer token file and basic auth by file reference', () => {
    render(<Harness />);
    edit('Bearer token file', '/etc/prometheus/rw-token');
    expect(edgeNow().bearerTokenFile).toBe('/etc/prometheus/rw-token');
    edit('Basic auth username', 'agent');
    edit('Basic auth password file', '/etc/prometheus/rw-password');
    expect(edgeNow().basicAuth).toEqual({ username: 'agent', passwordFile: '/etc/prometheus/rw-password' });
    edit('Bearer token file', '');
    expect(edgeNow().bearerTokenFile).toBeUndefined();
    act(() => designerStore.getState().undo());
    expect(edgeNow().bearerTokenFile).toBe('/etc/prometheus/rw-token');
  });

  it('shows the queue-range warning under the capacity field', () => {
    render(<Harness />);
    edit('Capacity', '100');
    const field = (screen.getByLabelText('Capacity') as HTMLInputElement).closest('.pt-field');
    expect(field?.querySelector('[data-code="remote-write/queue-range"]')).not.toBeNull();
  });

  it('refuses a non-number in a queue field without touching the document', () => {
    render(<Harness />);
    const before = designerStore.getState().document;
    edit('Capacity', 'lots');
    expect(designerStore.getState().document).toBe(before);
    expect(screen.getByTestId('live-error').textContent).toContain('Capacity');
  });

  it('sets the name and the assumed latency', () => {
    render(<Harness />);
    edit('Name', 'central');
    edit('Assumed latency per send', '250ms');
    expect(edgeNow()).toMatchObject({ name: 'central', assumedLatency: '250ms' });
  });

  it('edits write_relabel_configs as rows: regex, add and remove, each one undo step', () => {
    render(<Harness />);
    expect((screen.getByLabelText('Rule 1 regex') as HTMLInputElement).value).toBe('go_gc_.*');
    edit('Rule 1 regex', 'go_.*');
    expect(edgeNow().writeRelabelConfigs).toEqual([{ action: 'drop', sourceLabels: ['__name__'], regex: 'go_.*' }]);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Add rule' })));
    expect(edgeNow().writeRelabelConfigs).toHaveLength(2);
    act(() => fireEvent.change(screen.getByLabelText('Rule 2 action'), { target: { value: 'labeldrop' } }));
    expect(edgeNow().writeRelabelConfigs?.[1]?.action).toBe('labeldrop');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' })));
    expect(edgeNow().writeRelabelConfigs?.map((r) => r.action)).toEqual(['labeldrop']);
    act(() => designerStore.getState().undo());
    expect(edgeNow().writeRelabelConfigs).toHaveLength(2);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Remove rule 2' })));
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' })));
    expect(edgeNow()).not.toHaveProperty('writeRelabelConfigs');
  });
});
