import { OFFICE_ONLY_ENTITIES } from '../../shared/sync/entities';
import { entityDeclaration } from '../../shared/sync/entity-registry';
import type { EntityName } from '../../shared/sync/mutation';

/**
 * Entities whose records a technician's laptop cannot send at all (contracts, the catalogue):
 * the office-only ones (shared/sync/entity-registry.ts), but for the client companies, which
 * a technician may create on site (server/sync/field-clients.ts).
 */
export const OFFICE_TYPED_ENTITIES: ReadonlySet<string> = new Set<EntityName>(
  [...OFFICE_ONLY_ENTITIES].filter((e) => entityDeclaration(e).scope !== 'self'),
);
