/**
 * The registry of `promtopo` sub-commands, in the order `promtopo --help` lists them.
 * Each command lives in its own file; add one line here to register another.
 */
import type { CliCommand } from './command.ts';
import { exportCommand } from './exportCommand.ts';
import { importCommand } from './importCommand.ts';
import { loadCommand } from './loadCommand.ts';
import { validateCommand } from './validateCommand.ts';

export const commands: readonly CliCommand[] = [
  validateCommand,
  exportCommand,
  importCommand,
  loadCommand,
];

/** The command called `name`, if any. */
export function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}
