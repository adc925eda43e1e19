/**
 * Path safety for bundle files: every generated path must stay inside the output folder. A bad path
 * is refused with a message that names the node it came from (when a node name appears in it).
 */
import { isAbsolute, resolve, sep } from 'node:path';

/** Characters never allowed in a bundle path segment (control characters, Windows-reserved, backslash). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f\\:*?"<>|]/;

/** Why `path` cannot be written inside a bundle, or undefined when it is safe. */
export function bundlePathProblem(path: string): string | undefined {
  if (path.length === 0) return 'the path is empty';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (isAbsolute(path) || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path is absolute';
  if (FORBIDDEN.test(path)) return 'the path contains a character that is not allowed in file names (control, \\ : * ? " < > |)';
  for (const segment of path.split('/')) {
    if (segment === '') return 'the path has an empty segment (// or a trailing /)';
    if (segment === '.' || segment === '..') return `the path contains "${segment}"`;
    if (segment !== segment.trim()) return 'a path segment starts or ends with white space';
    if (segment.length > 200) return 'a path segment is longer than 200 characters';
  }
  return undefined;
}

/** The absolute location of `path` inside `root`, or undefined when it would land outside. */
export function resolveInside(root: string, path: string): string | undefined {
  const base = resolve(root);
  const target = resolve(base, path);
  return target.startsWith(base + sep) ? target : undefined;
}

/**
 * Checks every path of a bundle (safe, unique, not both a file and a folder). Returns one message per
 * problem; `nodeNames` lets the message name the node whose name appears in a bad path.
 */
export function checkBundlePaths(paths: readonly string[], nodeNames: readonly string[] = []): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const describe = (path: string): string => {
    const node = [...nodeNames].sort((a, b) => b.length - a.length).find((name) => name && path.includes(name));
    return node === undefined ? `bundle file ${JSON.stringify(path)}` : `bundle file ${JSON.stringify(path)} (from node "${node}")`;
  };
  for (const path of paths) {
    const problem = bundlePathProblem(path) ?? (resolveInside('/bundle', path) ? undefined : 'the path leaves the output folder');
    if (problem) {
      problems.push(`${describe(path)}: ${problem}; rename the node to a DNS-safe name (a-z, 0-9, -)`);
      continue;
    }
    if (seen.has(path)) problems.push(`${describe(path)}: two files have the same path`);
    seen.add(path);
  }
  for (const path of seen) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (seen.has(folder)) problems.push(`${describe(folder)}: is both a file and the folder of ${JSON.stringify(path)}`);
    }
  }
  return problems;
}
