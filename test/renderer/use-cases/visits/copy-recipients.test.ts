import 'fake-indexeddb/auto';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { createContact, deleteContact } from '../../../../renderer/db/repositories/contacts';
import { copyRecipientsOf } from '../../../../renderer/use-cases/visits/copy-recipients';
import { freshDb } from '../../db/fresh-db';

describe('copyRecipientsOf (the on-site e-mail field’s pre-filled addresses)', () => {
  it('gives the addresses of the contacts the contract names, live ones with an address only', async () => {
    const db = freshDb();
    const clientId = uuidv7();
    const contact = (name: string, email: string) =>
      createContact(db, { clientId, role: 'it-correspondent', name, email });
    const it1 = await contact('Service informatique', 'it@lefevre.example');
    const noEmail = await contact('Accueil', '');
    const gone = await contact('Ancien DSI', 'ancien@lefevre.example');
    const other = await contact('Comptabilité', 'compta@lefevre.example');
    await deleteContact(db, gone.id);
    const chosen = { copyRecipientContactIds: [it1.id, noEmail.id, gone.id] };

    expect(await copyRecipientsOf(db, clientId, chosen)).toEqual(['it@lefevre.example']);
    expect(await copyRecipientsOf(db, clientId, { copyRecipientContactIds: [other.id] })).toEqual([
      'compta@lefevre.example',
    ]);
    // no contract, or one stored before the field existed: nothing pre-filled
    expect(await copyRecipientsOf(db, clientId, null)).toEqual([]);
    expect(await copyRecipientsOf(db, clientId, {})).toEqual([]);
  });
});
