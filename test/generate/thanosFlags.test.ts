/**
 * Thanos and Mimir cannot be installed on this machine, so the Thanos command lines of a bundle are
 * checked against the flags Thanos documents (thanos.io/v0.30/components/sidecar.md and query.md,
 * "Flags" sections), and the remote-write URLs against each store's documented ingest path.
 */
import { describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { edgeCases } from './cases.ts';

const DOCUMENTED: Record<string, readonly string[]> = {
  sidecar: ['--tsdb.path', '--prometheus.url', '--grpc-address', '--http-address', '--objstore.config-file', '--reloader.config-file', '--shipper.upload-compacted'],
  query: ['--http-address', '--grpc-address', '--endpoint', '--query.replica-label', '--store', '--query.timeout'],
};

const theCase = edgeCases().find((c) => c.name === 'remote-write-stores-and-querier');
if (!theCase) throw new Error('the edge case remote-write-stores-and-querier is missing');
const bundle = generateBundle(theCase.topology);

/** The subcommand and flags of a run file's `exec "$THANOS_BIN"` line and its continuation lines. */
function thanosCommand(text: string): { command: string; flags: string[] } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('exec "$THANOS_BIN"'));
  if (start < 0) throw new Error('no exec "$THANOS_BIN" line');
  const args = lines.slice(start + 1).map((l) => l.trim().replace(/ \\$/, '')).filter((l) => l && l !== '"$@"');
  return { command: args[0] ?? '', flags: args.slice(1).map((a) => a.split('=')[0] ?? a) };
}

describe('Thanos command lines use documented flags only', () => {
  const runFiles = bundle.files.filter((f) => f.path.endsWith('thanos-sidecar.sh') || f.path.startsWith('thanos-query/'));
  it('the case writes sidecars and a querier', () => {
    expect(runFiles.filter((f) => f.path.endsWith('thanos-sidecar.sh'))).toHaveLength(4);
    expect(runFiles.filter((f) => f.path.startsWith('thanos-query/'))).toHaveLength(1);
  });
  it.each(runFiles.map((f) => [f.path, f.contents] as const))('%s', (_path, contents) => {
    const { command, flags } = thanosCommand(contents);
    expect(Object.keys(DOCUMENTED)).toContain(command);
    expect(flags.filter((f) => !DOCUMENTED[command]!.includes(f))).toEqual([]);
  });
  it('no two sidecars on one host share a port, and the querier reads every one of them', () => {
    const endpoints = bundle.files.filter((f) => f.path.endsWith('thanos-sidecar.sh'))
      .map((f) => /--grpc-address=(\S+)/.exec(f.contents)?.[1]);
    expect(new Set(endpoints).size).toBe(4);
    const query = bundle.files.find((f) => f.path.startsWith('thanos-query/'))!.contents;
    expect(query.match(/--endpoint=/g)).toHaveLength(5); // 4 sidecars + the Thanos Receive
  });
});

describe('remote_write URLs use each store\'s documented ingest path', () => {
  const configs = bundle.files.filter((f) => f.path.endsWith('prometheus.yml')).map((f) => f.contents).join('\n');
  it.each([
    ['Mimir distributor', 'http://mimir:8080/api/v1/push'],
    ['Thanos Receive', 'http://receive:19291/api/v1/receive'],
    ['VictoriaMetrics', 'http://vm:8428/api/v1/write'],
  ])('%s: %s', (_what, url) => {
    expect(configs).toContain(`- url: ${url}\n`);
  });
});
