// Live: a two-instance Alertmanager cluster on 127.0.0.1, started from the bundle's own run files
// (run-1.sh, run-2.sh), forms: each instance reports both peers. Processes are stopped by pid, always.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { alertmanager, makeTopology } from '../../src/generate/testBuilders.ts';
import { requireTool, writeBundleToTempDir } from './support.ts';

requireTool(['alertmanager', 'prometheus-alertmanager'], 'prometheus-alertmanager');

/** A port that was free a moment ago (bound to port 0 on 127.0.0.1, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

/** SIGTERM by pid, then SIGKILL if it has not exited within 3 s (Alertmanager may wait for gossip to settle). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => { if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL'); }, 3000);
  await exited;
  clearTimeout(timer);
}

afterAll(async () => {
  await Promise.all(children.map(stop));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Status { cluster?: { status: string; peers: { address: string }[] } }

async function status(webPort: number): Promise<Status | undefined> {
  try {
    const r = await fetch(`http://127.0.0.1:${webPort}/api/v2/status`);
    return r.ok ? ((await r.json()) as Status) : undefined;
  } catch {
    return undefined;
  }
}

describe('Alertmanager cluster from the run files', () => {
  it('forms on 127.0.0.1: each instance sees both peers', async () => {
    const [web1, gossip1, web2, gossip2] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const t = makeTopology([alertmanager('am', [], { instances: [
      { address: `127.0.0.1:${web1}`, clusterAddress: `127.0.0.1:${gossip1}` },
      { address: `127.0.0.1:${web2}`, clusterAddress: `127.0.0.1:${gossip2}` },
    ] })]);
    const dir = writeBundleToTempDir(generateBundle(t), 'promtopo-am-');
    dirs.push(dir);
    const logs: string[] = ['', ''];
    try {
      for (const [i, name] of ['run-1.sh', 'run-2.sh'].entries()) {
        const child = spawn(join(dir, 'alertmanager/am', name), [], {
          env: { ...process.env, PROMTOPO_DATA_DIR: join(dir, `data-${i}`) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout?.on('data', (b: Buffer) => { logs[i] += b.toString(); });
        child.stderr?.on('data', (b: Buffer) => { logs[i] += b.toString(); });
        children.push(child);
      }
      let peers: number[] = [];
      for (let attempt = 0; attempt < 60; attempt++) {
        const s = await Promise.all([status(web1), status(web2)]);
        peers = s.map((x) => x?.cluster?.peers.length ?? 0);
        if (peers.every((n) => n === 2)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(peers, `alertmanager logs:\n${logs.join('\n----\n')}`).toEqual([2, 2]);
      const s1 = await status(web1);
      expect(s1?.cluster?.peers.map((p) => p.address).sort()).toEqual([`127.0.0.1:${gossip1}`, `127.0.0.1:${gossip2}`].sort());
    } finally {
      await Promise.all(children.map(stop));
    }
  });
});
