// Export to each deployment target through the real writer: atomic, checked by the real tools
// (promtool/amtool on the configs embedded in Kubernetes manifests, docker-compose config on compose),
// and a rejected embedded config means nothing is written.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTarget, withExportTarget } from '../../src/generate/targets/generateTarget.ts';
import { parseTopology } from '../../src/model/document.ts';
import type { ExportTarget, Topology } from '../../src/model/types.ts';
import { validateTopology } from '../../src/validate/validateTopology.ts';
import { writeBundle, writeBundleWith } from './bundleWriter.ts';

const root = mkdtempSync(join(tmpdir(), 'promtopo-target-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const outDir = () => join(root, `out-${n++}`);

function example(file: string): Topology {
  const parsed = parseTopology(readFileSync(join('assets/examples', file), 'utf8'), file);
  if (!parsed.ok) throw new Error(file);
  return parsed.topology;
}

describe('export to a deployment target', () => {
  it.each(['kubernetes', 'compose', 'systemd'] as const)('%s: writes the target, records it, and the real tools accept it', async (target: ExportTarget) => {
    const dir = outDir();
    const result = await writeBundle({ topology: withExportTarget(example('multi-dc.promtopo.json'), target), outDir: dir });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.promtool?.ok).toBe(true);
    const checked = result.promtool!.results.map((r) => r.path);
    if (target === 'kubernetes') {
      expect(existsSync(join(dir, 'kustomization.yaml'))).toBe(true);
      expect(checked.filter((p) => p.endsWith('#spec.groups')).length).toBeGreaterThan(0);
      expect(checked.some((p) => p.endsWith('#alertmanager.yaml'))).toBe(true);
    }
    if (target === 'compose') expect(checked).toContain('docker-compose.yml');
    if (target === 'systemd') expect(readdirSync(join(dir, 'systemd')).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'topology.promtopo.json'), 'utf8')).settings.export.target).toBe(target);
  });

  it('a PrometheusRule that promtool rejects: nothing is written, the embedded place is named', async () => {
    const topology = withExportTarget(example('multi-dc.promtopo.json'), 'kubernetes');
    const broken = {
      validate: validateTopology,
      generate: (t: Topology) => {
        const bundle = generateTarget(t, 'kubernetes');
        return { files: bundle.files.map((f) => (f.path.startsWith('manifests/rules/') ? { ...f, contents: f.contents.replace(/record: (job:\S+)/g, 'record: "bad name $1"') } : f)) };
      },
    };
    const dir = outDir();
    const result = await writeBundleWith(broken, { topology, outDir: dir });
    expect(result.ok).toBe(false);
    expect(existsSync(dir)).toBe(false);
    const failed = result.promtool!.results.filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.path).toMatch(/^manifests\/rules\/.+\.yaml#spec\.groups$/);
    expect(result.error).toContain('manifests/rules/');
  });
});
