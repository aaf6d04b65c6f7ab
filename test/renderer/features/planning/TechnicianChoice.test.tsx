import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TechnicianChoice } from '../../../../renderer/features/planning/TechnicianChoice';

const TECHNICIANS = [
  { id: 't1', name: 'Alice Bernard' },
  { id: 't2', name: 'Karim Haddad' },
];

function Harness() {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <>
      <TechnicianChoice technicians={TECHNICIANS} chosen={chosen} onChange={setChosen} />
      <output data-testid="chosen">{chosen.join(',')}</output>
    </>
  );
}

describe('TechnicianChoice', () => {
  it('a checkbox per technician: ticked ones are chosen in the order ticked, unticked ones leave', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Karim Haddad'));
    await user.click(screen.getByLabelText('Alice Bernard'));
    expect(screen.getByTestId('chosen').textContent).toBe('t2,t1');
    expect(screen.getByLabelText('Alice Bernard')).toHaveProperty('checked', true);
    await user.click(screen.getByLabelText('Karim Haddad'));
    expect(screen.getByTestId('chosen').textContent).toBe('t1');
    expect(screen.getByLabelText('Karim Haddad')).toHaveProperty('checked', false);
  });
});
