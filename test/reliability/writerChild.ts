/**
 * A writer process for the reliability tests (bundled by esbuild, run with plain node): exports a
 * bundle, or saves a topology file, over and over, alternating two documents, until it is killed.
 *   node child.mjs export OUT A.promtopo.json B.promtopo.json [--once]
 *   node child.mjs save FILE A.promtopo.json B.promtopo.json [--once]
 * Prints `ready` before its first write and `done N` after each.
 */
import { readFileSync } from 'node:fs';
import { exportBundle } from '../../electron/services/bundleWriter.ts';
import { saveDocument } from '../../electron/services/documents.ts';

const [mode, target, a, b, once] = process.argv.slice(2);
if ((mode !== 'export' && mode !== 'save') || !target || !a || !b) {
  process.stderr.write('usage: child export|save TARGET A B [--once]\n');
  process.exit(2);
}
const docs = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const document = docs[i % 2] ?? '';
  const r = mode === 'export' ? await exportBundle({ document, outDir: target }, { checkWithPromtool: false }) : await saveDocument({ path: target, document, overwrite: true });
  process.stdout.write(`${r.ok ? 'done' : `failed ${r.error ?? ''}`} ${i}\n`);
  if (once === '--once') break;
}
