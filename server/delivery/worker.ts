import type { Database } from '../db/database';
import type { DeliveryConfig } from './delivery-config';
import { smtpMailer } from './mailer';
import type { Mailer } from './mailer';
import { sendDueActivityReports } from './activity';
import { enqueueSignedReports, sendDueDeliveries } from './outbox';

export interface DeliveryWorker {
  /** One round: enqueue what newly arrived, send what is due (no SMTP: enqueue only). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Runs the outbox every `config.intervalMs`. Rounds never overlap; several server instances
 * may run it at once (rows are claimed with SKIP LOCKED).
 */
export function startDeliveryWorker(input: {
  db: Database;
  config: DeliveryConfig;
  now?: () => number;
  /** Tests inject one; by default nodemailer over BORDEREAU_SMTP_URL. */
  mailer?: Mailer | null;
  onError?: (error: unknown) => void;
}): DeliveryWorker {
  const now = input.now ?? Date.now;
  const mailer =
    input.mailer !== undefined
      ? input.mailer
      : input.config.smtpUrl
        ? smtpMailer(input.config.smtpUrl)
        : null;
  let running: Promise<void> | null = null;
  const round = async (): Promise<void> => {
    await enqueueSignedReports(input.db, now());
    if (mailer) {
      await sendDueDeliveries({
        db: input.db,
        mailer,
        from: input.config.from,
        publicUrl: input.config.publicUrl,
        now,
      });
      await sendDueActivityReports({ db: input.db, mailer, from: input.config.from, now });
    }
  };
  const tick = (): Promise<void> => {
    running ??= round()
      .catch((error: unknown) => input.onError?.(error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), input.config.intervalMs);
  timer.unref();
  return {
    tick,
    stop() {
      clearInterval(timer);
      mailer?.close();
    },
  };
}
