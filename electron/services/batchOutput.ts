/**
 * Reading the verdict on each file out of one promtool or amtool run over many files. Both tools print
 * `Checking FILE` before each file they were given, then `SUCCESS` for a file that passed; errors go
 * to stderr (promtool) or follow on the same line (amtool) without naming the file, so only the
 * passes are taken from a batch: a file without its own success line is checked again on its own,
 * which gives its exact messages.
 */

/** What a batch run said about one file: passed, and the lines printed for it. */
export interface BatchVerdict {
  readonly passed: boolean;
  readonly output: string;
}

/**
 * Verdicts of `promtool check config F1 F2 ...` from its stdout. A config passed when its own block
 * says `SUCCESS: F is valid prometheus config file syntax` and every rule file checked under it
 * (`Checking rules.yml` blocks before the next config) printed a SUCCESS line.
 */
export function promtoolConfigVerdicts(stdout: string, files: readonly string[]): Map<string, BatchVerdict> {
  const wanted = new Set(files);
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of stdout.split('\n')) {
    const m = /^Checking (.+)$/.exec(line);
    if (m && wanted.has(m[1]!) && !sections.has(m[1]!)) {
      current = [];
      sections.set(m[1]!, current);
    }
    current?.push(line);
  }
  const out = new Map<string, BatchVerdict>();
  for (const file of files) {
    const lines = sections.get(file);
    out.set(file, lines ? { passed: promtoolSectionPassed(lines, file), output: lines.join('\n').trimEnd() } : { passed: false, output: '' });
  }
  return out;
}

function promtoolSectionPassed(lines: readonly string[], file: string): boolean {
  if (!lines.some((l) => l.trim() === `SUCCESS: ${file} is valid prometheus config file syntax`)) return false;
  // Each `Checking X` block (the config's own, then its rule files') needs a SUCCESS line.
  let blockHasSuccess = true;
  for (const line of lines) {
    if (line.startsWith('Checking ')) {
      if (!blockHasSuccess) return false;
      blockHasSuccess = false;
    } else if (line.trim().startsWith('SUCCESS:')) blockHasSuccess = true;
  }
  return blockHasSuccess;
}

/** Verdicts of `amtool check-config F1 F2 ...` from its stdout (`Checking 'F'  SUCCESS` or `... FAILED: why`). */
export function amtoolVerdicts(stdout: string, files: readonly string[]): Map<string, BatchVerdict> {
  const wanted = new Set(files);
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of stdout.split('\n')) {
    const m = /^Checking '(.+)'\s+(.*)$/.exec(line);
    if (m && wanted.has(m[1]!) && !sections.has(m[1]!)) {
      current = [];
      sections.set(m[1]!, current);
    }
    current?.push(line);
  }
  const out = new Map<string, BatchVerdict>();
  for (const file of files) {
    const lines = sections.get(file);
    const passed = lines !== undefined && /^Checking '.+'\s+SUCCESS\s*$/.test(lines[0] ?? '');
    out.set(file, { passed, output: lines?.join('\n').trimEnd() ?? '' });
  }
  return out;
}

/** `items` in groups of at most `size`, in order. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
