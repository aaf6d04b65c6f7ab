import { z } from 'zod';
import { mutationSchema } from './mutation';
import { storableText } from './storable-text';

/**
 * The office-server sync protocol, version 1: every request and response body of
 * `/api/v1/*`, as zod schemas shared by the desktop app and the server.
 * The prose description (ordering, exactly-once, cursors, conflicts) is docs/sync-protocol.md.
 */

/** Bumped when the wire format changes incompatibly; an older client is answered 426. */
export const PROTOCOL_VERSION = 1;
/** Bumped when the record shapes change incompatibly (entity schemas); an older client is answered 426. */
export const SCHEMA_VERSION = 1;

/** Every request carries both versions in these headers (GET requests have no body). */
export const PROTOCOL_VERSION_HEADER = 'x-bordereau-protocol';
export const SCHEMA_VERSION_HEADER = 'x-bordereau-schema';
/** `Authorization: Bearer <token>` on every route but login and health. */
export const AUTHORIZATION_HEADER = 'authorization';

export const SYNC_LIMITS = {
  /** Mutations per push: a bigger outbox is pushed in several batches, in order. */
  maxMutationsPerPush: 500,
  /** Bytes of a push body (JSON). */
  maxPushBytes: 1024 * 1024,
  /** Bytes of one record's data once merged (JSON). */
  maxRecordBytes: 256 * 1024,
  /** Levels of nested objects and arrays in a record's data, the record itself counting as one. */
  maxDataDepth: 64,
  /** Bytes of one blob (photo, signature, PDF). */
  maxBlobBytes: 25 * 1024 * 1024,
  /** Bytes of any other request body (login, admin). */
  maxSmallBodyBytes: 16 * 1024,
  /** Records per pull page: default and maximum. */
  defaultPullLimit: 1000,
  maxPullLimit: 5000,
  /**
   * Bytes of record data (JSON) per pull page: a page ends at the record that would go past
   * it, whatever `limit` says, but always holds at least one record.
   */
  maxPullPageBytes: 4 * 1024 * 1024,
  /** A timestamp (request or mutation) more than this ahead of the server clock is refused. */
  maxClockAheadMs: 10 * 60 * 1000,
} as const;

// ---------------------------------------------------------------------------------------
// Common

export const roleSchema = z.enum(['technician', 'office']);
export type Role = z.infer<typeof roleSchema>;

/** Machine-readable error codes; `message` carries the French text for the user. */
export const API_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  /** A blob upload past the account's quota (413). */
  'quota_exceeded',
  'upgrade_required',
  'clock_drift',
  'too_many_requests',
  'unavailable',
  'internal',
] as const;
export const apiErrorSchema = z.object({
  error: z.enum(API_ERROR_CODES),
  /** French, shown to the user as is. */
  message: z.string(),
  /** Which input was wrong (zod issues, path joined with '.'), when that is the cause. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** For `upgrade_required`: the versions the server speaks. */
  protocolVersion: z.number().int().optional(),
  schemaVersion: z.number().int().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  database: z.enum(['pglite', 'postgres']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

// ---------------------------------------------------------------------------------------
// POST /api/v1/auth/login (rate-limited), POST /api/v1/auth/logout

export const loginRequestSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const accountSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: roleSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const loginResponseSchema = z.object({
  /** Opaque bearer token; the server keeps only its SHA-256. Revoked by logout or by the office. */
  token: z.string(),
  expiresAt: z.number().int(),
  account: accountSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

// ---------------------------------------------------------------------------------------
// POST /api/v1/sync/push

export const pushRequestSchema = z
  .object({
    /** The device (laptop install) id: a UUID generated once per install and per account. */
    deviceId: z.uuid(),
    /** Device clock when sending, ms: refused when far ahead of the server clock. */
    sentAt: z.number().int().nonnegative(),
    /**
     * The id of the mutation this batch follows: the server's `lastMutationId` from the previous
     * reply (or, at the start, the last entry the device knows was answered). It declares that
     * no id between it and the batch's first mutation will ever be sent (folded into a later
     * entry or cancelled), nor any id skipped between two mutations of the batch. A server that
     * has not processed this device up to it answers `gap` (nothing applied): the device resends
     * from the first entry above the `lastMutationId` of that answer. Absent (older clients):
     * no check before the batch.
     */
    previousMutationId: z.number().int().nonnegative().optional(),
    /** In outbox order: mutation ids strictly increasing (gaps allowed, see previousMutationId). */
    mutations: z.array(mutationSchema).min(1).max(SYNC_LIMITS.maxMutationsPerPush),
  })
  .superRefine((req, ctx) => {
    for (let i = 1; i < req.mutations.length; i++) {
      if (req.mutations[i]!.mutationId <= req.mutations[i - 1]!.mutationId) {
        ctx.addIssue({
          code: 'custom',
          path: ['mutations', i, 'mutationId'],
          message: 'Les mutations doivent être envoyées dans l’ordre croissant de leur numéro.',
        });
        return;
      }
    }
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why a mutation was refused for good. It is recorded on the server and never retried. */
export const REJECTION_REASONS = [
  /** The data fails the entity schema or the size limit. */
  'invalid',
  /** The account may not write this entity or this client's data. */
  'forbidden',
  /** The record is a sealed (signed) report: only a new version may be created. */
  'sealed',
  /** The seal hash sent does not match the server's recomputation. */
  'seal_mismatch',
  /** The record's client (scope) cannot change after creation. */
  'client_change',
] as const;
export const rejectionReasonSchema = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const conflictFieldSchema = z.object({
  field: z.string(),
  /** What the server kept (null when the record was deleted on the server). */
  serverValue: z.unknown(),
  /** What this device sent. */
  deviceValue: z.unknown(),
});
export type ConflictField = z.infer<typeof conflictFieldSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  /** Applied as sent; `revision` is the record's new revision. */
  z.object({
    mutationId: z.number().int(),
    status: z.literal('applied'),
    revision: z.number().int(),
  }),
  /**
   * Already processed by an earlier push (retry, duplicate, concurrent send): nothing done again.
   * `original` is what happened the first time.
   */
  z.object({
    mutationId: z.number().int(),
    status: z.literal('alreadyApplied'),
    original: z.enum(['applied', 'conflict', 'rejected']),
  }),
  /**
   * Based on a stale revision: the fields nobody else changed were applied (`revision`), the
   * overlapping ones kept the server's value and are recorded in the `syncConflicts` record
   * `conflictId` (pulled like any record) for the user to resolve.
   */
  z.object({
    mutationId: z.number().int(),
    status: z.literal('conflict'),
    revision: z.number().int(),
    conflictId: z.uuid(),
    fields: z.array(conflictFieldSchema),
  }),
  /** Refused for good (recorded on the server): drop it from the outbox and tell the user. */
  z.object({
    mutationId: z.number().int(),
    status: z.literal('rejected'),
    reason: rejectionReasonSchema,
    /** French, for the user. */
    message: z.string(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  /** One result per mutation sent, in the same order (none when `gap`). */
  results: z.array(mutationResultSchema),
  /** The device's last processed mutation id after this push. */
  lastMutationId: z.number().int().nonnegative(),
  /**
   * True when the batch was refused whole, nothing applied, because the server has not
   * processed this device up to where the batch starts: an earlier batch is missing (sent
   * concurrently, still in flight, or lost), or the batch repeats an id the device had
   * declared skipped. Resend the outbox from the first entry above `lastMutationId`, with
   * `previousMutationId: lastMutationId`. Never an acknowledgement.
   */
  gap: z.boolean().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------
// GET /api/v1/sync/pull?deviceId=…&cursor=…&limit=…

/** Opaque to the client: store it as is and send it back; `'0'` (or no cursor) starts from scratch. */
/** Largest values the cursor's parts are compared with in the database (xid8, bigint, integer). */
const CURSOR_BOUNDS = [2n ** 64n - 1n, 2n ** 63n - 1n, 2n ** 31n - 1n] as const;

export const pullCursorSchema = z
  .string()
  .max(64)
  .regex(/^(0|\d{1,20}:\d{1,20}:\d{1,10})$/, 'Curseur de synchronisation invalide.')
  // Out of range, the database would refuse the cast on every retry (a 503 for a bad input).
  .refine(
    (cursor) =>
      // zod runs this even after the pattern failed: anything but digits is the pattern's error.
      cursor
        .split(':')
        .every((part, i) => !/^\d+$/.test(part) || BigInt(part) <= (CURSOR_BOUNDS[i] ?? 0n)),
    'Curseur de synchronisation invalide (valeur hors limites).',
  );

export const pullQuerySchema = z.object({
  deviceId: z.uuid(),
  cursor: pullCursorSchema.default('0'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SYNC_LIMITS.maxPullLimit)
    .default(SYNC_LIMITS.defaultPullLimit),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pulledRecordSchema = z.object({
  entity: z.string(),
  recordId: z.uuid(),
  /** The client company the record belongs to (its own id for a `clients` record); null for a global record (catalogue). */
  clientId: z.uuid().nullable(),
  revision: z.number().int().positive(),
  /** A tombstone: delete the local copy (unless the outbox still holds a change for it). */
  deleted: z.boolean(),
  /** The whole current record; null for a tombstone. */
  data: z.record(z.string(), z.unknown()).nullable(),
  /** Server time of this revision, ms. */
  updatedAt: z.number().int(),
  /**
   * The accounts that created the record and wrote this revision, stamped by the server from
   * the pushing account (null for records older than the stamp). Never taken from the data.
   */
  createdBy: z.uuid().nullable().optional(),
  updatedBy: z.uuid().nullable().optional(),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResponseSchema = z.object({
  /**
   * True on the first page when the cursor was older than the tombstone horizon (or belongs
   * to nothing the server knows): drop every synced local record (keep the outbox) before
   * applying this page, then continue paging.
   */
  reset: z.boolean(),
  records: z.array(pulledRecordSchema),
  /** Send it back on the next pull. */
  cursor: pullCursorSchema,
  /** More pages are ready now: pull again at once. */
  hasMore: z.boolean(),
  /**
   * Read in the same snapshot as `records`: every mutation of this device with an id up to
   * this one has its effect in the records received so far (this page included). Outbox
   * entries up to it may be deleted. 0 when nothing was ever applied.
   */
  lastAppliedMutationId: z.number().int().nonnegative(),
  /**
   * The clients this account may see: null for the office (all). A technician's laptop
   * deletes the local data of any client not in this list (lost assignment).
   */
  scopeClientIds: z.array(z.uuid()).nullable(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------------------
// Blobs: PUT /api/v1/blobs/<sha256> (raw bytes, application/octet-stream), GET, HEAD

export const sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 invalide (64 caractères hexadécimaux minuscules).');

export const blobPutResponseSchema = z.object({
  sha256: sha256HexSchema,
  size: z.number().int().nonnegative(),
  /**
   * True once stored. The server answers the same (201, true) whether or not it already had
   * the bytes, so an upload does not tell whether a blob exists; uploading is idempotent.
   */
  created: z.boolean(),
});
export type BlobPutResponse = z.infer<typeof blobPutResponseSchema>;

// ---------------------------------------------------------------------------------------
// Admin (office role): accounts, client assignments, token revocation

export const createAccountRequestSchema = z.object({
  email: z.email().max(254),
  name: storableText(z.string().trim().min(1).max(200)),
  role: roleSchema,
  password: z.string().min(12, 'Le mot de passe doit compter au moins 12 caractères.').max(1024),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

export const assignmentRequestSchema = z.object({
  accountId: z.uuid(),
  clientId: z.uuid(),
});
export type AssignmentRequest = z.infer<typeof assignmentRequestSchema>;

export const revokeTokensRequestSchema = z.object({ accountId: z.uuid() });
export type RevokeTokensRequest = z.infer<typeof revokeTokensRequestSchema>;
