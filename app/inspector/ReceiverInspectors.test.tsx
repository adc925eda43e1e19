// @vitest-environment happy-dom
// Receiver, querier and sidecar fields mounted in a DOM (happy-dom) against the real designer store:
// each edit is one undo step on the document.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTopology, querier, receiver, server } from '../../src/generate/testBuilders.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { PrometheusInspector } from './PrometheusInspector.tsx';
import { QuerierInspector, ReceiverInspector } from './ReceiverInspectors.tsx';

afterEach(cleanup);

function node(id: string) {
  const n = designerStore.getState().document.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

function Harness({ id }: { id: string }) {
  const n = useDesigner((s) => s.document.nodes.find((x) => x.id === id));
  if (n?.kind === 'mimir' || n?.kind === 'thanos-receive' || n?.kind === 'victoriametrics') return <ReceiverInspector node={n} />;
  if (n?.kind === 'thanos-querier') return <QuerierInspector node={n} />;
  if (n?.kind === 'prometheus') return <PrometheusInspector node={n} />;
  return null;
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
  const t = makeTopology([
    server('leaf', { thanosSidecar: { grpcPort: 10901, httpPort: 10902 } }),
    receiver('mimir', 'mimir', 'mimir:8080'),
    receiver('recv', 'thanos-receive', 'recv:19291'),
    querier('q', 'q:10902'),
  ]);
  act(() => designerStore.getState().loadDocument(t, null));
});

describe('receiver inspector', () => {
  it('sets tenant and the dedup labels of a Mimir, each as one undo step', () => {
    render(<Harness id="mimir" />);
    edit('Tenant (X-Scope-OrgID)', 'team-a');
    edit('Dedup replica label', 'replica');
    edit('Dedup cluster label', 'cluster');
    expect(node('mimir')).toMatchObject({ tenant: 'team-a', dedup: { replicaLabel: 'replica', clusterLabel: 'cluster' } });
    act(() => designerStore.getState().undo());
    expect(node('mimir')).toMatchObject({ dedup: { replicaLabel: 'replica' } });
    edit('Dedup replica label', '');
    expect(node('mimir')).not.toHaveProperty('dedup');
  });

  it('offers no ingest dedup on a Thanos Receive (a querier deduplicates it)', () => {
    render(<Harness id="recv" />);
    expect(screen.queryByLabelText('Dedup replica label')).toBeNull();
    edit('Address', 'recv-1:19291');
    expect(node('recv')).toMatchObject({ address: 'recv-1:19291' });
  });
});

describe('querier inspector', () => {
  it('reads replica labels as a list', () => {
    render(<Harness id="q" />);
    edit('Replica labels', 'replica, prometheus_replica');
    expect(node('q')).toMatchObject({ replicaLabels: ['replica', 'prometheus_replica'] });
  });
});

describe('Thanos sidecar ports', () => {
  it('edits the gRPC port and keeps the HTTP port', () => {
    render(<Harness id="leaf" />);
    edit('Sidecar gRPC port', '10911');
    expect(node('leaf')).toMatchObject({ thanosSidecar: { grpcPort: 10911, httpPort: 10902 } });
  });
});
