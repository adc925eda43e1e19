/** One prometheus.yml text -> ParsedConfig and diagnostics (YAML guards, then Prometheus' rules). */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ParsedConfig } from './parseConfig.ts';
import { parseConfig } from './parseConfig.ts';
import { readYaml } from './yamlTree.ts';

export interface ConfigRead {
  readonly config?: ParsedConfig;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and validates one Prometheus config file. Never throws. */
export function readConfigFile(file: string, text: string): ConfigRead {
  const yaml = readYaml(file, text);
  if (!yaml.ok) return { diagnostics: yaml.diagnostics };
  const ctx = { file, diagnostics: [] as Diagnostic[] };
  const config = parseConfig(ctx, yaml.root);
  return config ? { config, diagnostics: ctx.diagnostics } : { diagnostics: ctx.diagnostics };
}
