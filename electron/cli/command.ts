/** The shape of one `promtopo` sub-command. The registry is electron/cli/commands.ts. */
export interface CliIo {
  /** Writes to standard output (no newline added). */
  out(text: string): void;
  /** Writes to standard error (no newline added). */
  err(text: string): void;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
}

/**
 * Exit codes shared by every command: 0 ok, 1 the document/config has errors, 2 usage or unreadable
 * input; 3 only for `import --verify`: imported, but the round trip would change what Prometheus does.
 */
export const EXIT = { ok: 0, errors: 1, usage: 2, changed: 3 } as const;

export interface CliCommand {
  /** `validate`, `export`, `load`, `import`, ... */
  readonly name: string;
  /** One line for `promtopo --help`. */
  readonly summary: string;
  /** Full usage text for `promtopo <name> --help`. */
  readonly usage: string;
  /** Runs the command; never throws for bad input (prints a message naming file, node and field). */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
