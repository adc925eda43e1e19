/** The `alerting` section of prometheus.yml: alert relabelling and Alertmanager entries (static targets + the rest verbatim). */
import type { DecodeContext, NameValidation } from './decode.ts';
import { configError, readDuration, readSeq, readString, readStruct } from './decode.ts';
import { ALERTING_KEYS, ALERTMANAGER_KEYS } from './configKeys.ts';
import { checkHttpClient, checkServiceDiscovery } from './checkExtras.ts';
import type { ParsedAlerting, ParsedAlertmanagers } from './parseConfig.ts';
import { entry, readStaticConfigs } from './parseConfig.ts';
import { readRelabelRules } from './relabel.ts';
import type { YamlNode } from './yamlTree.ts';

export function readAlerting(ctx: DecodeContext, node: YamlNode | undefined, scheme: NameValidation): ParsedAlerting {
  const empty: ParsedAlerting = { alertRelabel: [], alertRelabelNodes: [], alertmanagers: [] };
  if (!node) return empty;
  const fields = readStruct(ctx, node, 'config.plain', ALERTING_KEYS);
  if (!fields) return empty;
  const relabelNode = fields.get('alert_relabel_configs');
  const alertRelabel = relabelNode ? readRelabelRules(ctx, relabelNode, 'empty or null alert relabeling rule', scheme) ?? [] : [];
  const alertmanagers: ParsedAlertmanagers[] = [];
  for (const item of readSeq(ctx, fields.get('alertmanagers') ?? { kind: 'seq', pos: node.pos, items: [] }, 'config.AlertmanagerConfigs') ?? []) {
    const am = readStruct(ctx, item, 'config.AlertmanagerConfig', ALERTMANAGER_KEYS);
    if (!am) continue;
    checkHttpClient(ctx, am, item.pos);
    checkServiceDiscovery(ctx, am);
    const apiVersion = am.get('api_version');
    const version = apiVersion ? readString(ctx, apiVersion) : undefined;
    if (apiVersion && version !== undefined && version !== 'v2') {
      configError(ctx, apiVersion.pos, `expected Alertmanager api version to be one of [v2] but got ${version}`);
    }
    if (am.get('timeout')) readDuration(ctx, am.get('timeout') as YamlNode);
    const amRelabel = am.get('relabel_configs');
    if (amRelabel) readRelabelRules(ctx, amRelabel, 'empty or null Alertmanager target relabeling rule', scheme);
    const amAlertRelabel = am.get('alert_relabel_configs');
    if (amAlertRelabel) readRelabelRules(ctx, amAlertRelabel, 'empty or null Alertmanager alert relabeling rule', scheme);
    const groups = readStaticConfigs(ctx, am.get('static_configs'), scheme, !amRelabel);
    alertmanagers.push({
      targets: groups.flatMap((g) => g.targets),
      extra: [...am.entries()].filter(([k]) => k !== 'static_configs').map(([k, v]) => entry(k, v)),
      node: item,
    });
  }
  return { alertRelabel, alertRelabelNodes: relabelNode && relabelNode.kind === 'seq' ? relabelNode.items : [], alertmanagers };
}
