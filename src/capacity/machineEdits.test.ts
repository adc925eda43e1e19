import { describe, expect, it } from 'vitest';
import { makeTopology, server } from '../generate/testBuilders.ts';
import { DEFAULT_MACHINE_SIZES } from './constants.ts';
import { addMachineSize, editableSizes, removeMachineSize, setHeadroom, setMachineSizes, updateMachineSize } from './machineEdits.ts';
import { machineHeadroom, machineSizes } from './machineSizes.ts';

const t = makeTopology([server('a')]);

describe('machine size edits', () => {
  it('the first change copies the presets into the document, changing only that size', () => {
    const edited = updateMachineSize(t, 1, { ramGiB: 24, pricePerMonth: 99 });
    expect(edited.settings.machines?.sizes).toHaveLength(DEFAULT_MACHINE_SIZES.length);
    expect(edited.settings.machines?.sizes?.[1]).toEqual({ ...DEFAULT_MACHINE_SIZES[1], ramGiB: 24, pricePerMonth: 99 });
    expect(edited.settings.machines?.sizes?.[0]).toEqual(DEFAULT_MACHINE_SIZES[0]);
    expect(machineSizes(edited)[1]?.ramGiB).toBe(24);
    // Clearing the price removes the key.
    expect(updateMachineSize(edited, 1, { pricePerMonth: undefined }).settings.machines?.sizes?.[1]).not.toHaveProperty('pricePerMonth');
  });

  it('add gives a unique name, remove drops one, back to presets removes the list', () => {
    const added = addMachineSize(addMachineSize(t));
    const names = editableSizes(added).map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(DEFAULT_MACHINE_SIZES.length + 2);
    expect(editableSizes(removeMachineSize(added, 0)).map((s) => s.name)).toEqual(names.slice(1));
    expect(setMachineSizes(added, undefined).settings).toEqual(t.settings);
    expect(removeMachineSize(t, 99)).toBe(t);
  });

  it('headroom is set and cleared, leaving no empty machines object', () => {
    const h = setHeadroom(t, 0.5);
    expect(machineHeadroom(h)).toBe(0.5);
    expect(setHeadroom(h, undefined).settings).toEqual(t.settings);
  });
});
