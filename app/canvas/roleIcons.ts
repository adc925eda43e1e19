/** The glyph of each node role, on canvas cards and in the collapsed palette. */
export const ROLE_ICONS: Record<string, string> = { leaf: '◆', global: '◎', shard: '▦', targets: '▤', alertmanager: '⚑', grafana: '◔', agent: '➚', mimir: '▣', 'thanos-receive': '▣', victoriametrics: '▣', 'thanos-querier': '⊕' };
