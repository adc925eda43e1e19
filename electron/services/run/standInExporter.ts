/**
 * The stand-in exporter: one HTTP server per target port on 127.0.0.1, all in this process, each
 * answering every GET with its group's exposition (src/run/standInExposition.ts). A design with 200
 * targets of one exporter runs without 200 machines or processes.
 */
import { createServer, type Server } from 'node:http';

export interface StandInTarget {
  readonly port: number;
  /** The exposition text this target serves. */
  readonly exposition: string;
}

export interface StandIns {
  readonly ports: readonly number[];
  close(): Promise<void>;
}

function serve(target: StandInTarget): Promise<Server> {
  const body = Buffer.from(target.exposition, 'utf8');
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`stand-in exporter on 127.0.0.1:${target.port}: ${e.message}`)));
    server.listen(target.port, '127.0.0.1', () => resolve(server));
  });
}

/** Starts every stand-in target; closes the ones started when one cannot listen. */
export async function startStandIns(targets: readonly StandInTarget[]): Promise<StandIns> {
  const servers: Server[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    })));
  };
  try {
    for (const t of targets) servers.push(await serve(t));
  } catch (e) {
    await close();
    throw e;
  }
  return { ports: targets.map((t) => t.port), close };
}
