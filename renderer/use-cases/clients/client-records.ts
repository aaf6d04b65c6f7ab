import { clientFieldsSchema } from '../../../shared/inventory/client';
import type { Client } from '../../../shared/inventory/client';
import { contactFieldsSchema } from '../../../shared/inventory/contact';
import type { Contact } from '../../../shared/inventory/contact';
import { siteFieldsSchema } from '../../../shared/inventory/site';
import type { Site } from '../../../shared/inventory/site';
import { subscriptionFieldsSchema } from '../../../shared/inventory/subscription';
import type { Subscription } from '../../../shared/inventory/subscription';
import { createClient, updateClient } from '../../db/repositories/clients';
import { createContact } from '../../db/repositories/contacts';
import { createSite } from '../../db/repositories/sites';
import { createSubscription } from '../../db/repositories/subscriptions';
import type { UseCaseDeps } from '../deps';

/**
 * The client file's commands: each validates its input with the shared schema (a French
 * message for the first problem), writes through the repository (record and outbox in one
 * transaction) at the clock's time, and returns what was stored.
 */

/** Creates a client, or edits `id`'s fields. */
export async function saveClient(
  deps: UseCaseDeps,
  input: { readonly id?: string | undefined; readonly fields: unknown },
): Promise<Client> {
  const fields = clientFieldsSchema.parse(input.fields);
  const now = deps.clock.now();
  return input.id === undefined
    ? createClient(deps.db, fields, { now })
    : updateClient(deps.db, input.id, fields, { now });
}

export async function addSite(deps: UseCaseDeps, fields: unknown): Promise<Site> {
  return createSite(deps.db, siteFieldsSchema.parse(fields), { now: deps.clock.now() });
}

export async function addContact(deps: UseCaseDeps, fields: unknown): Promise<Contact> {
  return createContact(deps.db, contactFieldsSchema.parse(fields), { now: deps.clock.now() });
}

export async function addSubscription(deps: UseCaseDeps, fields: unknown): Promise<Subscription> {
  return createSubscription(deps.db, subscriptionFieldsSchema.parse(fields), {
    now: deps.clock.now(),
  });
}
