/**
 * The registry of `promtopo` sub-commands, in the order `promtopo --help` lists them.
 * Each command lives in its own file; add one line here to register another. Entries are lazy: a
 * command's module (and the engine parts it needs) loads only when that command runs, so `--help`,
 * `--version` and usage errors start fast. The summary here is what `promtopo --help` shows.
 */
import type { CliCommand } from './command.ts';

/** A registry entry whose module is imported on first use. */
function lazy(name: string, summary: string, load: () => Promise<CliCommand>): CliCommand {
  return {
    name,
    summary,
    usage: `Usage: promtopo ${name} --help\n`,
    run: async (args, io) => (await load()).run(args, io),
  };
}

export const commands: readonly CliCommand[] = [
  lazy('validate', 'check a topology and print its diagnostics', async () => (await import('./validateCommand.ts')).validateCommand),
  lazy('export', 'write the config bundle of a topology (validated, checked with promtool, atomic)', async () => (await import('./exportCommand.ts')).exportCommand),
  lazy('import', 'turn existing prometheus.yml files into a topology', async () => (await import('./importCommand.ts')).importCommand),
  lazy('run', 'run a topology on this machine and compare measured with predicted load', async () => (await import('./runCommand.ts')).runCommand),
  lazy('load', 'estimate series, samples/s, memory and disk per server and edge', async () => (await import('./loadCommand.ts')).loadCommand),
  lazy('compare', 'compare the estimated load with running Prometheus servers', async () => (await import('./compareCommand.ts')).compareCommand),
  lazy('plan', 'scale-out patterns: split a server, make it HA, add a global, preview resharding', async () => (await import('./planCommand.ts')).planCommand),
  lazy('report', 'write the capacity report (one self-contained HTML page)', async () => (await import('./reportCommand.ts')).reportCommand),
  lazy('diff', 'what changed between two versions of a topology (exit 0 same, 1 changed)', async () => (await import('./diffCommand.ts')).diffCommand),
];

/** The command called `name`, if any. */
export function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}
