/**
 * The built-in example topologies, `assets/examples/<id>.promtopo.json`. The id is the file name
 * without the suffix; name and description come from the document. Ids are checked, so a request can
 * never read outside the examples folder.
 */
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTopology } from '../../src/model/document.ts';
import type { HostResponse } from '../../src/host-api.ts';

const SUFFIX = '.promtopo.json';
const ID = /^[a-z0-9-]+$/;

/** Summary of one example, as `hostApi.listExamples` returns it. */
export type ExampleSummary = HostResponse<'listExamples'>['examples'][number];

/**
 * The examples folder: `$PROMTOPO_ASSETS_DIR/examples` when set, else `assets/examples` of this
 * checkout (found from this module's location; bundlers that drop import.meta fall back to the cwd).
 */
export function defaultExamplesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PROMTOPO_ASSETS_DIR) return join(env.PROMTOPO_ASSETS_DIR, 'examples');
  try {
    return resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/examples');
  } catch {
    return resolve('assets/examples');
  }
}

/** Every readable example, sorted by id. Files that do not parse are left out. */
export async function listExamples(dir: string = defaultExamplesDir()): Promise<HostResponse<'listExamples'>> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return { examples: [] };
  }
  const examples: ExampleSummary[] = [];
  for (const file of names.filter((n) => n.endsWith(SUFFIX)).sort()) {
    const id = file.slice(0, -SUFFIX.length);
    if (!ID.test(id)) continue;
    const parsed = parseTopology(await fs.readFile(join(dir, file), 'utf8').catch(() => ''), file);
    if (!parsed.ok) continue;
    examples.push({ id, name: parsed.topology.name, description: parsed.topology.description ?? '' });
  }
  return { examples };
}

/** One example's document text; `ok: false` with a sentence for an unknown or malformed id. */
export async function loadExample(request: { id: string }, dir: string = defaultExamplesDir()): Promise<HostResponse<'loadExample'>> {
  if (!ID.test(request.id)) return { ok: false, error: `example ${JSON.stringify(request.id)}: ids use a-z, 0-9 and - only` };
  try {
    return { ok: true, text: await fs.readFile(join(dir, `${request.id}${SUFFIX}`), 'utf8') };
  } catch {
    return { ok: false, error: `example "${request.id}" does not exist` };
  }
}
