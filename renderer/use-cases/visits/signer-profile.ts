import type { Provider } from '../../../shared/report/model';
import { saveProvider, saveTechnicianProfile } from '../../db/repositories/profile';
import type { TechnicianProfile } from '../../db/repositories/profile';
import type { UseCaseDeps } from '../deps';

export { technicianProfileSchema } from '../../db/repositories/profile';
export type { TechnicianProfile } from '../../db/repositories/profile';

/** The technician's name, code and saved signature, repeated on every bordereau (validated). */
export function saveSignerProfile(
  deps: UseCaseDeps,
  profile: TechnicianProfile,
): Promise<TechnicianProfile> {
  return saveTechnicianProfile(deps.db, profile);
}

/** The company's identity printed on every bordereau, checked by the report model. */
export function saveCompany(deps: UseCaseDeps, provider: unknown): Promise<Provider> {
  return saveProvider(deps.db, provider);
}
