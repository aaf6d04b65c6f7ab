import type { Client } from './client';
import type { Contact } from './contact';
import { searchKey, wordKeys } from './search-key';

/**
 * Clients matching a query typed in the list: every word must start a word of the client's
 * name, city or one of its contacts' names (accents and case ignored), or appear in the
 * whole name ("durand" finds "Cabinet Durand & fils").
 */
export function searchClients(
  clients: readonly Client[],
  contacts: readonly Contact[],
  query: string,
): Client[] {
  const terms = wordKeys(query);
  if (terms.length === 0) return [...clients];
  const contactWords = new Map<string, string[]>();
  for (const c of contacts) {
    const list = contactWords.get(c.clientId) ?? [];
    list.push(...wordKeys(c.name));
    contactWords.set(c.clientId, list);
  }
  return clients.filter((client) => {
    const words = [
      ...wordKeys(client.name),
      ...wordKeys(client.city),
      ...(contactWords.get(client.id) ?? []),
    ];
    const whole = searchKey(client.name);
    return terms.every((t) => whole.includes(t) || words.some((w) => w.startsWith(t)));
  });
}
