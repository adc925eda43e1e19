import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTopology, remoteWriteEdge, scrapeEdge, server, targets } from '../../src/generate/testBuilders.ts';
import type { QueueConfig } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';

const withQueue = (queueConfig: Record<string, unknown>) => makeTopology([
  server('agent', { mode: 'agent', externalLabels: { dc: 'eu' } }),
  targets('node', ['node-1:9100']),
  server('central', { role: 'global', remoteWriteReceiver: true }),
], [scrapeEdge('agent', 'node'), remoteWriteEdge('agent', 'central', { queueConfig })]);

/**
 * Prometheus' own remote-write queue test files (config/testdata/remote_write_queue_*.bad.yml): each
 * queue_config, read into an edge, gives remote-write/queue-invalid with Prometheus' own message
 * (EXPECTED_ERRORS.tsv).
 */
describe('Prometheus\' remote_write_queue_*.bad.yml', () => {
  const dir = join(import.meta.dirname, '../../../shared/testdata/prometheus-config');
  const files = readdirSync(dir).filter((f) => /^remote_write_queue_.*\.bad\.yml$/.test(f)).sort();
  const expected = new Map(readFileSync(join(dir, 'EXPECTED_ERRORS.tsv'), 'utf8').split('\n').map((l) => l.split('\t') as [string, string]));
  it('found the files', () => expect(files.length).toBeGreaterThanOrEqual(6));
  const camel: Record<string, keyof QueueConfig> = { capacity: 'capacity', min_shards: 'minShards', max_shards: 'maxShards', max_samples_per_send: 'maxSamplesPerSend', batch_send_deadline: 'batchSendDeadline', min_backoff: 'minBackoff', max_backoff: 'maxBackoff' };
  it.each(files)('%s', (file) => {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as { remote_write: { queue_config: Record<string, unknown> }[] };
    const queueConfig = Object.fromEntries(Object.entries(doc.remote_write[0]!.queue_config).map(([k, v]) => [camel[k], v]));
    const diags = validateTopology(withQueue(queueConfig)).filter((d) => d.code === 'remote-write/queue-invalid');
    expect(diags.map((d) => d.message).join('\n')).toContain(expected.get(file));
  });
});
