/**
 * Live: the generated health rules (settings.healthRules) watch the chain for real. A leaf scrapes a
 * real node_exporter and is federated by a global, both from the bundle's own run files (1s
 * intervals, so `for:` is 3s). Stopping node_exporter fires PromTopoScrapeJobDown on the leaf;
 * stopping the leaf fires PromTopoFederationSourceDown at the global.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, query, waitFor, waitReady } from './support/http.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup, stopProcess, type LiveProcess } from './support/processes.ts';
import { federation, scrape, server, targets, topology } from './support/topology.ts';

const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

interface RulesResponse { data: { groups: { name: string; rules: { name: string; health: string }[] }[] } }

const firing = (alert: string) => `ALERTS{alertname="${alert}", alertstate="firing"}`;

describe('health of the chain, live', () => {
  let leaf = '';
  let global = '';
  let exporter: LiveProcess | undefined;
  let leafProcess: LiveProcess | undefined;
  beforeAll(async () => {
    const [exporterPort, leafPort, globalPort] = await freePorts(3);
    leaf = `127.0.0.1:${leafPort}`;
    global = `127.0.0.1:${globalPort}`;
    const t = topology('live health', [
      targets('node', [`127.0.0.1:${exporterPort}`]),
      server('leaf-dc1', 'leaf', leaf, { externalLabels: { dc: 'dc1' }, scrapeSelf: true,
        ruleGroups: [{ name: 'job-aggregates', rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] }] }),
      server('global', 'global', global, { scrapeSelf: true }),
    ], [scrape('leaf-dc1', 'node'), federation('global', 'leaf-dc1', ['{__name__=~"job:.*"}'])]);
    const bundle = await exportForLiveTest({ ...t, settings: { healthRules: true } }, group.dir);
    exporter = group.startNodeExporter(exporterPort ?? 0);
    leafProcess = group.startRunFile(join(bundle, 'prometheus/leaf-dc1/run.sh'), 'leaf-dc1');
    group.startRunFile(join(bundle, 'prometheus/global/run.sh'), 'global');
    try {
      await waitReady(leaf);
      await waitReady(global);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }
  }, 120_000);

  it('both servers load the promtopo-health group and every rule is healthy', async () => {
    for (const [address, expected] of [[leaf, ['PromTopoScrapeJobDown', 'PromTopoRuleEvaluationFailures']], [global, ['PromTopoFederationSourceDown', 'PromTopoScrapeJobDown', 'PromTopoRuleEvaluationFailures']]] as const) {
      const rules = await waitFor(`health rules evaluated on ${address}`, async () => {
        const r = await getJson<RulesResponse>(`http://${address}/api/v1/rules`);
        const g = r.data.groups.find((x) => x.name === 'promtopo-health');
        return g && g.rules.every((x) => x.health === 'ok') ? g.rules : undefined;
      });
      expect(rules.map((x) => x.name)).toEqual(expected.filter((name) => address === leaf || name !== 'PromTopoScrapeJobDown'));
    }
    // While everything runs, nothing of the group fires.
    await waitFor('the global federating the leaf', async () => ((await query(global, 'up{job="federate-leaf-dc1"} == 1')).length === 1 ? true : undefined));
    expect(await query(global, 'ALERTS{promtopo="health"}')).toEqual([]);
    expect(await query(leaf, 'ALERTS{promtopo="health"}')).toEqual([]);
  }, 120_000);

  it('stopping node_exporter fires PromTopoScrapeJobDown on the leaf for job node', async () => {
    if (!exporter) throw new Error('node_exporter was not started');
    await stopProcess(exporter);
    const alerts = await waitFor('PromTopoScrapeJobDown firing on the leaf', async () => {
      const r = await query(leaf, firing('PromTopoScrapeJobDown'));
      return r.length > 0 ? r : undefined;
    }, 60_000);
    expect(alerts.map((a) => a.metric.job)).toEqual(['node']);
  }, 90_000);

  it('stopping the leaf fires PromTopoFederationSourceDown at the global, naming the leaf', async () => {
    if (!leafProcess) throw new Error('the leaf was not started');
    await stopProcess(leafProcess);
    const alerts = await waitFor('PromTopoFederationSourceDown firing at the global', async () => {
      const r = await query(global, firing('PromTopoFederationSourceDown'));
      return r.length > 0 ? r : undefined;
    }, 60_000);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.metric).toMatchObject({ job: 'federate-leaf-dc1', instance: leaf, source: 'leaf-dc1', severity: 'warning' });
  }, 90_000);
});
