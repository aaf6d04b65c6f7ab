import { siteFieldsSchema } from '../../../shared/inventory/site';
import type { Site } from '../../../shared/inventory/site';
import { siteAddressSchema } from '../../../shared/inventory/site-address';
import { createSite } from '../../db/repositories/sites';
import type { UseCaseDeps } from '../deps';

/**
 * Creates the site an imported file names but the client lacks ("Agence Lyon" in GLPI's
 * "Lieu"), under that name, with the address the user typed: parsed by the shared site
 * schema (a French message for the first problem), stored and queued for sync at the
 * clock's time. The preview computed again then puts the file's rows on it.
 */
export async function createSiteFromImport(
  deps: UseCaseDeps,
  input: { readonly clientId: string; readonly name: string; readonly address: unknown },
): Promise<Site> {
  const address = siteAddressSchema.parse(input.address);
  const fields = siteFieldsSchema.parse({ clientId: input.clientId, name: input.name, ...address });
  return createSite(deps.db, fields, { now: deps.clock.now() });
}
