import { describe, expect, it } from 'vitest';
import { builtinCatalogs } from '../../assets/catalogs/builtinCatalogs.ts';
import { countExposition } from '../../scripts/measure-catalogs.ts';
import { GENERIC_FAMILY, labelSets, standInExposition } from '../../src/run/standInExposition.ts';

describe('standInExposition', () => {
  for (const catalog of builtinCatalogs) {
    it(`serves every family of the ${catalog.id} catalog with its series and label names`, () => {
      const counted = countExposition(standInExposition(catalog));
      expect(counted.reduce((n, m) => n + m.series, 0)).toBe(catalog.seriesPerTarget);
      const byName = new Map(counted.map((m) => [m.name, m]));
      for (const m of catalog.metrics) {
        expect(byName.get(m.name)?.series, m.name).toBe(m.series);
        if (m.series > 1 || m.labels.length > 0) expect(byName.get(m.name)?.labels, m.name).toEqual([...(m.labels.length > 0 ? m.labels : ['series'])].sort());
      }
    });
  }

  it('keeps the measured number of distinct values per label', () => {
    const sets = labelSets(['cpu', 'mode'], 16, { cpu: 2, mode: 8 });
    expect(new Set(sets.map((s) => s.cpu)).size).toBe(2);
    expect(new Set(sets.map((s) => s.mode)).size).toBe(8);
    expect(new Set(sets.map((s) => JSON.stringify(s))).size).toBe(16);
  });

  it('serves seriesPerTarget generic series when the group gives only a number', () => {
    const counted = countExposition(standInExposition(undefined, 37));
    expect(counted).toEqual([{ name: GENERIC_FAMILY, series: 37, labels: ['series'], type: 'untyped', values: { series: 37 } }]);
  });
});
