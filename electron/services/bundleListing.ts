/**
 * What a folder holds as a user sees it: a bundle is its link plus the version folder it points to,
 * listed once under the link's name. Used by the tests that check nothing else was left behind.
 */
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export function listWithBundles(dir: string): string[] {
  const names = readdirSync(dir);
  const linked = new Set<string>();
  for (const name of names) {
    if (lstatSync(join(dir, name)).isSymbolicLink()) linked.add(readlinkSync(join(dir, name)));
  }
  return names.filter((n) => !linked.has(n)).sort();
}
