/**
 * The preview of a Plan command: its parameters, what it does (parts, replicas, job: rules, moved
 * targets), the load before and after per affected server, and Apply (one undo step).
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { builtinCatalogs } from '../../../assets/catalogs/builtinCatalogs.ts';
import { hasErrors } from '../../../src/model/diagnostic.ts';
import type { GlobalSummary } from '../../../src/plan/global.ts';
import type { HaSummary } from '../../../src/plan/ha.ts';
import { loadChange, type LoadFigures } from '../../../src/plan/loadChange.ts';
import type { ReshardPreview } from '../../../src/plan/reshard.ts';
import type { SplitSummary } from '../../../src/plan/split.ts';
import { validateTopology } from '../../../src/validate/validateTopology.ts';
import { applyPlan, closePlan, planOutcome, planRequestStore, updatePlanParameters, type PlanKind, type PlanRequest } from '../../commands/planRequest.ts';
import { selectDocument } from '../../store/selectors.ts';
import { designerStore, useDesigner } from '../../store/useDesigner.ts';
import { formatBytes, formatCount, formatRate } from '../format.ts';
import { Modal } from '../shared/Modal.tsx';
import './plan.css';

const TITLES: Record<PlanKind, string> = {
  split: 'Split this server',
  ha: 'Make HA',
  global: 'Add a global over these leaves',
  reshard: 'Change shard count',
};

/** How many moved targets the preview lists (the count is always complete). */
const MOVED_SHOWN = 200;

export function PlanDialog() {
  const request = useStore(planRequestStore, (s) => s.request);
  if (!request) return null;
  return <PlanPreview request={request} />;
}

function PlanPreview({ request }: { request: PlanRequest }) {
  const document = useDesigner(selectDocument);
  const outcome = useMemo(() => planOutcome(document, request, builtinCatalogs), [document, request]);
  const rows = useMemo(() => (outcome.ok ? loadChange(document, outcome.topology, builtinCatalogs) : []), [document, outcome]);
  const errors = useMemo(() => (outcome.ok ? validateTopology(outcome.topology).filter((d) => d.severity === 'error') : []), [outcome]);
  const names = request.servers.map((id) => document.nodes.find((n) => n.id === id)?.name ?? id).join(', ');
  const canApply = outcome.ok && !hasErrors(errors);
  const apply = () => {
    const done = applyPlan(designerStore, request, builtinCatalogs);
    if (done.ok) {
      designerStore.getState().notify(`${TITLES[request.kind]}: ${names} (Undo reverts it)`);
      closePlan();
    }
  };
  return (
    <Modal
      title={`${TITLES[request.kind]}: ${names || 'no server selected'}`}
      onClose={closePlan}
      testId="plan-dialog"
      wide
      actions={
        <>
          <button type="button" onClick={closePlan}>Cancel</button>
          <button type="button" className="ptp-primary" data-testid="plan-apply" disabled={!canApply} onClick={apply}>Apply</button>
        </>
      }
    >
      <Parameters request={request} />
      {!outcome.ok && <p className="ptp-plan-error" role="alert" data-testid="plan-error">{outcome.error}</p>}
      {outcome.ok && <Summary kind={request.kind} summary={outcome.summary} />}
      {outcome.ok && outcome.notes.length > 0 && (
        <ul className="ptp-plan-notes">{outcome.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      )}
      {errors.length > 0 && (
        <ul className="ptp-plan-error" role="alert">{errors.map((d) => <li key={`${d.code}${d.message}`}>{d.message}</li>)}</ul>
      )}
      {outcome.ok && request.kind !== 'reshard' && <LoadTable rows={rows} />}
    </Modal>
  );
}

function NumberInput({ label, value, min, onChange, testId }: { label: string; value: number; min: number; onChange: (v: number) => void; testId: string }) {
  return (
    <label className="ptp-field-label">
      {label}
      <input type="number" min={min} step={1} value={value} data-testid={testId} data-autofocus
        onChange={(e) => { const v = Number(e.target.value); if (Number.isInteger(v)) onChange(v); }} />
    </label>
  );
}

function Parameters({ request }: { request: PlanRequest }) {
  const p = request.parameters;
  switch (request.kind) {
    case 'split':
      return (
        <div className="ptp-plan-params">
          <NumberInput label="Into servers" value={p.into} min={2} onChange={(into) => updatePlanParameters({ into })} testId="plan-into" />
          <label className="ptp-field-label">
            By
            <select value={p.method} data-testid="plan-method" onChange={(e) => updatePlanParameters({ method: e.target.value === 'hashmod' ? 'hashmod' : 'job' })}>
              <option value="job">job (target groups, balanced by predicted series)</option>
              <option value="hashmod">hashmod of __address__ (shards)</option>
            </select>
          </label>
        </div>
      );
    case 'ha':
      return (
        <div className="ptp-plan-params">
          <NumberInput label="Replicas" value={p.replicas} min={2} onChange={(replicas) => updatePlanParameters({ replicas })} testId="plan-replicas" />
          <label className="ptp-field-label">
            <span><input type="checkbox" checked={p.grafanaFailover} data-testid="plan-grafana-failover" onChange={(e) => updatePlanParameters({ grafanaFailover: e.target.checked })} /> Grafana failover: a data source per replica</span>
          </label>
        </div>
      );
    case 'global':
      return (
        <div className="ptp-plan-params">
          <label className="ptp-field-label">
            Series to aggregate (metric names, comma-separated, or auto)
            <input type="text" value={p.series} spellCheck={false} data-testid="plan-series" data-autofocus onChange={(e) => updatePlanParameters({ series: e.target.value })} />
          </label>
        </div>
      );
    case 'reshard':
      return <div className="ptp-plan-params"><NumberInput label="Shards" value={p.shards} min={1} onChange={(shards) => updatePlanParameters({ shards })} testId="plan-shards" /></div>;
  }
}

function Summary({ kind, summary }: { kind: PlanKind; summary: unknown }) {
  switch (kind) {
    case 'split': {
      const s = summary as SplitSummary;
      if (s.method === 'hashmod') return <p data-testid="plan-summary">{s.server} becomes {s.parts.length} hashmod shards of __address__; its edges reach every shard.</p>;
      return (
        <ul data-testid="plan-summary">
          {s.parts.map((p) => <li key={p.id}><strong>{p.name}</strong>: {p.targetGroups.join(', ')} ({formatCount(p.predictedSeries)} predicted series)</li>)}
          <li>{s.edgesAdded} edge(s) added so federation, alerts and Grafana follow every part.</li>
        </ul>
      );
    }
    case 'ha': {
      const s = summary as HaSummary;
      return <p data-testid="plan-summary">{s.server}: {s.replicas} replicas ({s.addresses.join(', ')}), told apart by <code>{s.replicaLabel}</code>, dropped from alerts so {s.alertmanagers.join(', ') || 'the Alertmanager'} deduplicates them.</p>;
    }
    case 'global': {
      const s = summary as GlobalSummary;
      return (
        <div data-testid="plan-summary">
          <p>{s.global} federates {s.leaves.length} leaf/leaves. Federated series on the global: <strong data-testid="plan-series-before" data-value={s.seriesBefore}>{formatCount(s.seriesBefore)}</strong> pulling everything, <strong data-testid="plan-series-after" data-value={s.seriesAfter}>{formatCount(s.seriesAfter)}</strong> with the job: series only.</p>
          <ul>{s.leaves.map((l) => <li key={l.leaf}><strong>{l.leaf}</strong> ({l.added} rule(s) added): <code>{l.records.join(', ')}</code></li>)}</ul>
        </div>
      );
    }
    case 'reshard': {
      const s = summary as ReshardPreview;
      return (
        <div data-testid="plan-summary">
          <p data-testid="plan-moved">{s.server}: {s.fromShards} → {s.toShards} shards moves <strong>{s.moved.length} of {s.targets} targets ({(s.movedFraction * 100).toFixed(1)}%)</strong>.</p>
          <ul>{s.consequences.map((c) => <li key={c}>{c}</li>)}</ul>
          {s.moved.length > 0 && (
            <div className="ptp-plan-moved" tabIndex={0} role="region" aria-label="Targets that move">
              <table>
                <thead><tr><th>target group</th><th>target</th><th>from</th><th>to</th></tr></thead>
                <tbody>{s.moved.slice(0, MOVED_SHOWN).map((m) => <tr key={`${m.group}/${m.target}`}><td>{m.group}</td><td>{m.target}</td><td>{m.from}</td><td>{m.to}</td></tr>)}</tbody>
              </table>
              {s.moved.length > MOVED_SHOWN && <p>… and {s.moved.length - MOVED_SHOWN} more</p>}
            </div>
          )}
        </div>
      );
    }
  }
}

function cells(f: LoadFigures | undefined) {
  if (!f) return <><td>–</td><td>–</td><td>–</td></>;
  return <><td>{formatCount(f.activeSeries)}</td><td>{formatRate(f.samplesPerSecond)}</td><td>{formatBytes(f.memoryBytes)}</td></>;
}

function LoadTable({ rows }: { rows: ReturnType<typeof loadChange> }) {
  if (rows.length === 0) return <p>No server's load changes.</p>;
  return (
    <table className="ptp-plan-load" data-testid="plan-load">
      <caption>Load per affected server (all instances), before → after</caption>
      <thead>
        <tr><th scope="col">server</th><th scope="col">series</th><th scope="col">samples/s</th><th scope="col">memory</th><th scope="col">series after</th><th scope="col">samples/s after</th><th scope="col">memory after</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-server={r.name}>
            <th scope="row">{r.previousName ? `${r.previousName} → ${r.name}` : r.name}</th>
            {cells(r.before)}
            {cells(r.after)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
