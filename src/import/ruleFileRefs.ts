/**
 * The `rule_files` patterns of a prometheus.yml text, without validating anything else: the host uses
 * them to bring the rule files beside a config into an import (importConfigs itself stays pure).
 */
import { readYaml } from './yamlTree.ts';

/** `rule_files` entries as written (relative to the config's folder); [] when unreadable or absent. */
export function ruleFileRefs(file: string, text: string): string[] {
  const yaml = readYaml(file, text);
  if (!yaml.ok || yaml.root.kind !== 'map') return [];
  const list = yaml.root.entries.find((e) => e.key.text === 'rule_files')?.value;
  if (!list || list.kind !== 'seq') return [];
  return list.items.flatMap((item) => (item.kind === 'scalar' && !item.isNull ? [item.text] : []));
}
