// Golden bundles: the generated files of every example (and of a few edge cases) are compared byte
// for byte with the readable copies under test/generate/__golden__/<case>/. After an intended change
// of the output, regenerate them and review the diff in git:
//
//   UPDATE_GOLDEN=1 npx vitest run test/generate/golden.test.ts
//
// The design file (topology.promtopo.json) is left out: it is the example itself.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBundle } from '../../src/generate/generateBundle.ts';
import { edgeCases } from './cases.ts';
import { loadExamples, projectRoot } from './support.ts';

const goldenRoot = join(projectRoot, 'test/generate/__golden__');
const update = process.env.UPDATE_GOLDEN === '1';

const cases = [
  ...loadExamples().map(({ file, topology }) => ({ name: file.replace('.promtopo.json', ''), topology })),
  ...edgeCases(),
];

function allFiles(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(root, p) : [relative(root, p).split('\\').join('/')];
  }).sort();
}

describe.each(cases)('golden bundle $name', ({ name, topology }) => {
  const dir = join(goldenRoot, name);
  const files = generateBundle(topology).files.filter((f) => f.path !== 'topology.promtopo.json');

  if (update) {
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
  }

  it('has exactly the golden files', () => {
    expect(allFiles(dir), `missing goldens: run UPDATE_GOLDEN=1 npx vitest run test/generate/golden.test.ts`).toEqual(files.map((f) => f.path).sort());
  });

  it.each(files.map((f) => [f.path, f.contents] as const))('%s matches its golden', (path, contents) => {
    expect(contents).toBe(readFileSync(join(dir, path), 'utf8'));
  });
});
