/**
 * Live: a server split into hashmod shards scrapes several real node_exporters; each target is
 * scraped (`up == 1`) by exactly the shard PromTopo predicted offline (model/hashmod.ts assignShards)
 * and by no other. Started from the bundle's own run files.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assignShards } from '../../src/model/hashmod.ts';
import type { PrometheusNode, TargetGroupNode } from '../../src/model/types.ts';
import { exportForLiveTest } from './support/bundle.ts';
import { query, waitFor, waitReady } from './support/http.ts';
import { freePorts } from './support/ports.ts';
import { ProcessGroup } from './support/processes.ts';
import { scrape, server, targets, topology } from './support/topology.ts';

const SHARDS = 2;
const group = new ProcessGroup();
afterAll(() => group.stopAll(), 30_000);

/** Node exporter addresses on free ports, chosen so that every shard gets at least one target. */
async function shardedTargets(): Promise<string[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const addresses = (await freePorts(4)).map((p) => `127.0.0.1:${p}`);
    const t = layout(addresses, ['127.0.0.1:1', '127.0.0.1:2']);
    const shards = new Set(prediction(t).values());
    if (shards.size === SHARDS) return addresses;
  }
  throw new Error('could not find free ports that spread over every shard');
}

function layout(exporters: readonly string[], shardAddresses: readonly string[]) {
  return topology('live hashmod', [
    targets('node', exporters),
    server('sharded', 'shard', shardAddresses[0] ?? '', {
      hashmod: { shards: SHARDS },
      instanceAddresses: [...shardAddresses],
      externalLabels: { cluster: 'live' },
    }),
  ], [scrape('sharded', 'node')]);
}

function prediction(t: ReturnType<typeof layout>): Map<string, number> {
  const srv = t.nodes.find((n) => n.kind === 'prometheus') as PrometheusNode;
  const grp = t.nodes.find((n) => n.kind === 'targets') as TargetGroupNode;
  return assignShards(srv, grp);
}

describe('hashmod shards, live', () => {
  it('every target is scraped by exactly the predicted shard', async () => {
    const exporters = await shardedTargets();
    const shardAddresses = (await freePorts(SHARDS)).map((p) => `127.0.0.1:${p}`);
    const t = layout(exporters, shardAddresses);
    const predicted = prediction(t);
    expect(predicted.size).toBe(exporters.length);

    const bundle = await exportForLiveTest(t, group.dir);
    for (const address of exporters) group.startNodeExporter(Number(address.split(':')[1]));
    for (let shard = 0; shard < SHARDS; shard++) group.startRunFile(join(bundle, `prometheus/sharded-shard-${shard}/run.sh`), `shard-${shard}`);
    try {
      for (const address of shardAddresses) await waitReady(address);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${group.logs()}`);
    }

    for (let shard = 0; shard < SHARDS; shard++) {
      const address = shardAddresses[shard] ?? '';
      const expected = exporters.filter((e) => predicted.get(e) === shard).sort();
      const scraped = await waitFor(`shard ${shard} to scrape its ${expected.length} targets`, async () => {
        const up = await query(address, 'up{job="node"} == 1');
        return up.length >= expected.length ? up.map((s) => s.metric.instance ?? '').sort() : undefined;
      });
      expect(scraped, `shard ${shard} scrapes exactly the predicted targets`).toEqual(expected);
      // "By no other": the other targets are dropped by the keep rule, so they have no `up` at all here.
      const all = (await query(address, 'up{job="node"}')).map((s) => s.metric.instance ?? '').sort();
      expect(all).toEqual(expected);
    }
  }, 120_000);
});
