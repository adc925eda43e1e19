import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_PATH, topologyJsonSchemaText } from './write-json-schema.ts';

describe('schema/promtopo.schema.json', () => {
  it('is up to date with src/model/schema.ts (run npm run schema when this fails)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8')).toBe(topologyJsonSchemaText());
  });

  it('describes the document: format, version, nodes of every kind, edges of every kind', () => {
    const schema = JSON.parse(topologyJsonSchemaText()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'name', 'nodes', 'edges']));
    const text = JSON.stringify(schema);
    for (const kind of ['prometheus', 'targets', 'alertmanager', 'grafana', 'scrape', 'federation', 'alert', 'datasource']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });

  it('accepts the shape of every example (required keys present, no unknown top-level keys)', () => {
    const schema = JSON.parse(topologyJsonSchemaText()) as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    const dir = 'assets/examples';
    const files = readdirSync(dir).filter((f) => f.endsWith('.promtopo.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      for (const key of schema.required) expect(doc, `${file} has ${key}`).toHaveProperty(key);
      for (const key of Object.keys(doc)) expect(Object.keys(schema.properties), `${file}: ${key}`).toContain(key);
    }
  });
});
