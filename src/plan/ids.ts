/** Fresh ids and names for nodes and edges a planning command adds (deterministic, never reused). */
import { nextId, uniqueName } from '../model/names.ts';
import type { Topology } from '../model/types.ts';

/** Hands out ids with `prefix` that are unused in `topology` and by each other. */
export function idAllocator(topology: Pick<Topology, 'nodes' | 'edges'>, prefix: string): () => string {
  const taken = { nodes: [...topology.nodes.map((n) => ({ id: n.id }))], edges: [...topology.edges.map((e) => ({ id: e.id }))] };
  return () => {
    const id = nextId(taken as unknown as Pick<Topology, 'nodes' | 'edges'>, prefix);
    taken.nodes.push({ id });
    return id;
  };
}

/** Hands out node names based on `base` that no node of `topology` has, nor any name handed out before. */
export function nameAllocator(topology: Pick<Topology, 'nodes'>): (base: string) => string {
  const taken = new Set(topology.nodes.map((n) => n.name));
  return (base) => {
    const name = uniqueName(base.slice(0, 63).replace(/-+$/, ''), taken);
    taken.add(name);
    return name;
  };
}
