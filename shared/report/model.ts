import { z } from 'zod';
import { TIMER_ACTIONS } from '../time/events';
import { MS_PER_MINUTE } from '../time/segments';
import { isValidFrenchVatNumber, isValidSiret, sirenOf } from './company-ids';
import { reportNumberSchema, technicianCodeSchema } from './number';

/**
 * The bordereau d'intervention (domain-rules.md §5) as data. Amounts are integer cents,
 * durations integer minutes, instants ms since the epoch (read in Paris time when printed).
 *
 * A report is a draft (`content` only, editable) until it is sealed: sealing adds the
 * signatures and a SHA-256 seal over the whole signed content (see seal.ts) and the report
 * can no longer change; a correction is a new version that references the sealed one.
 *
 * The schemas check what a signed document must never contain: an inconsistent timeline,
 * totals that do not add up, a SIRET with a bad key, a photo that is not an image.
 */

const ms = z
  .number()
  .int('L’horodatage doit être un entier (ms).')
  .nonnegative('Horodatage négatif.');
const minutes = z
  .number()
  .int('La durée doit être un nombre entier de minutes.')
  .nonnegative('Durée négative.');
const cents = z.number().int('Le montant doit être un nombre entier de centimes.');
const required = (what: string, max = 500) =>
  z
    .string()
    .trim()
    .min(1, `${what} : champ obligatoire.`)
    .max(max, `${what} : ${max} caractères au plus.`);
const optionalText = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`);

/** 64 lowercase hex digits: how every SHA-256 of the product is written. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 invalide.');

// Images travel as data URLs so a report is one self-contained record (sync, PDF, audit).
// The base64 payload must start with the format's magic bytes (PNG "\x89PNG", JPEG FF D8 FF).
const MAX_IMAGE_DATA_URL_LENGTH = 8_000_000;
const BASE64 = '[A-Za-z0-9+/]+={0,2}';
const PNG_DATA_URL = new RegExp(`^data:image/png;base64,iVBORw0KGgo${BASE64}$`);
const JPEG_DATA_URL = new RegExp(`^data:image/jpeg;base64,/9j/${BASE64}$`);

export const pngDataUrlSchema = z
  .string()
  .max(MAX_IMAGE_DATA_URL_LENGTH, 'Image trop volumineuse.')
  .regex(PNG_DATA_URL, 'Image PNG attendue (data URL base64).');

export const imageDataUrlSchema = z
  .string()
  .max(MAX_IMAGE_DATA_URL_LENGTH, 'Image trop volumineuse.')
  .refine(
    (v) => PNG_DATA_URL.test(v) || JPEG_DATA_URL.test(v),
    'Image JPEG ou PNG attendue (data URL base64).',
  );

export const addressSchema = z.object({
  street: required('Adresse'),
  complement: optionalText(200).optional(),
  postcode: z.string().regex(/^\d{5}$/, 'Code postal : 5 chiffres attendus.'),
  city: required('Ville', 100),
});
export type Address = z.infer<typeof addressSchema>;

export const providerSchema = z
  .object({
    name: required('Raison sociale', 200),
    /** e.g. "SAS au capital de 10 000 €" */
    legalForm: optionalText(200),
    address: addressSchema,
    siret: z.string().refine(isValidSiret, 'SIRET invalide (14 chiffres, clé de contrôle).'),
    vatNumber: z
      .string()
      .refine(isValidFrenchVatNumber, 'Numéro de TVA intracommunautaire invalide.'),
    phone: optionalText(40),
    email: optionalText(200),
    logoPngDataUrl: pngDataUrlSchema,
    /*
     * Fields added after the first reports were sealed are optional: a sealed report without
     * them keeps its content, hence its hash (canonicalJson leaves absent fields out).
     */
    /** The city of the trade registry (greffe), printed "RCS <city> <SIREN>". */
    rcsCity: optionalText(100).optional(),
    /** The provider's general terms the work is done under, e.g. "CGV Arcelle Infogérance 2026". */
    generalTerms: optionalText(300).optional(),
  })
  .superRefine((provider, ctx) => {
    if (sirenOf(provider.siret) !== sirenOf(provider.vatNumber)) {
      ctx.addIssue({
        code: 'custom',
        path: ['vatNumber'],
        message: 'Le numéro de TVA ne correspond pas au SIREN du SIRET.',
      });
    }
  });
export type Provider = z.infer<typeof providerSchema>;

export const INTERVENTION_TYPES = [
  'curative',
  'preventive',
  'planned-visit',
  'installation',
  'audit',
] as const;
export type VisitType = (typeof INTERVENTION_TYPES)[number];
export const INTERVENTION_MODES = ['onsite', 'remote'] as const;
export type VisitMode = (typeof INTERVENTION_MODES)[number];
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const interventionSchema = z.object({
  type: z.enum(INTERVENTION_TYPES, 'Type d’intervention inconnu.'),
  mode: z.enum(INTERVENTION_MODES, 'Mode d’intervention inconnu.'),
  urgency: z.enum(URGENCIES, 'Urgence inconnue.'),
  /** The client's ticket or request number, if any. */
  requestReference: optionalText(100),
  /** What the client asked for, in their words or the dispatcher's. */
  request: required('Objet de la demande', 2000),
});
export type Intervention = z.infer<typeof interventionSchema>;

export const pauseSchema = z
  .object({ startAt: ms, endAt: ms })
  .refine((p) => p.endAt >= p.startAt, 'Une pause ne peut finir avant d’avoir commencé.');

/** Same shape as shared/time's AppliedCorrection, minus its internal ids. */
export const timeCorrectionSchema = z.object({
  event: z.enum(TIMER_ACTIONS),
  originalAt: ms,
  correctedAt: ms,
  reason: required('Motif de la correction'),
  recordedAt: ms,
});
export type TimeCorrection = z.infer<typeof timeCorrectionSchema>;

export const timelineSchema = z
  .object({
    arrivalAt: ms,
    departureAt: ms,
    pauses: z.array(pauseSchema),
    corrections: z.array(timeCorrectionSchema),
    /** floor((departure − arrival − pauses) / 1 min), as shared/time computes it. */
    workedMinutes: minutes,
    billedMinutes: minutes,
    /** The ladder step applied, as shared/billing's stepLabel prints it. */
    ladderStepLabel: required('Palier appliqué', 200),
    /** Work outside the client's opening hours or at the weekend (flagged for the office). */
    outsideOpeningHours: z.boolean(),
  })
  .superRefine((t, ctx) => {
    if (t.departureAt < t.arrivalAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['departureAt'],
        message: 'Le départ précède l’arrivée.',
      });
      return;
    }
    let previousEnd = t.arrivalAt;
    let pausedMs = 0;
    for (const [i, pause] of t.pauses.entries()) {
      if (pause.startAt < previousEnd || pause.endAt > t.departureAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['pauses', i],
          message: 'Les pauses doivent se suivre sans se chevaucher, entre l’arrivée et le départ.',
        });
        return;
      }
      pausedMs += pause.endAt - pause.startAt;
      previousEnd = pause.endAt;
    }
    const expected = Math.floor((t.departureAt - t.arrivalAt - pausedMs) / MS_PER_MINUTE);
    if (t.workedMinutes !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['workedMinutes'],
        message: `Temps travaillé incohérent : ${t.workedMinutes} min déclarées, ${expected} min d’après les horaires.`,
      });
    }
  });
export type Timeline = z.infer<typeof timelineSchema>;

export const reportEquipmentSchema = z
  .object({
    /** Inventory record id, when the equipment is in the inventory. */
    equipmentId: z.string().min(1).nullable(),
    label: required('Équipement', 200),
    category: optionalText(100),
    /** Empty when unknown (printed as "—"). */
    serialNumber: optionalText(100),
    assetTag: optionalText(100),
    /** On the contract's equipment annex (002 art. III); otherwise billed extra. */
    covered: z.boolean(),
    /** Found on site, never declared (002 art. IV.2.1): billed from `discoveredAt`. */
    newlyDiscovered: z.boolean(),
    discoveredAt: ms.nullable(),
  })
  .refine(
    (e) => e.newlyDiscovered === (e.discoveredAt !== null),
    'Un équipement découvert sur site doit porter sa date de découverte (et seulement lui).',
  );
export type ReportEquipment = z.infer<typeof reportEquipmentSchema>;

export const workSchema = z.object({
  description: required('Travaux réalisés', 20_000),
  checklist: z.array(z.object({ label: required('Point de contrôle', 300), done: z.boolean() })),
});
export type Work = z.infer<typeof workSchema>;

export const partUsedSchema = z.object({
  label: required('Pièce', 200),
  reference: optionalText(100),
  serialNumber: optionalText(100),
  quantity: z.number().int('Quantité entière attendue.').positive('Quantité positive attendue.'),
});
export type PartUsed = z.infer<typeof partUsedSchema>;

/** 004 art. VIII: why an intervention could not be completed. */
export const INTERRUPTION_REASONS = [
  'no-access',
  'conditions-differ',
  'missing-licences-or-manuals',
  'power-or-internet-failure',
] as const;
export type InterruptionReason = (typeof INTERRUPTION_REASONS)[number];

export const resultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('resolved') }),
  z.object({ status: z.literal('to-be-continued'), nextSteps: required('Suite à donner', 2000) }),
  z.object({
    status: z.literal('interrupted'),
    reason: z.enum(INTERRUPTION_REASONS, 'Motif d’interruption inconnu.'),
    detail: optionalText(2000),
  }),
]);
export type ReportResult = z.infer<typeof resultSchema>;

export const hourBankSchema = z.object({
  deductedMinutes: minutes,
  balanceAfterMinutes: minutes,
});

export const billedLineSchema = z.object({
  label: required('Libellé', 300),
  quantity: z.number().int().positive().optional(),
  /** Per unit, or per hour on a time line priced at the rate. */
  unitHtCents: cents.optional(),
  htCents: cents,
  /** Time lines: the billed minutes (absent from reports sealed before it existed). */
  timeMinutes: minutes.optional(),
  /** How the amount was reached: units × unit price, step, article, rounding. */
  detail: optionalText(500).optional(),
});
export type BilledLine = z.infer<typeof billedLineSchema>;

/** VAT on the HT total, rounded half-up to the cent (domain-rules.md §4), in integers only. */
export function vatCentsFor(totalHtCents: number, rateBasisPoints: number): number {
  const product = totalHtCents * rateBasisPoints;
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 5_000) / 10_000);
}

/** What the office must check before billing, carried by reports sealed since it exists. */
export const BILLING_FLAGS = [
  'beyond-quota',
  'complementary-without-quote',
  'equipment-not-covered',
  'outside-opening-hours',
] as const;
export type BillingFlag = (typeof BILLING_FLAGS)[number];
const billingFlagsSchema = z.array(z.enum(BILLING_FLAGS)).min(1).optional();

/** The on-site response time (004 art. VI): requested when, due when, met or missed. */
export const slaOutcomeSchema = z.object({
  requestedAt: ms,
  workingMinutes: minutes,
  deadlineAt: ms,
  met: z.boolean(),
});
export type SlaOutcome = z.infer<typeof slaOutcomeSchema>;

export const billingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('included'),
    /** The subscription the visit counts against, e.g. "Infogérance PME – 10 postes". */
    subscriptionLabel: required('Abonnement', 200),
    /** This visit's rank among the contract's yearly visits, when the contract counts them. */
    visits: z
      .object({ used: z.number().int().positive(), perYear: z.number().int().positive() })
      .nullable(),
    hourBank: hourBankSchema.nullable(),
    flags: billingFlagsSchema,
    sla: slaOutcomeSchema.optional(),
  }),
  z
    .object({
      kind: z.literal('billed'),
      lines: z.array(billedLineSchema).min(1, 'Au moins une ligne facturée.'),
      totalHtCents: cents,
      vatRateBasisPoints: z.number().int().min(0).max(10_000),
      vatCents: cents,
      totalTtcCents: cents,
      hourBank: hourBankSchema.nullable(),
      flags: billingFlagsSchema,
      sla: slaOutcomeSchema.optional(),
      /** The quotes (devis) the complementary work was done under. */
      quoteNumbers: z.array(required('Numéro de devis', 40)).min(1).optional(),
    })
    .superRefine((b, ctx) => {
      const sum = b.lines.reduce((total, line) => total + line.htCents, 0);
      if (sum !== b.totalHtCents) {
        ctx.addIssue({
          code: 'custom',
          path: ['totalHtCents'],
          message: 'Le total HT n’est pas la somme des lignes.',
        });
      }
      if (b.vatCents !== vatCentsFor(b.totalHtCents, b.vatRateBasisPoints)) {
        ctx.addIssue({
          code: 'custom',
          path: ['vatCents'],
          message: 'Montant de TVA incohérent avec le taux.',
        });
      }
      if (b.totalTtcCents !== b.totalHtCents + b.vatCents) {
        ctx.addIssue({
          code: 'custom',
          path: ['totalTtcCents'],
          message: 'Le total TTC doit valoir HT + TVA.',
        });
      }
    }),
]);
export type BillingSummary = z.infer<typeof billingSchema>;

/**
 * A photo is sealed by the SHA-256 of its bytes, not by the bytes themselves: a report must
 * stay well under the sync limit for one record (SYNC_LIMITS.maxRecordBytes) whatever the
 * number of photos, and the bytes travel as content-addressed blobs (uploaded before the
 * report, verified on arrival). The hash in the sealed content pins each photo exactly.
 */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;
export const photoSchema = z.object({
  caption: required('Légende', 300),
  sha256: sha256HexSchema,
  mediaType: z.enum(PHOTO_MEDIA_TYPES, { error: 'Photo JPEG ou PNG attendue.' }),
  takenAt: ms,
});
export type ReportPhoto = z.infer<typeof photoSchema>;

export const versionSchema = z
  .object({
    number: z.number().int().positive(),
    /** The sealed report this version replaces; null for a first version. */
    supersedes: z
      .object({
        reportId: z.string().min(1),
        number: reportNumberSchema,
        sealHash: sha256HexSchema,
      })
      .nullable(),
  })
  .refine(
    (v) => (v.number === 1) === (v.supersedes === null),
    'Seule une version au-delà de la première remplace un bordereau scellé.',
  );
export type ReportVersion = z.infer<typeof versionSchema>;

export const BACKUP_RESPONSIBILITIES = ['client', 'provider-checks'] as const;
export type BackupResponsibility = (typeof BACKUP_RESPONSIBILITIES)[number];

export const CLIENT_COPY_METHODS = ['printed', 'pdf-on-site', 'email'] as const;
export type ClientCopyMethod = (typeof CLIENT_COPY_METHODS)[number];

/**
 * The client's copy (004 art. VI: "en remettra un exemplaire au client"): printed on site,
 * the PDF given on site, and/or e-mailed by the office server to `emails` once the report
 * reaches it (the request travels with the report, so it is queued while offline).
 */
export const clientCopySchema = z
  .object({
    methods: z
      .array(z.enum(CLIENT_COPY_METHODS, 'Mode de remise inconnu.'))
      .min(1, 'Choisissez comment l’exemplaire du client est remis.'),
    emails: z.array(z.email('Adresse e-mail invalide.').max(254)).max(10, '10 adresses au plus.'),
  })
  .refine((c) => c.methods.includes('email') === c.emails.length > 0, {
    message: 'Un envoi par e-mail demande au moins une adresse (et seulement lui).',
    path: ['emails'],
  });
export type ClientCopy = z.infer<typeof clientCopySchema>;

/**
 * Another technician on the visit (shared/visit/team.ts): their own times, their time through
 * the contract's ladder, and their signature. Absent on reports of one technician, so the
 * sealed content of every report sealed before it is unchanged.
 */
export const teamMemberReportSchema = z.object({
  name: required('Nom du technicien', 200),
  arrivalAt: ms,
  departureAt: ms,
  pauses: z.array(pauseSchema),
  workedMinutes: minutes,
  billedMinutes: minutes,
  ladderStepLabel: required('Palier appliqué', 200),
  signature: z.object({ signedAt: ms, imagePngDataUrl: pngDataUrlSchema }).nullable(),
});
export type TeamMemberReport = z.infer<typeof teamMemberReportSchema>;

/** Everything the technician fills in before signatures. */
export const reportContentSchema = z.object({
  /** UUIDv7 generated on the device; each version has its own id. */
  id: z.uuid('Identifiant de bordereau invalide.'),
  number: reportNumberSchema,
  version: versionSchema,
  issuedAt: ms,
  provider: providerSchema,
  technician: z.object({ name: required('Nom du technicien', 200), code: technicianCodeSchema }),
  client: z.object({
    name: required('Client', 200),
    clientCode: optionalText(50),
    /** Optional (added after the first sealed reports, see provider). */
    siret: z
      .string()
      .refine(isValidSiret, 'SIRET du client invalide (14 chiffres, clé de contrôle).')
      .optional(),
    /** Head office or billing address, when it differs from the site's or is known. */
    billingAddress: addressSchema.optional(),
  }),
  site: z.object({ name: required('Site', 200), address: addressSchema }),
  contract: z
    .object({ reference: required('Référence du contrat', 100), label: optionalText(200) })
    .nullable(),
  /** The client or their named representative present during the intervention (000 art. 14). */
  representative: z
    .object({ name: required('Nom du représentant', 200), role: optionalText(200) })
    .nullable(),
  intervention: interventionSchema,
  timeline: timelineSchema,
  equipment: z.array(reportEquipmentSchema),
  work: workSchema,
  parts: z.array(partUsedSchema),
  result: resultSchema,
  recommendations: optionalText(10_000),
  /** Backups are the client's responsibility (000 art. 14, 002 art. V.2); the reminder is always printed. */
  backup: z.object({
    clientConfirmedBackup: z.boolean(),
    /**
     * Who answers for backups under the contract (domain-rules.md §5): 'client' alone (000
     * art. 13–14, 004 art. VIII) or 'provider-checks' (002 art. III-1 §4 and V.1: the
     * provider checks the backups and answers for a proven fault). Absent on reports sealed
     * before it existed, which print a neutral reference to the contract.
     */
    responsibility: z.enum(BACKUP_RESPONSIBILITIES).optional(),
  }),
  billing: billingSchema,
  clientRemarks: optionalText(5_000),
  photos: z.array(photoSchema).max(50, '50 photos au plus par bordereau.'),
  /** How the client's copy is handed over (chosen before signing; optional, see provider). */
  clientCopy: clientCopySchema.optional(),
  /** The other technicians on the visit; absent when one technician worked alone. */
  team: z.array(teamMemberReportSchema).min(1).max(5).optional(),
});
export type ReportContent = z.infer<typeof reportContentSchema>;

export const CLIENT_ABSENCE_REASONS = ['absent', 'refused'] as const;
export type ClientAbsenceReason = (typeof CLIENT_ABSENCE_REASONS)[number];

export const clientSignatureSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('signed'),
    signerName: required('Nom du signataire', 200),
    role: optionalText(200),
    signedAt: ms,
    imagePngDataUrl: pngDataUrlSchema,
  }),
  /** Client absent or refusing to sign: the report is closed without them, with the reason. */
  z.object({
    status: z.literal('not-signed'),
    reason: z.enum(CLIENT_ABSENCE_REASONS, 'Motif d’absence de signature inconnu.'),
    note: required('Circonstances', 2000),
    recordedAt: ms,
  }),
]);
export type ClientSignature = z.infer<typeof clientSignatureSchema>;

export const technicianSignatureSchema = z.object({
  name: required('Nom du technicien', 200),
  signedAt: ms,
  imagePngDataUrl: pngDataUrlSchema,
});
export type TechnicianSignature = z.infer<typeof technicianSignatureSchema>;

export const reportSignaturesSchema = z.object({
  client: clientSignatureSchema,
  technician: technicianSignatureSchema,
});
export type ReportSignatures = z.infer<typeof reportSignaturesSchema>;

/** What the seal's hash covers: the content plus both signatures (see seal.ts). */
export const signedReportContentSchema = reportContentSchema
  .extend({ signatures: reportSignaturesSchema })
  .superRefine((c, ctx) => {
    if (c.signatures.technician.name !== c.technician.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['signatures', 'technician', 'name'],
        message: 'Le bordereau doit être signé par le technicien qui l’a établi.',
      });
    }
  });
export type SignedReportContent = z.infer<typeof signedReportContentSchema>;

export const SEAL_ALGORITHM = 'SHA-256';

export const sealSchema = z.object({
  /** SHA-256 of canonicalJson(content), lowercase hex. */
  hash: sha256HexSchema,
  algorithm: z.literal(SEAL_ALGORITHM),
  sealedAt: ms,
  signer: z.object({ name: z.string().min(1), code: technicianCodeSchema }),
});
export type Seal = z.infer<typeof sealSchema>;

export const draftReportSchema = z.object({
  status: z.literal('draft'),
  content: reportContentSchema,
});
export type DraftReport = z.infer<typeof draftReportSchema>;

export const sealedReportSchema = z.object({
  status: z.literal('sealed'),
  content: signedReportContentSchema,
  seal: sealSchema,
});
export type SealedReport = z.infer<typeof sealedReportSchema>;

export const reportSchema = z.discriminatedUnion('status', [draftReportSchema, sealedReportSchema]);
export type Report = z.infer<typeof reportSchema>;
