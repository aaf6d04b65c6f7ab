import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { createContact } from '../../../../renderer/db/repositories/contacts';
import { loadCopyRecipientChoices } from '../../../../renderer/use-cases/contracts/use-copy-recipient-choices';
import { freshDb } from '../../db/fresh-db';

let db: BordereauDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

describe('the contacts the contract screen offers for the client’s copies (004 art. VI)', () => {
  it('lists the client’s contacts by name with role and address; one without an address says why', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Cabinet Lefèvre' });
    const other = await createClient(db, { name: 'Autre' });
    const it_ = await createContact(db, {
      clientId: client.id,
      role: 'it-correspondent',
      name: 'Paul Martin',
      jobTitle: 'Responsable informatique',
      email: 'paul.martin@lefevre.fr',
    });
    const boss = await createContact(db, {
      clientId: client.id,
      role: 'signatory',
      name: 'Hélène Lefèvre',
    });
    await createContact(db, {
      clientId: other.id,
      role: 'other',
      name: 'Ailleurs',
      email: 'a@autre.fr',
    });

    expect(await loadCopyRecipientChoices(db, client.id)).toEqual([
      {
        id: boss.id,
        name: 'Hélène Lefèvre',
        role: 'Signataire',
        email: '',
        unavailable: 'pas d’adresse e-mail dans sa fiche',
      },
      {
        id: it_.id,
        name: 'Paul Martin',
        role: 'Correspondant informatique, Responsable informatique',
        email: 'paul.martin@lefevre.fr',
        unavailable: null,
      },
    ]);
  });

  it('a client without contacts offers none', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Seul' });
    expect(await loadCopyRecipientChoices(db, client.id)).toEqual([]);
  });
});
