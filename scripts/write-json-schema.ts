/**
 * `npm run schema`: writes schema/promtopo.schema.json, the JSON Schema of the topology file format,
 * generated from the zod schema in src/model/schema.ts (zod 4 `z.toJSONSchema`). The file is committed
 * so editors can validate `*.promtopo.json`; a test fails when it is stale. `--check` only compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FORMAT_VERSION, TopologySchema } from '../src/model/schema.ts';

/** Where the committed schema lives, relative to the project root. */
export const JSON_SCHEMA_PATH = 'schema/promtopo.schema.json';

/** The JSON Schema text (input side: fields with defaults are optional, as in a file on disk). */
export function topologyJsonSchemaText(): string {
  const generated = z.toJSONSchema(TopologySchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const schema = {
    $schema: generated.$schema,
    $id: 'https://promtopo.dev/schema/promtopo.schema.json',
    title: `PromTopo topology document, format version ${FORMAT_VERSION}`,
    description: 'A *.promtopo.json file: Prometheus servers, target groups, Alertmanager, Grafana and the edges between them. Generated from src/model/schema.ts by scripts/write-json-schema.ts; see docs/file-format.md.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function main(): void {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const path = resolve(root, JSON_SCHEMA_PATH);
  const text = topologyJsonSchemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${JSON_SCHEMA_PATH} is stale: run npm run schema`);
      process.exitCode = 1;
    } else console.log(`${JSON_SCHEMA_PATH} is up to date`);
    return;
  }
  writeFileSync(path, text);
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
