import nodemailer from 'nodemailer';

export interface OutgoingMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** Stable per delivery: a message sent twice (crash after SMTP accepted it) is recognisable. */
  readonly messageId: string;
  readonly attachment: { readonly filename: string; readonly content: Uint8Array };
}

/** Why a sending failed: 'permanent' (recipient refused, 5xx) is not retried. */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

interface SmtpErrorFields {
  readonly responseCode?: number;
  readonly code?: string;
  readonly response?: string;
}

/** nodemailer over SMTP (BORDEREAU_SMTP_URL). */
export function smtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: [...mail.to],
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          attachments: [
            {
              filename: mail.attachment.filename,
              content: Buffer.from(mail.attachment.content),
              contentType: 'application/pdf',
            },
          ],
        });
        const rejected = (info.rejected as unknown[]).map(String);
        if (rejected.length > 0) {
          throw new MailError(
            `Adresse refusée par le serveur de messagerie : ${rejected.join(', ')}`,
            true,
          );
        }
      } catch (error) {
        if (error instanceof MailError) throw error;
        const fields = error as SmtpErrorFields;
        const code = fields.responseCode;
        const detail = fields.response ?? (error as Error).message;
        throw new MailError(
          code !== undefined
            ? `Serveur de messagerie : ${code} ${detail}`
            : `Serveur de messagerie injoignable (${fields.code ?? 'erreur'}) : ${(error as Error).message}`,
          code !== undefined && code >= 500,
        );
      }
    },
    close() {
      transport.close();
    },
  };
}
