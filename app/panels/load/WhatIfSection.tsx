/**
 * Load panel, failure what-if: mark a data centre down (each `dc` external label value), and what
 * loses data then: servers down or covered by an HA replica, series lost, target groups, federation
 * edges, rules, alert routes and Grafana data sources. Each toggle is one undo step.
 */
import { dataCentres } from '../../../src/whatif/downMarks.ts';
import { downMarks, setDown } from '../../../src/whatif/whatIfEdits.ts';
import { selectDocument } from '../../store/selectors.ts';
import { designerStore, useDesigner } from '../../store/useDesigner.ts';
import { formatCount } from '../format.ts';
import { useFailureImpact } from './useCapacity.ts';

export function WhatIfSection() {
  const document = useDesigner(selectDocument);
  const impact = useFailureImpact();
  const dcs = dataCentres(document);
  const marks = downMarks(document);
  const toggle = (mark: string, down: boolean) => designerStore.getState().apply((t) => setDown(t, mark, down));
  return (
    <section aria-label="Failure what-if" data-testid="load-whatif">
      <h3 className="ptp-subheading">Failure what-if</h3>
      {dcs.length === 0 && marks.length === 0 ? (
        <p className="ptp-muted">No server has a <code>dc</code> external label. Mark a server down in its inspector.</p>
      ) : null}
      {dcs.map((dc) => (
        <label key={dc} className="ptp-check-label">
          <input type="checkbox" checked={marks.includes(`dc=${dc}`)} onChange={(e) => toggle(`dc=${dc}`, e.target.checked)} />{' '}
          Data centre {dc} down
        </label>
      ))}
      {impact ? (
        <div data-testid="whatif-impact">
          <p className="ptp-bottleneck ptp-heat-hot" data-testid="whatif-summary">
            Down: {impact.marks.join(', ')}. {formatCount(impact.seriesLost)} series lost
            {impact.servers.some((s) => s.state === 'covered') ? `; covered by HA: ${impact.servers.filter((s) => s.state === 'covered').map((s) => `${s.name} (${s.coveredBy.join(', ')})`).join(', ')}` : ''}.
          </p>
          <ul className="ptp-whatif-list">
            {impact.unmatched.map((m) => <li key={`u-${m}`}>“{m}” names nothing in this document</li>)}
            {impact.servers.map((s) => <li key={`s-${s.id}`} data-kind="server">Server {s.name}: {s.state}{s.coveredBy.length > 0 ? `, covered by ${s.coveredBy.join(', ')}` : ''}; {formatCount(s.seriesLost)} series lost</li>)}
            {impact.targetGroups.map((g) => <li key={`g-${g.id}`} data-kind="targets">Targets {g.name}: {g.state === 'lost' ? 'no longer scraped' : 'partly not scraped'}</li>)}
            {impact.federation.map((f) => <li key={`f-${f.edge}`} data-kind="federation">Federation {f.server} ← {f.source}: {f.reason}</li>)}
            {impact.rules.map((r) => <li key={`r-${r.server}-${r.group}-${r.rule}`} data-kind="rule">{r.kind === 'alerting' ? 'Alert' : 'Rule'} {r.rule} on {r.server}: {r.reason}</li>)}
            {impact.alerting.map((a) => <li key={`a-${a.server}`} data-kind="alerting">Alerts of {a.server}: {a.reason}</li>)}
            {impact.dashboards.map((d) => <li key={`d-${d.grafana}-${d.server}`} data-kind="dashboard">Dashboards of {d.grafana} on {d.server}: {d.reason}</li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
