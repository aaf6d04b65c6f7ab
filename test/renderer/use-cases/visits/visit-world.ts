import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { saveContract } from '../../../../renderer/db/repositories/contracts';
import { saveProvider, saveTechnicianProfile } from '../../../../renderer/db/repositories/profile';
import { createSite } from '../../../../renderer/db/repositories/sites';
import type { UseCaseDeps } from '../../../../renderer/use-cases/deps';
import { images, sampleDraft } from '../../../fixtures/report/sample-report';
import { freshDb } from '../../db/fresh-db';

/** Monday 23 November 2026, 09:00 in Paris. */
export const T0 = Date.UTC(2026, 10, 23, 8, 0);
export const MINUTE = 60_000;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public at: number = T0) {}
  now(): number {
    return this.at;
  }
  advance(minutes: number): void {
    this.at += minutes * MINUTE;
  }
}

export interface VisitWorld {
  readonly db: BordereauDb;
  readonly clock: TestClock;
  readonly deps: UseCaseDeps;
  readonly clientId: string;
  readonly siteId: string;
  readonly contractId: string;
}

/**
 * A laptop ready for a visit: a client with a site and a time-and-materials contract at
 * 80 € HT an hour, the technician's profile and the company's identity.
 */
export async function visitWorld(): Promise<VisitWorld> {
  const db = freshDb();
  const clock = new TestClock();
  const options = { now: T0 - 1000 };
  const client = await createClient(db, { name: 'Cabinet Lefèvre & Associés' }, options);
  const site = await createSite(
    db,
    {
      clientId: client.id,
      name: 'Siège',
      address: '8 avenue du Château',
      postcode: '94300',
      city: 'Vincennes',
    },
    options,
  );
  const contract = await saveContract(
    db,
    {
      clientId: client.id,
      reference: 'REG-2026-001',
      startsOn: '2026-01-01',
      hourlyRateCents: 8_000,
    },
    options,
  );
  await saveTechnicianProfile(db, {
    name: 'Julien Durand',
    code: 'JD',
    signaturePngDataUrl: images.technicianSignature,
  });
  await saveProvider(db, sampleDraft().content.provider);
  return {
    db,
    clock,
    deps: { db, clock },
    clientId: client.id,
    siteId: site.id,
    contractId: contract.id,
  };
}

/** The "Démarrer une intervention" form, filled in. */
export function newVisitInput(world: VisitWorld) {
  return {
    clientId: world.clientId,
    siteId: world.siteId,
    contractId: world.contractId,
    header: {
      mode: 'onsite' as const,
      type: 'curative' as const,
      urgency: 'normal' as const,
      request: 'Serveur lent',
      representative: { name: 'Hélène Lefèvre', role: 'Gérante' },
      clientConfirmedBackup: true,
    },
  };
}
