import { describe, expect, it } from 'vitest';
import { reachable } from './graphQueries.ts';
import { sampleTopology } from './testTopology.ts';

describe('reachable', () => {
  const t = sampleTopology();
  it.each([
    ['upstream of the global: leaves and their targets', ['n4'], 'upstream', ['n1', 'n2', 'n3', 'n4'], ['e1', 'e2', 'e3']],
    ['downstream of a target group: leaf, global, Alertmanager, Grafana', ['n1'], 'downstream', ['n1', 'n2', 'n4', 'n5', 'n6'], ['e1', 'e2', 'e4', 'e5']],
    ['downstream of Grafana: nothing more', ['n6'], 'downstream', ['n6'], []],
  ] as const)('%s', (_name, start, direction, nodes, edges) => {
    expect(reachable(t, start, direction)).toEqual({ nodes, edges });
  });
});
