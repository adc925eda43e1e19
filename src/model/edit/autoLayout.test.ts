import { describe, expect, it } from 'vitest';
import { emptyTopology } from '../document.ts';
import { autoLayout } from './autoLayout.ts';
import { sampleTopology } from './testTopology.ts';

describe('autoLayout', () => {
  it('places nodes left to right along the data flow: targets, leaves, global, Alertmanager/Grafana', () => {
    const out = autoLayout(sampleTopology());
    const x = (id: string) => out.nodes.find((n) => n.id === id)!.position.x;
    expect(x('n1')).toBeLessThan(x('n2'));
    expect(x('n2')).toBeLessThan(x('n4'));
    expect(x('n3')).toBeLessThan(x('n4'));
    expect(x('n4')).toBeLessThan(x('n5'));
    expect(x('n4')).toBeLessThan(x('n6'));
  });
  it('does not overlap nodes and is deterministic', () => {
    const a = autoLayout(sampleTopology());
    const b = autoLayout(sampleTopology());
    expect(a).toEqual(b);
    const boxes = a.nodes.map((n) => n.position);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i]!, q = boxes[j]!;
        expect(Math.abs(p.x - q.x) >= 240 || Math.abs(p.y - q.y) >= 120).toBe(true);
      }
  });
  it('a laid-out document is a fixed point, an empty one unchanged', () => {
    const once = autoLayout(sampleTopology());
    expect(autoLayout(once)).toBe(once);
    const empty = emptyTopology();
    expect(autoLayout(empty)).toBe(empty);
  });
});
