import { describe, expect, it } from 'vitest';
import { isRecordingRule, type AlertingRule, type Topology } from '../model/types.ts';
import { generateBundle } from './generateBundle.ts';
import { HEALTH_GROUP, healthRuleGroup, withHealthRules } from './healthRules.ts';
import { alertmanager, federationEdge, makeTopology, scrapeEdge, server, targets } from './testBuilders.ts';

function chain(healthRules?: boolean): Topology {
  return makeTopology([
    targets('node', ['node-1:9100', 'node-2:9100'], { scrapeInterval: '30s' }),
    targets('am-scrape', ['am-1:9093', 'am-2:9093']),
    server('leaf-dc1', { externalLabels: { dc: 'dc1' }, scrapeSelf: true }),
    server('leaf-dc2', { externalLabels: { dc: 'dc2' } }),
    server('global', { role: 'global', scrapeSelf: true }),
    alertmanager('am', ['am-1:9093', 'am-2:9093']),
  ], [
    scrapeEdge('leaf-dc1', 'node'),
    scrapeEdge('leaf-dc1', 'am-scrape'),
    federationEdge('global', 'leaf-dc1', ['{__name__=~"job:.*"}'], { scrapeInterval: '1m' }),
    federationEdge('global', 'leaf-dc2', ['{__name__=~"job:.*"}'], { jobName: 'federate-dc2' }),
  ], healthRules === undefined ? {} : { settings: { healthRules } });
}

const server0 = (t: Topology, id: string) => {
  const s = t.nodes.find((n) => n.id === id);
  if (s?.kind !== 'prometheus') throw new Error(id);
  return s;
};

const alerts = (t: Topology, id: string) => (healthRuleGroup(t, server0(t, id))?.rules ?? []).filter((r): r is AlertingRule => !isRecordingRule(r));

describe('health rules', () => {
  it('the global watches each federation job, three of its intervals long', () => {
    const t = chain();
    expect(alerts(t, 'global').filter((r) => r.alert === 'PromTopoFederationSourceDown').map((r) => [r.expr, r.for])).toEqual([
      ['up{job="federate-dc2"} == 0', '45s'],
      ['up{job="federate-leaf-dc1"} == 0', '180s'],
    ]);
  });

  it('a leaf watches its scrape jobs, its rule evaluation, and the Alertmanager cluster it scrapes', () => {
    const t = chain();
    const r = alerts(t, 'leaf-dc1');
    expect(r.map((x) => x.alert)).toEqual(['PromTopoScrapeJobDown', 'PromTopoRuleEvaluationFailures', 'PromTopoAlertmanagerClusterSize']);
    expect(r[0]?.expr).toBe('sum by (job) (up{job=~"am-scrape|node"}) == 0');
    expect(r[0]?.for).toBe('90s');
    expect(r[1]?.expr).toBe('increase(prometheus_rule_evaluation_failures_total{job="prometheus"}[5m]) > 0');
    expect(r[2]?.expr).toBe('alertmanager_cluster_members{job="am-scrape"} < 2');
    for (const x of r) expect(x.labels).toMatchObject({ severity: 'warning', promtopo: 'health' });
    expect(r[2]?.labels?.alertmanager).toBe('am');
    expect(alerts(t, 'global').filter((x) => x.alert === 'PromTopoFederationSourceDown').map((x) => x.labels?.source)).toEqual(['leaf-dc2', 'leaf-dc1']);
  });

  it('a server without self-scrape, scrape or federation jobs watches nothing', () => {
    expect(healthRuleGroup(chain(), server0(chain(), 'leaf-dc2'))).toBeUndefined();
  });

  it('regex metacharacters of job names are escaped in the alternation', () => {
    const t = makeTopology([targets('a.b', ['x:1']), server('s')], [scrapeEdge('s', 'a.b')]);
    expect(alerts(t, 's')[0]?.expr).toBe('sum by (job) (up{job=~"a\\\\.b"}) == 0');
  });

  it('are added to the bundle only with settings.healthRules, and the saved design is left as it was', () => {
    expect(withHealthRules(chain())).toEqual(chain());
    const off = generateBundle(chain(false));
    const on = generateBundle(chain(true));
    expect(off.files.some((f) => f.contents.includes(HEALTH_GROUP))).toBe(false);
    const rules = on.files.find((f) => f.path === 'prometheus/global/rules.yml')?.contents ?? '';
    expect(rules).toContain(`name: ${HEALTH_GROUP}`);
    expect(rules).toContain('alert: PromTopoFederationSourceDown');
    expect(on.files.find((f) => f.path === 'prometheus/global/prometheus.yml')?.contents).toMatch(/rule_files:\n\s+- rules\.yml/);
    const saved = on.files.find((f) => f.path === 'topology.promtopo.json')?.contents ?? '';
    expect(saved).not.toContain(HEALTH_GROUP);
    expect(saved).toContain('"healthRules": true');
  });
});
