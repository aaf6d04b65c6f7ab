import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ContractForm } from '../../../../renderer/features/clients/ContractForm';
import { addContact } from '../../../../renderer/use-cases/clients/client-records';
import { saveContract } from '../../../../renderer/use-cases/contracts/save-contract';
import { NOW, typeInto as type, withClientWorld } from './form-screen';
import { typeDate } from '../../ui/type-date';

const world = withClientWorld();

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));

describe('the contract form', () => {
  it('creates a contract from a preset, the typed prices in cents, the chosen copy recipient kept', async () => {
    const contact = await addContact(world().deps, {
      clientId: world().clientId,
      role: 'signatory',
      name: 'Hélène Lefèvre',
      email: 'helene@lefevre.fr',
    });
    const onDone = vi.fn();
    render(<ContractForm clientId={world().clientId} existing={null} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: /type ALLANCE, 002/ }));
    type('Référence du contrat', 'INF-PME-2026-040');
    await typeDate('Début du contrat', '2026-01-01');
    type('Taux horaire HT (€)', '65,50');
    // The preset leaves the out-of-zone price at 0 €: the checks say so in plain French.
    const checks = await screen.findByRole('status', { name: 'Vérifications du contrat' });
    expect(checks.textContent).toContain(
      'Le forfait de déplacement hors zone est à 0 € : indiquez son montant.',
    );
    fireEvent.change(screen.getByLabelText('Déplacement hors zone'), {
      target: { value: 'per-km' },
    });
    type('Prix du déplacement hors zone HT (€, forfait ou par km)', '0,45');
    await waitFor(() =>
      expect(screen.queryByRole('status', { name: 'Vérifications du contrat' })).toBeNull(),
    );
    type('Prix de l’abonnement HT (€)', '390');
    type('Préavis de résiliation (mois)', '2');
    fireEvent.change(screen.getByLabelText('Période de l’abonnement'), {
      target: { value: 'quarter' },
    });
    fireEvent.click(await screen.findByLabelText(/^Hélène Lefèvre/));
    save();
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    const [stored] = await world().db.contracts.toArray();
    expect(stored).toMatchObject({
      clientId: world().clientId,
      reference: 'INF-PME-2026-040',
      startsOn: '2026-01-01',
      noticeMonths: 2,
      hourlyRateCents: 6550,
      coverage: { subscriptionPriceCents: 39000, subscriptionPeriod: 'quarter' },
      travel: { fee: { kind: 'per-km', centsPerKm: 45 } },
      copyRecipientContactIds: [contact.id],
      updatedAt: NOW,
    });
  });

  it('shows the French message under each field at fault and stores nothing', async () => {
    const onDone = vi.fn();
    render(<ContractForm clientId={world().clientId} existing={null} onDone={onDone} />);
    type('Prix du déplacement hors zone HT (€, forfait ou par km)', '12 euros');
    type('Tolérance avant palier (minutes)', '90');
    save();
    await screen.findByText('Référence du contrat obligatoire.');
    expect(screen.getByText('Date de début du contrat obligatoire.')).toBeTruthy();
    expect(screen.getByText('Montant en euros attendu (ex. 65 ou 65,50).')).toBeTruthy();
    expect(screen.getByText('Montant en euros attendu, ou laisser vide.')).toBeTruthy();
    expect(screen.getByText('89 au maximum.')).toBeTruthy();
    expect(
      screen.getByLabelText('Référence du contrat', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(onDone).not.toHaveBeenCalled();
    expect(await world().db.contracts.count()).toBe(0);
  });

  it('edits a contract, keeping what the screen does not show', async () => {
    const existing = await saveContract(world().deps, {
      clientId: world().clientId,
      reference: 'CT-2026-014',
      startsOn: '2026-01-01',
      hourlyRateCents: 6500,
      flatTasks: [{ code: 'POSTE', label: 'Installation d’un poste', priceCents: 12000 }],
    });
    const onDone = vi.fn();
    render(<ContractForm clientId={world().clientId} existing={existing} onDone={onDone} />);
    expect(
      (screen.getByLabelText('Taux horaire HT (€)', { exact: true }) as HTMLInputElement).value,
    ).toBe('65');
    type('Forfait journée HT (€)', '480');
    save();
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    const stored = await world().db.contracts.get(existing.id);
    expect(stored).toMatchObject({
      reference: 'CT-2026-014',
      hourlyRateCents: 6500,
      dayPriceCents: 48000,
      flatTasks: [{ code: 'POSTE', priceCents: 12000 }],
    });
  });
});
