import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './cliArgs.ts';

describe('parseWebArgs', () => {
  it.each([
    [[], {}, { port: 0 }],
    [[], { PORT: '8080' }, { port: 8080 }],
    [['--port', '9090'], { PORT: '8080' }, { port: 9090 }],
    [['--port=0'], {}, { port: 0 }],
    [['--web', '--renderer-dir', '/tmp/r'], {}, { port: 0, rendererDir: '/tmp/r' }],
  ])('%j with %j -> %j', (argv, env, args) => {
    expect(parseWebArgs(argv, env)).toEqual({ ok: true, args });
  });
  it.each([
    [['--port', 'http'], {}, '--port: "http" is not a port number'],
    [['--port', '70000'], {}, '--port: "70000" is not a port number'],
    [[], { PORT: '-1' }, 'PORT: "-1" is not a port number'],
    [['--port'], {}, '--port needs a number'],
    [['--host', '0.0.0.0'], {}, 'unknown option --host'],
  ])('%j with %j is refused: %s', (argv, env, message) => {
    const r = parseWebArgs(argv, env);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(message);
  });
});
