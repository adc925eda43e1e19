import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AlertmanagerNode } from '../model/types.ts';
import { alertmanagerConfigText } from './alertmanagerConfig.ts';
import { alertmanager, makeTopology } from './testBuilders.ts';

describe('alertmanagerConfigText', () => {
  const t = makeTopology([alertmanager('am', ['am-1:9093', 'am-2:9093'])]);
  const text = alertmanagerConfigText(t, t.nodes[0] as AlertmanagerNode);

  it('routes to a default receiver that exists, grouped by alertname', () => {
    const c = parse(text);
    expect(c.route.receiver).toBe('default');
    expect(c.route.group_by).toContain('alertname');
    expect(c.receivers.map((r: { name: string }) => r.name)).toContain(c.route.receiver);
  });

  it('says where to add real receivers', () => {
    expect(text).toMatch(/# The place to add real receivers/);
  });
});
