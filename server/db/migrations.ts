import type { Database } from './database';

/**
 * The schema, as numbered migrations applied in order at start, each once, inside one
 * transaction holding an advisory lock: two instances starting together against the same
 * PostgreSQL wait for each other instead of racing. Never edit a released migration: add one.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'accounts, tokens, assignments',
    sql: `
      CREATE TABLE accounts (
        id uuid PRIMARY KEY,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('technician', 'office')),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at bigint NOT NULL
      );
      -- Only the SHA-256 of a token is stored: a database leak does not leak sessions.
      CREATE TABLE tokens (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id),
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        revoked_at bigint
      );
      CREATE INDEX tokens_account ON tokens (account_id);
      CREATE TABLE assignments (
        account_id uuid NOT NULL REFERENCES accounts(id),
        client_id uuid NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (account_id, client_id)
      );
    `,
  },
  {
    version: 2,
    name: 'records, devices, mutation results, sealed-report guard',
    sql: `
      CREATE SEQUENCE change_seq;
      -- One row per record of any entity; tombstones are rows with deleted = true.
      -- (txid, seq) is the record's position in the change stream pulled by the devices.
      CREATE TABLE records (
        entity text NOT NULL,
        id uuid NOT NULL,
        client_id uuid,
        data jsonb NOT NULL,
        field_revisions jsonb NOT NULL,
        revision bigint NOT NULL CHECK (revision > 0),
        deleted boolean NOT NULL DEFAULT false,
        sealed boolean NOT NULL DEFAULT false,
        seal_hash text,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seq bigint NOT NULL DEFAULT nextval('change_seq'),
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        PRIMARY KEY (entity, id),
        CHECK (NOT sealed OR (seal_hash IS NOT NULL AND NOT deleted))
      );
      CREATE INDEX records_position ON records (txid, seq);
      CREATE INDEX records_client ON records (client_id);

      -- A signed report is immutable in the database itself, whatever the code above does:
      -- only its change-stream position may move (re-sent to a newly assigned technician).
      CREATE FUNCTION records_guard_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.sealed THEN
            RAISE EXCEPTION 'sealed record %/% cannot be deleted', OLD.entity, OLD.id USING ERRCODE = 'BR001';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.sealed AND (
          NEW.data IS DISTINCT FROM OLD.data OR NEW.deleted OR NOT NEW.sealed
          OR NEW.seal_hash IS DISTINCT FROM OLD.seal_hash OR NEW.revision <> OLD.revision
          OR NEW.client_id IS DISTINCT FROM OLD.client_id OR NEW.entity <> OLD.entity OR NEW.id <> OLD.id
        ) THEN
          RAISE EXCEPTION 'sealed record %/% cannot be modified', OLD.entity, OLD.id USING ERRCODE = 'BR001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER records_guard_sealed BEFORE UPDATE OR DELETE ON records
        FOR EACH ROW EXECUTE FUNCTION records_guard_sealed();

      -- A device (one install of the app) and the last mutation id it had processed.
      CREATE TABLE devices (
        device_id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id),
        last_mutation_id bigint NOT NULL DEFAULT 0,
        created_at bigint NOT NULL,
        last_push_at bigint
      );
      -- What became of every mutation, rejections included (the office can audit them).
      -- txid tells the pull which mutations its snapshot already covers.
      CREATE TABLE mutation_results (
        device_id uuid NOT NULL REFERENCES devices(device_id),
        mutation_id bigint NOT NULL,
        account_id uuid NOT NULL,
        entity text NOT NULL,
        record_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),
        reason text,
        detail jsonb,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        created_at bigint NOT NULL,
        PRIMARY KEY (device_id, mutation_id)
      );
      CREATE INDEX mutation_results_txid ON mutation_results (device_id, txid);

      -- Server-wide sync facts, e.g. how far tombstones were purged.
      CREATE TABLE sync_state (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'blobs',
    sql: `
      -- Attachments addressed by the SHA-256 of their bytes, kept in the database so that every
      -- server instance sees them and backups hold everything.
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL,
        content bytea NOT NULL,
        created_by uuid NOT NULL REFERENCES accounts(id),
        created_at bigint NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'client merges: sealed reports may be re-filed under the surviving client',
    sql: `
      -- Which client a merged one became (server/admin/client-merge.ts): records pushed later
      -- for the merged client are filed under the surviving one.
      CREATE TABLE client_merges (
        source_id uuid PRIMARY KEY,
        target_id uuid NOT NULL,
        merged_by uuid NOT NULL REFERENCES accounts(id),
        merged_at bigint NOT NULL
      );
      -- Same guard as migration 2, with one exception: during a client merge (the transaction
      -- sets bordereau.client_merge), a sealed record may change client, i.e. its client_id and
      -- data.clientId only. The sealed content and its hash never change.
      CREATE OR REPLACE FUNCTION records_guard_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        merging boolean := coalesce(current_setting('bordereau.client_merge', true), '') = 'on';
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.sealed THEN
            RAISE EXCEPTION 'sealed record %/% cannot be deleted', OLD.entity, OLD.id USING ERRCODE = 'BR001';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.sealed AND (
          (NEW.data IS DISTINCT FROM OLD.data AND NOT (merging AND (NEW.data - 'clientId') = (OLD.data - 'clientId')))
          OR NEW.deleted OR NOT NEW.sealed
          OR NEW.seal_hash IS DISTINCT FROM OLD.seal_hash OR NEW.revision <> OLD.revision
          OR (NEW.client_id IS DISTINCT FROM OLD.client_id AND NOT merging)
          OR NEW.entity <> OLD.entity OR NEW.id <> OLD.id
        ) THEN
          RAISE EXCEPTION 'sealed record %/% cannot be modified', OLD.entity, OLD.id USING ERRCODE = 'BR001';
        END IF;
        RETURN NEW;
      END $$;
    `,
  },
  {
    version: 5,
    name: 'report deliveries (e-mail outbox), report number index',
    sql: `
      -- The client's copy e-mailed by the server (server/delivery): one row per sending, at most
      -- one automatic ('signed') per report version, any number of office resends. The row is
      -- written before any attempt, so a restart resumes where it stopped.
      CREATE TABLE report_deliveries (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL,
        report_number text NOT NULL,
        report_version integer NOT NULL,
        client_id uuid,
        recipients jsonb NOT NULL,
        reason text NOT NULL CHECK (reason IN ('signed', 'resend')),
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'retrying', 'sent', 'failed', 'bounced')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at bigint NOT NULL,
        last_error text,
        message_id text NOT NULL,
        requested_by uuid,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        sent_at bigint
      );
      CREATE UNIQUE INDEX report_deliveries_once ON report_deliveries (report_id) WHERE reason = 'signed';
      CREATE INDEX report_deliveries_due ON report_deliveries (next_attempt_at)
        WHERE status IN ('pending', 'sending', 'retrying');
      CREATE INDEX report_deliveries_report ON report_deliveries (report_number, report_version);
      -- The public verification page looks a report up by its number.
      CREATE INDEX records_report_number ON records ((data->'content'->>'number')) WHERE entity = 'reports';
    `,
  },
  {
    version: 6,
    name: 'authorship of records, technician codes, unique sealed report numbers',
    sql: `
      -- Who wrote a record, stamped by the server from the pushing account (never from the data).
      ALTER TABLE records ADD COLUMN created_by uuid REFERENCES accounts(id);
      ALTER TABLE records ADD COLUMN updated_by uuid REFERENCES accounts(id);
      -- A technician code (the JD of BI-2026-JD-0042) belongs to the first technician account
      -- that signs with it: another technician cannot number or sign reports under it.
      CREATE TABLE technician_codes (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,4}$'),
        account_id uuid NOT NULL REFERENCES accounts(id),
        created_at bigint NOT NULL
      );
      -- A report number is unique per version among signed reports, whoever pushes them.
      CREATE UNIQUE INDEX records_sealed_report_number ON records (
        (data #>> '{content,number}'), (data #>> '{content,version,number}')
      ) WHERE entity = 'reports' AND sealed;
    `,
  },
  {
    version: 7,
    name: 'blob bytes in files (embedded mode), every uploader of a blob',
    sql: `
      -- In the embedded mode the bytes live in files named by hash; the row keeps the metadata.
      ALTER TABLE blobs ALTER COLUMN content DROP NOT NULL;
      -- Everyone who uploaded a blob (not only the first): an account reads back what it sent,
      -- whoever sent it first, so reading after uploading tells nothing of other accounts; its
      -- quota counts what it sent.
      CREATE TABLE blob_uploads (
        sha256 text NOT NULL REFERENCES blobs(sha256),
        account_id uuid NOT NULL REFERENCES accounts(id),
        created_at bigint NOT NULL,
        PRIMARY KEY (account_id, sha256)
      );
      INSERT INTO blob_uploads (sha256, account_id, created_at)
        SELECT sha256, created_by, created_at FROM blobs;
    `,
  },
  {
    version: 8,
    name: 'login failures per e-mail',
    sql: `
      -- Failed logins per e-mail address (known or not, so the back-off tells nothing of which
      -- accounts exist), shared by every server instance: see server/auth/login-backoff.ts.
      CREATE TABLE login_failures (
        email text PRIMARY KEY,
        failures integer NOT NULL,
        locked_until bigint NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: 'activity reports e-mailed by the office',
    sql: `
      -- A client's activity report for a month (002 art. III-1 §6), e-mailed from the office
      -- screen through the same outbox as the client's copies (server/delivery/activity.ts):
      -- the row is written before any attempt; the PDF is made when it is sent.
      CREATE TABLE activity_deliveries (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        recipients jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'retrying', 'sent', 'failed', 'bounced')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at bigint NOT NULL,
        last_error text,
        message_id text NOT NULL,
        requested_by uuid,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        sent_at bigint
      );
      CREATE INDEX activity_deliveries_due ON activity_deliveries (next_attempt_at)
        WHERE status IN ('pending', 'sending', 'retrying');
      CREATE INDEX activity_deliveries_client ON activity_deliveries (client_id, month);
    `,
  },
];

/** Arbitrary constant shared by every instance: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 727_001;

/** Applies the pending migrations; returns the versions applied by this call. */
export async function migrate(db: Database, now: () => number = Date.now): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
    );
    const done = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    const newlyApplied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      // Statements one by one: the pg driver's extended protocol takes a single statement.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, now()],
      );
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}

/** Splits on semicolons outside dollar-quoted bodies and comments (enough for our own SQL). */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && trimmed.startsWith('--')) continue;
    current += line + '\n';
    const dollarCount = (line.match(/\$\$/g) ?? []).length;
    if (dollarCount % 2 === 1) inDollar = !inDollar;
    if (!inDollar && trimmed.endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') statements.push(current.trim());
  return statements;
}
