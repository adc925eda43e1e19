// Finds the real programs the tests use (Prometheus, promtool, Alertmanager, amtool, node_exporter,
// Chromium, docker-compose and systemd-analyze for the deployment targets). As root on Debian it installs the missing ones with apt-get; otherwise it says exactly
// what to install and fails, loudly, instead of letting suites silently skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each tool: the names it goes by on PATH (Debian's first) and the Debian package that has it. */
export const tools = [
  { tool: 'prometheus', names: ['prometheus'], pkg: 'prometheus' },
  { tool: 'promtool', names: ['promtool'], pkg: 'prometheus' },
  { tool: 'alertmanager', names: ['prometheus-alertmanager', 'alertmanager'], pkg: 'prometheus-alertmanager' },
  { tool: 'amtool', names: ['amtool'], pkg: 'prometheus-alertmanager' },
  { tool: 'node_exporter', names: ['prometheus-node-exporter', 'node_exporter'], pkg: 'prometheus-node-exporter' },
  { tool: 'chromium', names: ['chromium'], pkg: 'chromium' },
  { tool: 'docker-compose', names: ['docker-compose'], pkg: 'docker-compose' },
  { tool: 'systemd-analyze', names: ['systemd-analyze'], pkg: 'systemd' },
];

function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function findTools() {
  return tools.map((t) => ({ ...t, path: t.names.map(which).find(Boolean) }));
}

function main() {
  let found = findTools();
  let missing = found.filter((t) => !t.path);
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const isRoot = process.getuid?.() === 0;
  if (missing.length && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`preflight: installing ${pkgs.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    found = findTools();
    missing = found.filter((t) => !t.path);
  }
  for (const t of found) console.log(`preflight: ${t.tool.padEnd(14)} ${t.path ?? 'MISSING'}`);
  if (missing.length) {
    const need = [...new Set(missing.map((t) => t.pkg))].join(' ');
    console.error(`\npreflight: FAILED. The tests run the real programs and cannot run without: ${missing.map((t) => t.tool).join(', ')}.`);
    console.error(`Install them (Debian/Ubuntu): sudo apt-get install -y --no-install-recommends ${need}`);
    process.exit(1);
  }
}

main();
