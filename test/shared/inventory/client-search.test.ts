import { describe, expect, it } from 'vitest';
import { clientSchema } from '../../../shared/inventory/client';
import { contactSchema } from '../../../shared/inventory/contact';
import { searchClients } from '../../../shared/inventory/client-search';

const meta = (n: number) => ({
  id: `0192b3c4-0000-7000-8000-00000000000${n}`,
  revision: null,
  updatedAt: 0,
});
const clients = [
  clientSchema.parse({ ...meta(1), name: 'Cabinet Durand & fils', city: 'Saint-Étienne' }),
  clientSchema.parse({ ...meta(2), name: 'Boulangerie Léa', city: 'Lyon' }),
];
const contacts = [
  contactSchema.parse({
    ...meta(3),
    clientId: meta(2).id,
    role: 'signatory',
    name: 'Marc Petitjean',
  }),
];
const names = (q: string) => searchClients(clients, contacts, q).map((c) => c.name);

describe('searchClients', () => {
  it('matches name, city and contact names, accents and case ignored', () => {
    expect(names('')).toHaveLength(2);
    expect(names('durand')).toEqual(['Cabinet Durand & fils']);
    expect(names('etienne')).toEqual(['Cabinet Durand & fils']);
    expect(names('lea lyon')).toEqual(['Boulangerie Léa']);
    expect(names('petitj')).toEqual(['Boulangerie Léa']);
    expect(names('durand lyon')).toEqual([]);
  });
});
