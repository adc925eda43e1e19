// Browser mode's host under attack, for real: the server over the real services on 127.0.0.1.
// Another account (uid 65534, when this runs as root) and this process without the token are
// refused and nothing is written; FIFOs and devices given as documents are refused while the server
// keeps serving; a file changed by another program, and Save As onto an existing file, are not
// overwritten without the confirmation. The CLI refuses the same inputs at once.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOperations } from '../../src/host-api.ts';
import { runCli } from '../../electron/cli/main.ts';
import { createHostHandlers, createNodeHostServices } from '../../electron/services/hostHandlers.ts';
import { TOKEN_HEADER, newApiToken } from '../../electron/web/apiToken.ts';
import { startWebServer } from '../../electron/web/server.ts';
import type { RunningWebServer } from '../../electron/web/server.ts';
import { figure, tempDir, twoDocuments } from './support.ts';

const work = tempDir('host');
chmodSync(work, 0o755);
const token = newApiToken();
let server: RunningWebServer;
let docs: ReturnType<typeof twoDocuments>;
let tried = 0;
let handled = 0;
const attack = (ok: boolean) => {
  tried++;
  if (ok) handled++;
  return ok;
};

beforeAll(async () => {
  process.env.PROMTOPO_CONFIG_DIR = join(work, 'config');
  const renderer = join(work, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>PromTopo</title>');
  docs = twoDocuments(work);
  server = await startWebServer({ port: 0, rendererDir: renderer, token, handlers: createHostHandlers(createNodeHostServices(), { mode: 'browser', version: 'test' }) });
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
  figure('attacks on the host and the CLI', tried, handled, 'attacks handled');
});

function post(op: string, body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: token }): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/${op}`, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let out = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (out += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(out) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** A POST from another process (as `nobody` when we are root): its status code. */
function postFromAnotherUser(op: string, body: unknown, headers: Record<string, string>): Promise<number> {
  const script = `fetch(process.argv[1], { method: 'POST', headers: JSON.parse(process.argv[3]), body: process.argv[2] }).then(r => process.stdout.write(String(r.status)), e => { process.stdout.write('error ' + e.message); })`;
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', script, `${server.url}api/${op}`, JSON.stringify(body), JSON.stringify({ 'content-type': 'application/json', ...headers })], { ...asNobody, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.on('error', reject);
    p.on('exit', () => (/^\d+$/.test(out) ? resolve(Number(out)) : reject(new Error(`the other process failed: ${out}`))));
  });
}

describe('the session token', () => {
  it('another account, without the token or with a wrong one, is refused and writes nothing', async () => {
    const target = join(work, 'planted.promtopo.json');
    for (const headers of [{}, { [TOKEN_HEADER]: newApiToken() }, { [TOKEN_HEADER]: token.slice(0, -1) }] as Record<string, string>[]) {
      const status = await postFromAnotherUser('saveDocument', { path: target, document: docs.texts[0] }, headers);
      expect(attack(status === 401 && !existsSync(target)), `status ${status}`).toBe(true);
    }
    // The same request with the token is what the page sends: it is written (the refusals above are the token's doing).
    expect(await postFromAnotherUser('saveDocument', { path: target, document: docs.texts[0] }, { [TOKEN_HEADER]: token })).toBe(200);
    expect(readFileSync(target, 'utf8')).toBe(docs.texts[0]);
  });

  it('every operation refuses a call without the token', async () => {
    const out = join(work, 'not-exported');
    for (const op of hostOperations) {
      const r = await post(op, op === 'exportBundle' ? { document: docs.texts[0], outDir: out } : {}, {});
      expect(attack(r.status === 401), op).toBe(true);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('inputs that are not regular files', () => {
  it('FIFOs, devices and a huge file are refused while the server keeps serving', async () => {
    const fifos = [0, 1, 2, 3].map((i) => {
      const p = join(work, `pipe-${i}.promtopo.json`);
      execFileSync('mkfifo', [p]);
      return p;
    });
    const huge = join(work, 'huge.promtopo.json');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024);
    const inputs = [...fifos, '/dev/urandom', '/dev/zero', huge];
    // All in flight at once, and a static file and another call meanwhile.
    const [answers, page, examples] = await Promise.all([
      Promise.all(inputs.map((path) => post('openDocument', { path }))),
      new Promise<number>((resolve) => request({ host: '127.0.0.1', port: server.port, path: '/' }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).end()),
      post('listExamples', {}),
    ]);
    expect(page).toBe(200);
    expect(examples.status).toBe(200);
    answers.forEach((a, i) => {
      const message = JSON.stringify(a.body.diagnostics);
      const expected = i < 4 ? /named pipe/ : i < 6 ? /character device/ : /the limit is/;
      expect(attack(a.status === 200 && a.body.ok === false && expected.test(message)), `${inputs[i]}: ${message}`).toBe(true);
    });
    const imported = await post('importConfigs', { paths: [fifos[0]] });
    expect(attack(imported.body.ok === false && /not a regular file/.test(JSON.stringify(imported.body.diagnostics)))).toBe(true);
  });

  it('the CLI refuses them at once, naming the file (exit 2)', async () => {
    const fifo = join(work, 'cli.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const argv of [['validate', fifo], ['load', '/dev/urandom'], ['export', fifo, '--out', join(work, 'o')], ['import', fifo], ['validate', '/dev/zero']]) {
      let err = '';
      const exit = await runCli(argv, { out: () => {}, err: (t) => void (err += t), cwd: work });
      const file = argv[1] ?? '';
      expect(attack(exit === 2 && err.includes(file.split('/').pop() ?? file) && /named pipe|character device/.test(err)), `${argv.join(' ')}: ${err}`).toBe(true);
    }
    expect(existsSync(join(work, 'o'))).toBe(false);
  });
});

describe('prompts before replacing a file', () => {
  it('a file another program changed is not overwritten without overwrite; Save As onto a file asks', async () => {
    const file = join(work, 'shared.promtopo.json');
    writeFileSync(file, docs.texts[0] ?? '');
    const opened = await post('openDocument', { path: file });
    writeFileSync(file, docs.texts[1] ?? '');
    const save = await post('saveDocument', { path: file, document: docs.texts[0], expectedVersion: opened.body.version });
    expect(attack(save.body.ok === false && save.body.conflict === 'changed' && readFileSync(file, 'utf8') === docs.texts[1])).toBe(true);
    const other = join(work, 'existing.promtopo.json');
    writeFileSync(other, docs.texts[1] ?? '');
    const saveAs = await post('saveDocument', { path: other, document: docs.texts[0] });
    expect(attack(saveAs.body.ok === false && saveAs.body.conflict === 'exists' && readFileSync(other, 'utf8') === docs.texts[1])).toBe(true);
    // Confirmed: written.
    expect((await post('saveDocument', { path: other, document: docs.texts[0], overwrite: true })).body.ok).toBe(true);
    expect(readFileSync(other, 'utf8')).toBe(docs.texts[0]);
  });
});
