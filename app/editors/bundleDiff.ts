/**
 * What a change does to the bundle: which generated files it adds, removes or changes, and the two
 * texts (before/after, changed files only) the Changes pane hands to Monaco's diff editor.
 */
import { generateBundle } from '../../src/generate/generateBundle.ts';
import type { Topology } from '../../src/model/types.ts';

/** Bundle files that are not configuration (left out of diffs). */
const NOT_CONFIG = new Set(['topology.promtopo.json', 'README.md', '.promtopo-bundle']);

export interface FileChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
}

export interface BundleDiff {
  readonly files: readonly FileChange[];
  /** The changed files before, each under a `# ==> path <==` header (empty for an added file). */
  readonly original: string;
  readonly modified: string;
}

function configFiles(t: Topology | undefined): Map<string, string> {
  if (!t) return new Map();
  return new Map(generateBundle(t).files.filter((f) => !NOT_CONFIG.has(f.path)).map((f) => [f.path, f.contents] as const));
}

function section(path: string, contents: string | undefined): string {
  if (contents === undefined) return `# ==> ${path} <== (absent)\n`;
  return `# ==> ${path} <==\n${contents}${contents.endsWith('\n') ? '' : '\n'}`;
}

/** The diff of the bundles of `before` (undefined: nothing) and `after`, changed files only, in path order. */
export function bundleDiff(before: Topology | undefined, after: Topology): BundleDiff {
  const a = configFiles(before);
  const b = configFiles(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const files: FileChange[] = [];
  const original: string[] = [];
  const modified: string[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (x === y) continue;
    files.push({ path, change: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed' });
    original.push(section(path, x));
    modified.push(section(path, y));
  }
  return { files, original: original.join('\n'), modified: modified.join('\n') };
}

/** One line for the pane: "2 files changed: a, b" / "no change to the bundle". */
export function describeDiff(diff: BundleDiff): string {
  if (diff.files.length === 0) return 'No change to the generated configuration.';
  const n = diff.files.length;
  const list = diff.files.map((f) => (f.change === 'changed' ? f.path : `${f.path} (${f.change})`)).join(', ');
  return `${n} file${n === 1 ? '' : 's'} changed: ${list}`;
}
