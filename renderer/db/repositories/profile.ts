import { z } from 'zod';
import { pngDataUrlSchema, providerSchema } from '../../../shared/report/model';
import type { Provider } from '../../../shared/report/model';
import { technicianCodeSchema } from '../../../shared/report/number';
import type { BordereauDb } from '../database';

/**
 * Who issues the bordereaux from this laptop: the technician (name, code assigned by the
 * office, signature drawn once and reused on every report) and the provider company whose
 * identity heads the PDF. Both are local settings of the device, never synced.
 */

export const technicianProfileSchema = z.object({
  name: z.string().trim().min(1, 'Indiquez votre nom.').max(200, '200 caractères au plus.'),
  code: technicianCodeSchema,
  signaturePngDataUrl: pngDataUrlSchema,
});
export type TechnicianProfile = z.infer<typeof technicianProfileSchema>;

const PROFILE_ID = 'current';
const PROVIDER_KEY = 'provider';

export async function getTechnicianProfile(db: BordereauDb): Promise<TechnicianProfile | null> {
  const row = await db.technicianProfile.get(PROFILE_ID);
  const parsed = technicianProfileSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

export async function saveTechnicianProfile(
  db: BordereauDb,
  profile: TechnicianProfile,
): Promise<TechnicianProfile> {
  const valid = technicianProfileSchema.parse(profile);
  await db.technicianProfile.put({ id: PROFILE_ID, ...valid });
  return valid;
}

export async function getProvider(db: BordereauDb): Promise<Provider | null> {
  const row = await db.settings.get(PROVIDER_KEY);
  const parsed = providerSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveProvider(db: BordereauDb, provider: unknown): Promise<Provider> {
  const valid = providerSchema.parse(provider);
  await db.settings.put({ key: PROVIDER_KEY, value: valid });
  return valid;
}
