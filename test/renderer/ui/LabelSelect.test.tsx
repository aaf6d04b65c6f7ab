import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { REQUEST_KINDS } from '../../../shared/planning/request';
import { REQUEST_KIND_LABELS } from '../../../shared/planning/request-labels';
import { LabelSelect } from '../../../renderer/ui/LabelSelect';

type Kind = (typeof REQUEST_KINDS)[number];

function Form({ onValid }: { onValid: (kind: Kind) => void }) {
  const { register, handleSubmit } = useForm<{ kind: Kind }>({
    defaultValues: { kind: REQUEST_KINDS[0] },
  });
  return (
    <form onSubmit={(e) => void handleSubmit((v) => onValid(v.kind))(e)}>
      <LabelSelect
        label="Type"
        values={REQUEST_KINDS}
        labels={REQUEST_KIND_LABELS}
        registration={register('kind')}
      />
      <button type="submit">Valider</button>
    </form>
  );
}

describe('LabelSelect', () => {
  it('lists every value of the closed list by its French label, in order', () => {
    render(<Form onValid={() => undefined} />);
    const options = [...(screen.getByLabelText('Type') as HTMLSelectElement).options];
    expect(options.map((o) => o.value)).toEqual([...REQUEST_KINDS]);
    expect(options.map((o) => o.textContent)).toEqual(
      REQUEST_KINDS.map((k) => REQUEST_KIND_LABELS[k]),
    );
  });

  it('gives the form the value chosen', async () => {
    const chosen: Kind[] = [];
    render(<Form onValid={(k) => chosen.push(k)} />);
    const last = REQUEST_KINDS[REQUEST_KINDS.length - 1]!;
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: last } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Valider' }));
    expect(chosen).toEqual([last]);
  });
});
