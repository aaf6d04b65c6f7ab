import { z } from 'zod';
import { IPC_CHANNELS } from './ipc-channels';
import { pdfNameProblem } from './files/pdf-name';

/**
 * The one contract between the renderer and the desktop shell.
 *
 * Declared once here and used by electron/main (handlers validate every payload with these
 * schemas), electron/preload (one bridge function per channel) and the renderer's browser
 * fallbacks (renderer/platform/desktop.ts), so the three can never drift apart.
 *
 * Every call answers a result object rather than throwing: only `error.message` survives an
 * IPC throw (electron/electron#24427), and the renderer needs the code to choose its message.
 */
export type IpcError = { code: IpcErrorCode; message: string };
export type IpcErrorCode = 'invalid-payload' | 'forbidden' | 'unavailable' | 'io' | 'not-found';
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const bytes = z.instanceof(Uint8Array);

/** The only secrets the shell keeps: anything else is refused before reaching the store. */
export const SECRET_KEYS = ['sync.token'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];
const secretKey = z.enum(SECRET_KEYS, { error: 'clé de secret inconnue' });

const pdfName = z
  .string()
  .min(1)
  .max(200)
  .superRefine((name, ctx) => {
    const problem = pdfNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/**
 * A bordereau with its photos weighs a few megabytes; the cap keeps a runaway page from
 * filling the disk through the print channel.
 */
export const PRINT_PDF_MAX_BYTES = 64 * 1024 * 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** The document to print: the shell names its temporary file after the title. */
const printTitle = z
  .string()
  .min(1, 'titre du document à imprimer vide')
  .max(120, 'titre du document à imprimer trop long (120 caractères au plus)')
  .superRefine((title, ctx) => {
    const problem = pdfNameProblem(`${title}.pdf`);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const printBytes = z
  .instanceof(Uint8Array, { error: 'les octets du PDF sont attendus' })
  .refine((b) => b.byteLength <= PRINT_PDF_MAX_BYTES, {
    message: `document trop volumineux pour l’impression (${PRINT_PDF_MAX_BYTES / 1024 / 1024} Mo au plus)`,
  })
  .refine((b) => PDF_MAGIC.every((byte, i) => b[i] === byte), {
    message: 'le document à imprimer n’est pas un PDF',
  });

const backupName = z.string().regex(/^[A-Za-z0-9._-]{1,120}\.json$/, 'nom de sauvegarde invalide');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'empreinte SHA-256 attendue');

/**
 * The kinds of disk copies; the file name starts with `bordereau-<kind>-`, which is how the
 * shell sorts them into its retention tiers (electron/backup-retention.ts).
 */
export const BACKUP_KINDS = ['avant-changement', 'quotidienne', 'apres-signature'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const ipcSchemas = {
  appInfo: {
    request: z.undefined(),
    response: z.object({
      version: z.string(),
      platform: z.enum(['desktop', 'web']),
      /** Where the app keeps its data on this machine (desktop only). */
      dataPath: z.string().nullable(),
    }),
  },
  savePdf: {
    request: z.object({
      suggestedName: pdfName,
      bytes,
    }),
    /** null when the user cancelled the save dialog. */
    response: z.object({ path: z.string() }).nullable(),
  },
  /**
   * Shows the PDF for printing: in the shell, a viewer window whose print button opens the
   * system's print dialog (electron/print-viewer.ts says why not a hidden print); in a
   * browser, a new tab with the browser's PDF viewer. Answers where it was shown.
   */
  printPdf: {
    request: z.object({ title: printTitle, bytes: printBytes }),
    response: z.object({ shownIn: z.enum(['viewer', 'tab']) }),
  },
  openPath: {
    request: z.object({ path: z.string().min(1).max(4096) }),
    response: z.object({ opened: z.literal(true) }),
  },
  getSecret: {
    request: z.object({ key: secretKey }),
    response: z.string().nullable(),
  },
  setSecret: {
    request: z.object({
      key: secretKey,
      value: z.string().max(16_384),
    }),
    response: z.object({ stored: z.literal(true), encrypted: z.boolean() }),
  },
  deleteSecret: {
    request: z.object({ key: secretKey }),
    response: z.object({ deleted: z.boolean() }),
  },
  /** Whether a secret is stored, and encrypted by the OS keychain (null: none stored). */
  secretStatus: {
    request: z.object({ key: secretKey }),
    response: z.object({ stored: z.boolean(), encrypted: z.boolean().nullable() }),
  },
  writeBackup: {
    request: z
      .object({
        kind: z.enum(BACKUP_KINDS),
        name: backupName,
        // Photos travel as files (writeBackupFile): the JSON itself stays small.
        json: z.string().max(256 * 1024 * 1024),
      })
      .refine((r) => r.name.startsWith(`bordereau-${r.kind}-`), {
        message: 'le nom de la sauvegarde ne correspond pas à son type',
        path: ['name'],
      }),
    response: z.object({ path: z.string() }),
  },
  /** Of these SHA-256, the ones the backups' file store does not hold yet. */
  missingBackupFiles: {
    request: z.object({ hashes: z.array(sha256).max(200_000) }),
    response: z.array(z.string()),
  },
  /** One binary value of a backup (a photo), stored once under its SHA-256 (checked). */
  writeBackupFile: {
    request: z.object({ hash: sha256, bytes }),
    response: z.object({ written: z.literal(true) }),
  },
  readBackupFile: {
    request: z.object({ hash: sha256 }),
    response: bytes,
  },
  /** The copies of IndexedDB made before a version change (electron/version-guard.ts). */
  listVersionSnapshots: {
    request: z.undefined(),
    response: z.object({
      folder: z.string(),
      snapshots: z.array(z.object({ name: z.string(), createdAt: z.number().int() })),
    }),
  },
  /** Looks for a newer release on the office server (and downloads it in the background). */
  checkForUpdates: {
    request: z.object({ serverUrl: z.url({ protocol: /^https?$/ }).max(2048) }),
    response: z.object({
      status: z.enum(['idle', 'checking', 'none', 'downloading', 'ready', 'error']),
      version: z.string().nullable(),
      message: z.string().nullable(),
    }),
  },
  /** Restarts into the downloaded release; refused while a visit is under way. */
  installUpdate: {
    request: z.object({ visitInProgress: z.boolean() }),
    response: z.object({ installing: z.literal(true) }),
  },
  listBackups: {
    request: z.undefined(),
    response: z.array(
      z.object({ name: z.string(), size: z.number().int(), modifiedAt: z.number().int() }),
    ),
  },
  readBackup: {
    request: z.object({ name: backupName }),
    response: z.string(),
  },
} as const;

export type IpcName = keyof typeof ipcSchemas;
export type IpcRequest<N extends IpcName> = z.infer<(typeof ipcSchemas)[N]['request']>;
export type IpcResponse<N extends IpcName> = z.infer<(typeof ipcSchemas)[N]['response']>;

export { IPC_CHANNELS };

/**
 * The API the preload exposes as `window.desktop`, and the renderer's fallbacks implement.
 * Calls without a payload take no argument.
 */
export type DesktopApi = {
  [N in IpcName]: IpcRequest<N> extends undefined
    ? () => Promise<IpcResult<IpcResponse<N>>>
    : (request: IpcRequest<N>) => Promise<IpcResult<IpcResponse<N>>>;
};

export const IPC_NAMES = Object.keys(IPC_CHANNELS) as IpcName[];
