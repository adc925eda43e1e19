// The run files under a real /bin/sh: which binary they pick, the exact command line they exec, and
// the message when no binary is found. `echo` stands in for the program, so nothing is started.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { alertmanager, makeTopology, server } from '../../src/generate/testBuilders.ts';
import { requireTool, writeBundleToTempDir } from './support.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const t = makeTopology([
  server('prom-eu', { address: '127.0.0.1:19090', retention: '3d', ha: { replicas: 2 } }),
  alertmanager('am', [], { instances: [{ address: '127.0.0.1:19093', clusterAddress: '127.0.0.1:19094' }, { address: '127.0.0.1:19095', clusterAddress: '127.0.0.1:19096' }] }),
]);
const bundleDir = writeBundleToTempDir(generateBundle(t), 'promtopo-runfiles-');
dirs.push(bundleDir);
/** The echo program (not the shell builtin): it stands in for prometheus/alertmanager. */
const echo = ['/usr/bin/echo', '/bin/echo'].find((p) => existsSync(p)) ?? requireTool(['echo-not-found'], 'coreutils');
const dirnameTool = requireTool(['dirname'], 'coreutils');

function runScript(path: string, env: Record<string, string>, args: string[] = []) {
  const r = spawnSync('/bin/sh', [join(bundleDir, path), ...args], { encoding: 'utf8', env, cwd: tmpdir() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('run files under /bin/sh', () => {
  it('exec $PROMETHEUS_BIN with the documented flags, from their own folder, passing extra arguments on', () => {
    const r = runScript('prometheus/prom-eu-b/run.sh', { PATH: process.env.PATH ?? '', PROMETHEUS_BIN: echo }, ['--log.level=debug']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split(' ')).toEqual([
      '--config.file=prometheus.yml', '--storage.tsdb.path=./data', '--storage.tsdb.retention.time=3d',
      '--web.listen-address=127.0.0.1:19091', '--web.enable-lifecycle', '--log.level=debug',
    ]);
  });

  it('take the data folder from $PROMTOPO_DATA_DIR', () => {
    const r = runScript('prometheus/prom-eu-a/run.sh', { PATH: process.env.PATH ?? '', PROMETHEUS_BIN: echo, PROMTOPO_DATA_DIR: '/srv/prom a' });
    expect(r.stdout).toContain('--storage.tsdb.path=/srv/prom a --storage');
  });

  it('exec $ALERTMANAGER_BIN with the cluster flags', () => {
    const r = runScript('alertmanager/am/run-2.sh', { PATH: process.env.PATH ?? '', ALERTMANAGER_BIN: echo });
    expect(r.stdout.trim().split(' ')).toEqual([
      '--config.file=alertmanager.yml', '--storage.path=./data-2', '--web.listen-address=127.0.0.1:19095',
      '--cluster.listen-address=127.0.0.1:19096', '--cluster.advertise-address=127.0.0.1:19096', '--cluster.peer=127.0.0.1:19094',
    ]);
  });

  it.each([
    ['prometheus/prom-eu-a/run.sh', /run\.sh: prometheus not found on PATH: install it or set PROMETHEUS_BIN/],
    ['alertmanager/am/run-1.sh', /run-1\.sh: alertmanager or prometheus-alertmanager not found on PATH: install it or set ALERTMANAGER_BIN/],
  ])('%s says what to install when no binary is on PATH (exit 127)', (path, message) => {
    const bin = mkdtempSync(join(tmpdir(), 'promtopo-path-'));
    dirs.push(bin);
    symlinkSync(dirnameTool, join(bin, 'dirname'));
    const r = runScript(path, { PATH: bin });
    expect(r.status).toBe(127);
    expect(r.stderr).toMatch(message);
  });

  it('pick Debian\'s prometheus-alertmanager when alertmanager is not on PATH', () => {
    const bin = mkdtempSync(join(tmpdir(), 'promtopo-path-'));
    dirs.push(bin);
    symlinkSync(dirnameTool, join(bin, 'dirname'));
    symlinkSync(echo, join(bin, 'prometheus-alertmanager'));
    const r = runScript('alertmanager/am/run-1.sh', { PATH: bin });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('--cluster.peer=127.0.0.1:19096');
  });
});
