/**
 * The real programs a local run starts, found on PATH (or by `$PROMETHEUS_BIN`, `$ALERTMANAGER_BIN`,
 * `$NODE_EXPORTER_BIN`); a missing one is named with the Debian package that provides it.
 */
import { findBinary } from '../tools.ts';

export type RunProgram = 'prometheus' | 'alertmanager' | 'node_exporter';

const programs: Readonly<Record<RunProgram, { names: readonly string[]; envVar: string; debianPackage: string }>> = {
  prometheus: { names: ['prometheus'], envVar: 'PROMETHEUS_BIN', debianPackage: 'prometheus' },
  alertmanager: { names: ['prometheus-alertmanager', 'alertmanager'], envVar: 'ALERTMANAGER_BIN', debianPackage: 'prometheus-alertmanager' },
  node_exporter: { names: ['prometheus-node-exporter', 'node_exporter'], envVar: 'NODE_EXPORTER_BIN', debianPackage: 'prometheus-node-exporter' },
};

/** Path of each needed program, or one sentence naming every missing one and its package. */
export function findRunPrograms(needed: ReadonlySet<RunProgram>, env: NodeJS.ProcessEnv = process.env): { ok: true; paths: Partial<Record<RunProgram, string>> } | { ok: false; error: string } {
  const paths: Partial<Record<RunProgram, string>> = {};
  const missing: string[] = [];
  for (const program of needed) {
    const spec = programs[program];
    const path = findBinary(spec.names, spec.envVar, env);
    if (path) paths[program] = path;
    else missing.push(`${spec.names.join(' or ')} (Debian package ${spec.debianPackage}, or set $${spec.envVar})`);
  }
  if (missing.length > 0) return { ok: false, error: `a local run needs ${missing.join(', ')}, not found on PATH` };
  return { ok: true, paths };
}
