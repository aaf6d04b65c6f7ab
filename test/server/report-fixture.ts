import { sealReport } from '../../shared/report/seal';
import type { DraftReport, SealedReport } from '../../shared/report/model';

/** A 1×1 PNG as a data URL (signatures and logo). */
export const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const T0 = Date.UTC(2026, 10, 2, 8, 0);

/** A valid draft bordereau (shared/report/model.ts) with the given ids. */
/** Who signs the fixture's reports: the server binds a technician code to one account. */
export type FixtureTechnician = { name: string; code: string };
const JEAN_DUPONT: FixtureTechnician = { name: 'Jean Dupont', code: 'JD' };

export function draftReport(
  id: string,
  sequence = 1,
  technician: FixtureTechnician = JEAN_DUPONT,
): DraftReport {
  return {
    status: 'draft',
    content: {
      id,
      number: `BI-2026-${technician.code}-${String(sequence).padStart(4, '0')}`,
      version: { number: 1, supersedes: null },
      issuedAt: T0,
      provider: {
        name: 'Infogérance Île-de-France',
        legalForm: 'SAS',
        address: { street: '10 rue de Rivoli', postcode: '75004', city: 'Paris' },
        siret: '73282932000074',
        vatNumber: 'FR44732829320',
        phone: '',
        email: '',
        logoPngDataUrl: PNG_1PX,
      },
      technician: { ...technician },
      client: { name: 'ALLANCE SAS', clientCode: '' },
      site: {
        name: 'Siège',
        address: { street: '1 rue de la Paix', postcode: '75002', city: 'Paris' },
      },
      contract: null,
      representative: { name: 'Paul Martin', role: 'DSI' },
      intervention: {
        type: 'curative',
        mode: 'onsite',
        urgency: 'normal',
        requestReference: '',
        request: 'Serveur lent',
      },
      timeline: {
        arrivalAt: T0,
        departureAt: T0 + 90 * 60_000,
        pauses: [],
        corrections: [],
        workedMinutes: 90,
        billedMinutes: 120,
        ladderStepLabel: '2 h minimum',
        outsideOpeningHours: false,
      },
      equipment: [],
      work: { description: 'Nettoyage des journaux, redémarrage du service.', checklist: [] },
      parts: [],
      result: { status: 'resolved' },
      recommendations: '',
      backup: { clientConfirmedBackup: true },
      billing: {
        kind: 'billed',
        lines: [{ label: 'Intervention sur site (2 h)', htCents: 13000 }],
        totalHtCents: 13000,
        vatRateBasisPoints: 2000,
        vatCents: 2600,
        totalTtcCents: 15600,
        hourBank: null,
      },
      clientRemarks: '',
      photos: [],
    },
  };
}

export async function sealedReport(
  id: string,
  sequence = 1,
  technician: FixtureTechnician = JEAN_DUPONT,
): Promise<SealedReport> {
  const signedAt = T0 + 100 * 60_000;
  return sealReport(
    draftReport(id, sequence, technician),
    {
      client: {
        status: 'signed',
        signerName: 'Paul Martin',
        role: 'DSI',
        signedAt,
        imagePngDataUrl: PNG_1PX,
      },
      technician: { name: technician.name, signedAt, imagePngDataUrl: PNG_1PX },
    },
    signedAt + 1000,
  );
}

/** JSON round trip: the plain data a device sends (sealed reports come back deep-frozen). */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
