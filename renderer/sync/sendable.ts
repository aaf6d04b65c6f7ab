import type { Mutation } from '../../shared/sync/mutation';
import { mutationSchema } from '../../shared/sync/mutation';
import { SYNC_LIMITS } from '../../shared/sync/protocol';

/** Room kept in a push body for the envelope around one mutation. */
const ENVELOPE_BYTES = 256;

const encoder = new TextEncoder();

export interface Unsendable {
  readonly mutation: Mutation;
  readonly message: string;
}

/**
 * Sorts out the mutations the server could never accept as a request (not the protocol's
 * shape, or bigger than a whole push body): sent, they would fail the whole batch every
 * time and block the laptop's sync for good. They are kept for the user instead.
 */
export function splitSendable(
  mutations: readonly Mutation[],
  maxPushBytes: number = SYNC_LIMITS.maxPushBytes,
): { sendable: Mutation[]; unsendable: Unsendable[] } {
  const sendable: Mutation[] = [];
  const unsendable: Unsendable[] = [];
  for (const mutation of mutations) {
    const parsed = mutationSchema.safeParse(mutation);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      unsendable.push({
        mutation,
        message: `Modification impossible à envoyer : format invalide${where}. Elle est conservée ici ; prévenez le support.`,
      });
      continue;
    }
    const bytes = encoder.encode(JSON.stringify(mutation)).byteLength;
    if (bytes + ENVELOPE_BYTES > maxPushBytes) {
      const mib = (maxPushBytes / (1024 * 1024)).toLocaleString('fr-FR');
      unsendable.push({
        mutation,
        message: `Modification trop volumineuse pour le serveur (${bytes.toLocaleString('fr-FR')} octets, ${mib} Mio au plus). Elle est conservée ici.`,
      });
      continue;
    }
    sendable.push(mutation);
  }
  return { sendable, unsendable };
}
