import type { Contract } from '../../../shared/billing/contract';
import { defaultContract, defaultContractId } from '../../../shared/billing/default-contract';
import { localDateOf } from '../../../shared/calendar/local-date';
import type { CatalogueItem } from '../../../shared/inventory/catalogue-item';
import type { Client } from '../../../shared/inventory/client';
import type { Site } from '../../../shared/inventory/site';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import type { BordereauDb, StoredEquipment } from '../../db/database';
import { getVisit, listVisits } from '../../db/repositories/visits';
// The default rates are a local setting the settings screen edits; read here, where a visit
// without contract is priced.
import { getDefaultRates } from '../settings/default-rates';

/** Everything a visit's screens and its signature read: the visit and the records it names. */
export interface VisitContext {
  readonly visit: VisitRecord;
  readonly client: Client | undefined;
  readonly site: Site | undefined;
  readonly contract: Contract | undefined;
  /** The client's whole inventory (to pick from). */
  readonly equipment: readonly StoredEquipment[];
  readonly catalogue: readonly CatalogueItem[];
  /** Every other visit of the same contract (hour bank, subscription visits). */
  readonly otherVisits: readonly VisitRecord[];
}

/** The visit and what it names, read in one go; null when the visit is not on this laptop. */
export async function loadVisitContext(db: BordereauDb, id: string): Promise<VisitContext | null> {
  const visit = await getVisit(db, id);
  if (!visit) return null;
  const [client, site, contract, equipment, catalogue, all] = await Promise.all([
    db.clients.get(visit.clientId),
    db.sites.get(visit.siteId),
    visitContract(db, visit),
    db.equipment.where('clientId').equals(visit.clientId).toArray(),
    db.catalogueItems.toArray(),
    listVisits(db),
  ]);
  const otherVisits = all.filter((v) => v.id !== visit.id && v.contractId === visit.contractId);
  return {
    visit,
    client,
    site,
    contract,
    equipment,
    catalogue: catalogue.filter((c) => c.active),
    otherVisits,
  };
}

/**
 * The contract the visit is priced under: the stored one, or for a client without contract
 * the company's default rates (Paramètres) as a time-and-materials contract.
 */
export async function visitContract(
  db: BordereauDb,
  visit: Pick<VisitRecord, 'clientId' | 'contractId' | 'createdAt'>,
): Promise<Contract | undefined> {
  if (visit.contractId !== defaultContractId(visit.clientId)) {
    return db.contracts.get(visit.contractId);
  }
  return defaultContract(await getDefaultRates(db), visit.clientId, localDateOf(visit.createdAt));
}
