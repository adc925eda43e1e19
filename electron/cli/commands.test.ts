/** The lazy registry: every entry loads a module whose command has the same name and summary. */
import { describe, expect, it } from 'vitest';
import { commands } from './commands.ts';
import { diffCommand } from './diffCommand.ts';
import { reportCommand } from './reportCommand.ts';
import { exportCommand } from './exportCommand.ts';
import { importCommand } from './importCommand.ts';
import { compareCommand } from './compareCommand.ts';
import { loadCommand } from './loadCommand.ts';
import { planCommand } from './planCommand.ts';
import { runCommand } from './runCommand.ts';
import { validateCommand } from './validateCommand.ts';

describe('command registry', () => {
  it('lists every command module once, in help order, with the module\'s own summary', () => {
    const modules = [validateCommand, exportCommand, importCommand, runCommand, loadCommand, compareCommand, planCommand, reportCommand, diffCommand];
    expect(commands.map((c) => [c.name, c.summary])).toEqual(modules.map((c) => [c.name, c.summary]));
  });

  it('runs the real module: `<command> --help` prints the module usage', async () => {
    for (const [entry, module] of [[commands[0], validateCommand], [commands[1], exportCommand]] as const) {
      let out = '';
      const code = await entry?.run(['--help'], { out: (t) => void (out += t), err: () => undefined, cwd: '/' });
      expect(code).toBe(0);
      expect(out).toBe(module.usage);
    }
  });
});
