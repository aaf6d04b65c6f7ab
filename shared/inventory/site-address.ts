import type { z } from 'zod';
import { siteFieldsSchema } from './site';

/**
 * A site's address as typed where the name is already known (a site an imported file
 * names): the site schema's own rules and French messages for the three fields.
 */
export const siteAddressSchema = siteFieldsSchema.pick({
  address: true,
  postcode: true,
  city: true,
});
export type SiteAddress = z.input<typeof siteAddressSchema>;
