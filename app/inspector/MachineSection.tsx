/**
 * Inspector, machine and what-if of one server: the machine size its instances run on (the
 * document's sizes, else the presets), what size it needs and why, and a toggle that marks the
 * server down in the failure what-if. Each change is one undo step.
 */
import { machineSizes } from '../../src/capacity/machineSizes.ts';
import type { PrometheusNode } from '../../src/model/types.ts';
import { downMarks, setDown } from '../../src/whatif/whatIfEdits.ts';
import { useCapacity } from '../panels/load/useCapacity.ts';
import { selectDocument } from '../store/selectors.ts';
import { designerStore, useDesigner } from '../store/useDesigner.ts';
import { CheckboxField, Section, SelectField } from './fields.tsx';
import { usePatchNode } from './useElement.ts';

export function MachineSection({ node }: { node: PrometheusNode }) {
  const document = useDesigner(selectDocument);
  const patch = usePatchNode(node.id);
  const capacity = useCapacity()[node.id];
  const sizes = machineSizes(document);
  const known = node.machine === undefined || sizes.some((s) => s.name === node.machine);
  const options = [
    { value: '', label: capacity?.needed ? `Not set (needs ${capacity.needed.name})` : 'Not set' },
    ...sizes.map((s) => ({ value: s.name, label: `${s.name}: ${s.vcpu} vCPU, ${s.ramGiB} GiB, ${s.diskGiB} GiB disk${s.pricePerMonth !== undefined ? `, ${s.pricePerMonth}/month` : ''}` })),
    ...(known ? [] : [{ value: node.machine ?? '', label: `${node.machine} (unknown size)` }]),
  ];
  const down = downMarks(document).includes(node.name);
  return (
    <Section title="Machine">
      <SelectField label="Machine size" value={node.machine ?? ''} options={options} onCommit={(v) => patch({ machine: v === '' ? undefined : v })} />
      {capacity ? (
        <p className={`pt-field-hint${capacity.fits ? '' : ' pt-machine-too-small'}`} data-testid="inspector-machine">
          {capacity.chosen && !capacity.fits ? `${capacity.chosen.name} is too small. ` : ''}Needs {capacity.reason}.
        </p>
      ) : null}
      <CheckboxField
        label="Down (failure what-if)"
        hint="Shows in the Load panel what loses data while this server is down, and which HA replica covers it."
        checked={down}
        onCommit={(on) => designerStore.getState().apply((t) => setDown(t, node.name, on))}
      />
    </Section>
  );
}
