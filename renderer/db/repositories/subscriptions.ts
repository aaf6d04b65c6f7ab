import {
  subscriptionFieldsSchema,
  subscriptionSchema,
} from '../../../shared/inventory/subscription';
import type { Subscription, SubscriptionFields } from '../../../shared/inventory/subscription';
import { putRecord, updateRecord } from '../changes';
import type { WriteOptions } from '../changes';
import type { BordereauDb } from '../database';
import { newRecordMeta } from './new-record';

export async function createSubscription(
  db: BordereauDb,
  fields: SubscriptionFields,
  options: WriteOptions = {},
): Promise<Subscription> {
  const now = options.now ?? Date.now();
  const subscription = subscriptionSchema.parse({
    ...subscriptionFieldsSchema.parse(fields),
    ...newRecordMeta(now),
  });
  return putRecord(db, 'subscriptions', subscription, { ...options, now });
}

export async function updateSubscription(
  db: BordereauDb,
  id: string,
  fields: Partial<SubscriptionFields>,
  options: WriteOptions = {},
): Promise<Subscription> {
  return updateRecord<Subscription>(db, 'subscriptions', id, fields as Partial<Subscription>, {
    ...options,
    validate: (merged) => subscriptionSchema.parse(merged),
  });
}

/** A client's subscriptions, next renewal first. */
export async function listSubscriptions(
  db: BordereauDb,
  clientId: string,
): Promise<Subscription[]> {
  const list = await db.subscriptions.where('clientId').equals(clientId).toArray();
  return list.sort((a, b) => a.renewalDate.localeCompare(b.renewalDate));
}
