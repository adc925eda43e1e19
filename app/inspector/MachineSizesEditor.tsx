/**
 * Document inspector, machine sizes: the sizes servers are sized against (the presets until the first
 * change), each editable (name, vCPU, GiB RAM, GiB disk, price per month), plus the headroom kept
 * free. Every commit is one undo step.
 */
import { DEFAULT_HEADROOM } from '../../src/capacity/constants.ts';
import { addMachineSize, editableSizes, removeMachineSize, setHeadroom, setMachineSizes, updateMachineSize } from '../../src/capacity/machineEdits.ts';
import type { Topology } from '../../src/model/types.ts';
import { selectDocument } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { NumberField, Section, TextField } from './fields.tsx';

const apply = (edit: (t: Topology) => Topology) => designerStore.getState().apply(edit);

export function MachineSizesEditor() {
  const doc = useDesigner(selectDocument);
  const sizes = editableSizes(doc);
  const custom = doc.settings.machines?.sizes !== undefined;
  const headroom = doc.settings.machines?.headroom;
  return (
    <Section title="Machine sizes">
      <NumberField
        label="Headroom (% kept free)"
        value={headroom === undefined ? undefined : Math.round(headroom * 100)}
        optional
        min={0}
        placeholder={String(DEFAULT_HEADROOM * 100)}
        onCommit={(v) => apply((t) => setHeadroom(t, v === undefined ? undefined : Math.min(95, v) / 100))}
      />
      <p className="pt-field-hint">{custom ? 'This document\'s sizes.' : 'The built-in presets; a change makes them this document\'s sizes.'}</p>
      {sizes.map((s, i) => (
        <fieldset key={`${i}-${s.name}`} className="pt-machine-size" aria-label={`Machine size ${s.name}`}>
          <TextField label="Name" value={s.name} mono onCommit={(name) => { if (name.trim() !== '') apply((t) => updateMachineSize(t, i, { name: name.trim() })); }} />
          <div className="pt-grid-2">
            <NumberField label="vCPU" value={s.vcpu} min={0.1} onCommit={(v) => v !== undefined && apply((t) => updateMachineSize(t, i, { vcpu: v }))} />
            <NumberField label="RAM, GiB" value={s.ramGiB} min={0.1} onCommit={(v) => v !== undefined && apply((t) => updateMachineSize(t, i, { ramGiB: v }))} />
            <NumberField label="Disk, GiB" value={s.diskGiB} min={1} onCommit={(v) => v !== undefined && apply((t) => updateMachineSize(t, i, { diskGiB: v }))} />
            <NumberField label="Price per month" value={s.pricePerMonth} optional min={0} placeholder="not set" onCommit={(v) => apply((t) => updateMachineSize(t, i, { pricePerMonth: v }))} />
          </div>
          <button type="button" className="pt-small-button danger" onClick={() => apply((t) => removeMachineSize(t, i))}>Remove {s.name}</button>
        </fieldset>
      ))}
      <div className="pt-row-actions">
        <button type="button" className="pt-small-button" onClick={() => apply(addMachineSize)}>Add a machine size</button>
        {custom ? <button type="button" className="pt-small-button" onClick={() => apply((t) => setMachineSizes(t, undefined))}>Back to the presets</button> : null}
      </div>
    </Section>
  );
}
