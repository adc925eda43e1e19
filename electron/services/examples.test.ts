import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyTopology, serializeTopology } from '../../src/model/document.ts';
import { listExamples, loadExample } from './examples.ts';

const dir = mkdtempSync(join(tmpdir(), 'promtopo-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const alpha = serializeTopology({ ...emptyTopology('Alpha'), description: 'first' });
writeFileSync(join(dir, 'alpha.promtopo.json'), alpha);
writeFileSync(join(dir, 'beta.promtopo.json'), serializeTopology(emptyTopology('Beta')));
writeFileSync(join(dir, 'broken.promtopo.json'), '{');
writeFileSync(join(dir, 'notes.txt'), 'x');
writeFileSync(join(dir, 'Bad_Id.promtopo.json'), alpha);

describe('examples', () => {
  it('lists parsable examples by id with name and description', async () => {
    expect(await listExamples(dir)).toEqual({
      examples: [
        { id: 'alpha', name: 'Alpha', description: 'first' },
        { id: 'beta', name: 'Beta', description: '' },
      ],
    });
  });

  it('loads one example by id', async () => {
    expect(await loadExample({ id: 'alpha' }, dir)).toEqual({ ok: true, text: alpha });
  });

  it.each(['../alpha', 'alpha/../../etc/passwd', '', 'Bad_Id', 'a.b'])('refuses the id %j', async (id) => {
    const r = await loadExample({ id }, dir);
    expect(r.ok).toBe(false);
    expect(r.error).toContain('ids use a-z, 0-9 and - only');
  });

  it('says an unknown example does not exist', async () => {
    expect(await loadExample({ id: 'gamma' }, dir)).toEqual({ ok: false, error: 'example "gamma" does not exist' });
  });

  it('lists the built-in examples, remote-write among them', async () => {
    const builtIn = await listExamples(join(import.meta.dirname, '../../assets/examples'));
    expect(builtIn.examples.map((e) => e.id)).toContain('remote-write');
    expect(builtIn.examples.find((e) => e.id === 'remote-write')?.name).toBe('Remote write: agents into a central receiver');
  });

  it('answers an empty list for a missing folder', async () => {
    expect(await listExamples(join(dir, 'none'))).toEqual({ examples: [] });
  });
});
