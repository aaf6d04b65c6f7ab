import { z } from 'zod';
import { DEFAULT_OPENING_HOURS, weeklyScheduleSchema } from '../calendar/weekly-schedule';
import { optionalPhone, requiredText, syncedFields, text } from './record';

/**
 * A client's site. Opening hours use the calendar's weekly schedule, so the timer can check
 * on-site work against them directly (002 art. IV.2.2: the ladder applies within the
 * client's opening hours).
 */
export const siteFieldsSchema = z.object({
  clientId: z.uuid(),
  name: requiredText(200, 'Le nom du site est obligatoire.'),
  address: requiredText(300, 'L’adresse est obligatoire.'),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Le code postal compte 5 chiffres.'),
  city: requiredText(120, 'La ville est obligatoire.'),
  openingHours: weeklyScheduleSchema.default(DEFAULT_OPENING_HOURS),
  accessNotes: text(2000).default(''),
  /** The site's own line (reception, caretaker), called to announce the technician's arrival. */
  phone: optionalPhone.default(''),
});
export type SiteFields = z.input<typeof siteFieldsSchema>;

export const siteSchema = siteFieldsSchema.extend(syncedFields);
export type Site = z.infer<typeof siteSchema>;
