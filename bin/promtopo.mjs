#!/usr/bin/env node
// The `promtopo` command (package.json "bin"). Runs the TypeScript CLI in electron/cli/ through tsx,
// so `npx promtopo ...` works right after `npm install`, with no build step.
import process from 'node:process';

// A closed pipe (`promtopo validate x | head`) is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

try {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../electron/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`promtopo: cannot start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  process.exitCode = 2;
}
