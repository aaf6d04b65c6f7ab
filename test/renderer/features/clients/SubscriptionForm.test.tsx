import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SubscriptionForm } from '../../../../renderer/features/clients/SubscriptionForm';
import { typeInto as type, withClientWorld } from './form-screen';
import { typeDate } from '../../ui/type-date';

const world = withClientWorld();

const save = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’abonnement' }));

describe('the subscription form', () => {
  it('adds a subscription to the client', async () => {
    const onDone = vi.fn();
    render(<SubscriptionForm clientId={world().clientId} onDone={onDone} />);
    fireEvent.change(screen.getByLabelText('Type d’abonnement'), {
      target: { value: 'antivirus' },
    });
    type('Nom de l’abonnement', 'ESET Endpoint');
    type('Fournisseur', 'ESET');
    type('Quantité', '12');
    type('Préavis (mois)', '2');
    await typeDate('Date de renouvellement', '2027-03-31');
    fireEvent.click(screen.getByLabelText('Reconduction tacite'));
    save();
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    const [stored] = await world().db.subscriptions.toArray();
    expect(stored).toMatchObject({
      clientId: world().clientId,
      kind: 'antivirus',
      name: 'ESET Endpoint',
      provider: 'ESET',
      quantity: 12,
      noticeMonths: 2,
      renewalDate: '2027-03-31',
      tacitRenewal: false,
    });
  });

  it('shows the French message under each field at fault and stores nothing', async () => {
    const onDone = vi.fn();
    render(<SubscriptionForm clientId={world().clientId} onDone={onDone} />);
    type('Quantité', '0');
    save();
    await screen.findByText('Le nom de l’abonnement est obligatoire.');
    expect(
      screen.getByText(
        'Date de renouvellement obligatoire : le préavis se calcule à partir d’elle.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Quantité positive attendue.')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(await world().db.subscriptions.count()).toBe(0);
  });
});
