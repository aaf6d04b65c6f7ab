import type { BackupResponsibility, Report } from '../model';
import type { PageCursor } from './cursor';
import { COLOUR, SIZE } from './page-layout';
import { writeHeading, writeParagraph } from './text';

/**
 * The backup reminder, worded per contract (domain-rules.md §5): it may not disclaim more
 * than the contract does. Under 000 art. 13–14 and 004 art. VIII the client alone answers for
 * their backups; under 002 the provider itself checks the backups (art. III-1 §4) and answers
 * for a proven fault (art. V.1), the client still saving the equipment's data before an
 * intervention (art. V.1, V.2).
 */
export const BACKUP_REMINDERS: Readonly<Record<BackupResponsibility, string>> = {
  client:
    'Le client reste responsable des données présentes sur ses équipements et de leur sauvegarde : ' +
    'il lui appartient de disposer, avant toute intervention, d’une sauvegarde complète et à jour de ses ' +
    'données et logiciels.',
  'provider-checks':
    'Le prestataire vérifie les sauvegardes du client dans le cadre du contrat et répond de sa faute ' +
    'prouvée. Il appartient au client de sauvegarder, avant l’intervention, les données et logiciels de ' +
    'l’équipement concerné sur le support de son choix.',
};

/** Reports sealed before the wording was per contract: nothing beyond what the contract says. */
export const BACKUP_REMINDER_BY_CONTRACT =
  'La responsabilité de la sauvegarde des données est celle que prévoit le contrat.';

export function writeBackup(cursor: PageCursor, report: Report): void {
  const { backup } = report.content;
  writeHeading(cursor, 'Sauvegarde des données');
  writeParagraph(
    cursor,
    backup.responsibility ? BACKUP_REMINDERS[backup.responsibility] : BACKUP_REMINDER_BY_CONTRACT,
    { size: SIZE.small, colour: COLOUR.muted },
  );
  const confirmed = backup.clientConfirmedBackup;
  writeParagraph(
    cursor,
    `Le client a confirmé disposer d’une sauvegarde avant l’intervention : ${confirmed ? 'oui' : 'non'}.`,
    { bold: true, colour: confirmed ? COLOUR.text : COLOUR.warning },
  );
}
