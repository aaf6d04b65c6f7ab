import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ColumnHeads } from '../../../renderer/ui/ColumnHeads';

describe('ColumnHeads', () => {
  it('gives the table one column header a label, in order', () => {
    render(
      <table aria-label="Clients">
        <ColumnHeads labels={['Nom', 'Ville']} />
        <tbody>
          <tr>
            <td>Vauban</td>
            <td>Lille</td>
          </tr>
        </tbody>
      </table>,
    );
    const heads = screen.getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['Nom', 'Ville']);
    expect(heads.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
  });
});
