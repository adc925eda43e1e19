/**
 * Exports a topology for a live test through the real export pipeline (validation, generation,
 * promtool/amtool check, atomic write) and fails loudly when any step refuses.
 */
import { join } from 'node:path';
import type { Topology } from '../../../src/model/types.ts';
import { writeBundle } from '../../../electron/services/bundleWriter.ts';

/** Writes the bundle into `<dir>/bundle-<topology name>` and returns that folder. */
export async function exportForLiveTest(topology: Topology, dir: string): Promise<string> {
  const result = await writeBundle({ topology, outDir: join(dir, `bundle-${topology.name.replace(/[^a-z0-9]+/gi, '-')}`) });
  if (!result.ok) {
    throw new Error(`export of "${topology.name}" failed: ${result.error}\n${result.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n')}`);
  }
  if (!result.promtool?.ran || !result.promtool.ok) throw new Error(`promtool did not approve the bundle: ${JSON.stringify(result.promtool)}`);
  return result.outDir;
}
