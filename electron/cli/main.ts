/**
 * `promtopo`: the command-line face of PromTopo (bin/promtopo.mjs runs it bundled as dist/cli/main.mjs).
 * Dispatches to the registry in commands.ts; whatever happens, prints one line and exits 2 rather
 * than showing a stack trace.
 */
import { readFileSync } from 'node:fs';
import type { CliCommand, CliIo } from './command.ts';
import { EXIT } from './command.ts';
import { commands as registeredCommands } from './commands.ts';
import { cleanMessage, escapeControl } from '../services/messageText.ts';

/** PromTopo's version, from package.json. */
export function promtopoVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function generalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: promtopo <command> [options]',
    '',
    'PromTopo: design Prometheus scaling topologies and export configs Prometheus accepts as is.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: promtopo <command> --help)',
    '  -v, --version  print the version',
    '',
    'Exit status: 0 ok, 1 the document or config has errors, 2 usage error or unreadable input.',
    '',
  ].join('\n');
}

/**
 * The terminal never receives a raw control character from a file or a tool (it would be obeyed:
 * colours, cursor moves, a bell), and messages on stderr are capped per line (messageText.ts).
 */
function safeIo(io: CliIo): CliIo {
  return { ...io, out: (text) => io.out(escapeControl(text)), err: (text) => io.err(cleanMessage(text)) };
}

/** Runs one invocation (`argv` without node and script) against the registry. Never throws. */
export async function runCli(argv: readonly string[], rawIo: CliIo, commands: readonly CliCommand[] = registeredCommands): Promise<number> {
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  const findCommand = (n: string): CliCommand | undefined => commands.find((c) => c.name === n);
  try {
    if (name === undefined) {
      io.err(generalHelp(commands));
      return EXIT.usage;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const command = rest[0] === undefined ? undefined : findCommand(rest[0]);
      // A command prints its own full usage (registry entries load their module only when run).
      if (command) return await command.run(['--help'], io);
      io.out(generalHelp(commands));
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(`promtopo ${promtopoVersion()}\n`);
      return EXIT.ok;
    }
    const command = findCommand(name);
    if (!command) {
      io.err(`promtopo: unknown command ${JSON.stringify(name)}; commands: ${commands.map((c) => c.name).join(', ')} (see promtopo --help)\n`);
      return EXIT.usage;
    }
    return await command.run(rest, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`promtopo${name ? ` ${name}` : ''}: internal error: ${message.split('\n')[0]}\n`);
    return EXIT.usage;
  }
}

/** Entry point used by bin/promtopo.mjs: real stdout/stderr, the process' cwd. */
export async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  });
}
