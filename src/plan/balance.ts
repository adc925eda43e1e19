/**
 * Spreading weighted items over N bins so the heaviest bin is as light as it can easily be: largest
 * first, each into the lightest bin so far (LPT; within 4/3 of the best possible). Ties go by key,
 * so the result is the same on every run.
 */
export interface Weighted {
  readonly key: string;
  readonly weight: number;
}

/** `bins` lists of keys, and each bin's total weight. Every item lands in exactly one bin. */
export function balance(items: readonly Weighted[], bins: number): { keys: string[][]; weights: number[] } {
  const keys: string[][] = Array.from({ length: bins }, () => []);
  const weights: number[] = Array.from({ length: bins }, () => 0);
  const sorted = [...items].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const item of sorted) {
    let lightest = 0;
    for (let i = 1; i < bins; i++) if ((weights[i] ?? 0) < (weights[lightest] ?? 0)) lightest = i;
    keys[lightest]?.push(item.key);
    weights[lightest] = (weights[lightest] ?? 0) + item.weight;
  }
  return { keys, weights };
}
