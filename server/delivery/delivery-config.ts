import { z } from 'zod';

/**
 * How the server e-mails the client's copy of each bordereau (docs/report.md, "Delivery"):
 *   BORDEREAU_SMTP_URL     smtp://user:pass@host:587 or smtps://…:465 (nodemailer's URL form);
 *                          unset: nothing is sent and the office sees "non envoyé"
 *   BORDEREAU_MAIL_FROM    the sender, e.g. "Arcelle Infogérance <bordereaux@arcelle.fr>"
 *   BORDEREAU_PUBLIC_URL   the server's address as clients reach it (the PDF's QR code)
 *   BORDEREAU_DELIVERY_INTERVAL_SECONDS  how often the outbox is looked at (default 30)
 */
export interface DeliveryConfig {
  readonly smtpUrl: string | null;
  readonly from: string;
  readonly publicUrl: string | null;
  readonly intervalMs: number;
}

const optionalUrl = (protocols: readonly string[], what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => {
        if (v === null) return true;
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `${what} : adresse ${protocols.join(' ou ')} attendue`,
    );

const envSchema = z.object({
  BORDEREAU_SMTP_URL: optionalUrl(['smtp:', 'smtps:'], 'BORDEREAU_SMTP_URL'),
  BORDEREAU_MAIL_FROM: z
    .string()
    .trim()
    .min(3, 'BORDEREAU_MAIL_FROM : expéditeur attendu')
    .default('Bordereau <bordereau@localhost>'),
  BORDEREAU_PUBLIC_URL: optionalUrl(['https:', 'http:'], 'BORDEREAU_PUBLIC_URL'),
  BORDEREAU_DELIVERY_INTERVAL_SECONDS: z.coerce
    .number()
    .int('BORDEREAU_DELIVERY_INTERVAL_SECONDS : nombre entier de secondes')
    .min(1)
    .max(3600)
    .default(30),
});

export function parseDeliveryConfig(
  env: Readonly<Record<string, string | undefined>>,
): DeliveryConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Configuration de l’envoi des bordereaux invalide : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`,
    );
  }
  const e = parsed.data;
  return {
    smtpUrl: e.BORDEREAU_SMTP_URL,
    from: e.BORDEREAU_MAIL_FROM,
    publicUrl: e.BORDEREAU_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    intervalMs: e.BORDEREAU_DELIVERY_INTERVAL_SECONDS * 1000,
  };
}
