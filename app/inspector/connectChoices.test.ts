import { describe, expect, it } from 'vitest';
import { emptyTopology } from '../../src/model/document.ts';
import { connect } from '../../src/model/edit/connect.ts';
import { addNode, newNode } from '../../src/model/edit/nodeTemplates.ts';
import type { NodeTemplate } from '../../src/model/edit/nodeTemplates.ts';
import type { Topology } from '../../src/model/types.ts';
import { choiceLabel, connectChoices } from './connectChoices.ts';

function build(templates: readonly NodeTemplate[]): { t: Topology; ids: string[] } {
  let t = emptyTopology();
  const ids: string[] = [];
  templates.forEach((tpl, i) => {
    const node = newNode(t, tpl, { x: i * 300, y: 0 });
    t = addNode(t, node);
    ids.push(node.id);
  });
  return { t, ids };
}

describe('connectChoices', () => {
  const { t, ids } = build(['leaf', 'targets', 'global', 'alertmanager', 'grafana', 'targets']);
  const [leaf, targets, global, am, grafana, targets2] = ids as [string, string, string, string, string, string];

  it('offers a leaf every kind of edge, with the edge each would make', () => {
    const choices = connectChoices(t, leaf).map((c) => [c.id, c.edgeKind] as const);
    expect(new Map(choices)).toEqual(new Map([[targets, 'scrape'], [targets2, 'scrape'], [global, 'federation'], [am, 'alert'], [grafana, 'datasource']]));
  });

  it('offers a target group only servers, never another target group or an Alertmanager', () => {
    expect(connectChoices(t, targets).map((c) => c.id).sort()).toEqual([leaf, global].sort());
  });

  it('leaves out what is already connected and what would close a federation cycle', () => {
    const t2 = connect(connect(t, targets, leaf), leaf, global);
    expect(connectChoices(t2, leaf).map((c) => c.id)).not.toContain(targets);
    expect(connectChoices(t2, leaf).map((c) => c.id)).not.toContain(global);
    expect(connectChoices(t2, global).map((c) => c.id)).not.toContain(leaf);
  });

  it('is sorted by name and says the edge in words', () => {
    const names = connectChoices(t, leaf).map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(choiceLabel({ id: 'x', name: 'grafana', edgeKind: 'datasource' })).toBe('grafana (data source)');
  });
});
