import { localDateOf } from '../../calendar/local-date';
import { formatDateTime, formatTime } from '../../format/date';
import { formatDuration } from '../../format/duration';
import { MS_PER_MINUTE } from '../../time/segments';
import type { Report } from '../model';
import type { PageCursor } from './cursor';
import { drawImageInBox } from './image';
import { COLOUR, CONTENT_WIDTH, MARGIN_X, SIZE } from './page-layout';
import { writeFields, writeHeading, writeParagraph } from './text';

const SIGNATURE_HEIGHT = 16;

/**
 * The other technicians of the visit, each with their arrival, pauses, departure, worked and
 * billed time, and their signature (the visit's first technician signs in the signatures
 * section). Nothing is printed for a visit of one technician.
 */
export function writeTeam(cursor: PageCursor, report: Report): void {
  const team = report.content.team;
  if (team === undefined || team.length === 0) return;
  writeHeading(cursor, 'Autres techniciens présents');
  for (const member of team) {
    const oneDay = localDateOf(member.arrivalAt) === localDateOf(member.departureAt);
    const when = oneDay ? formatTime : formatDateTime;
    const pauses =
      member.pauses.length === 0
        ? 'Aucune'
        : member.pauses
            .map(
              (p) =>
                `${when(p.startAt)} – ${when(p.endAt)} (${formatDuration(Math.floor((p.endAt - p.startAt) / MS_PER_MINUTE))})`,
            )
            .join(', ');
    writeParagraph(cursor, member.name, { bold: true });
    writeFields(
      cursor,
      [
        ['Arrivée', formatDateTime(member.arrivalAt)],
        ['Départ', formatDateTime(member.departureAt)],
        ['Pauses', pauses],
        ['Temps travaillé', formatDuration(member.workedMinutes)],
        ['Temps facturé', formatDuration(member.billedMinutes)],
        ['Palier appliqué', member.ladderStepLabel],
      ],
      3,
    );
    if (member.signature === null) {
      writeParagraph(cursor, `${member.name} n’a pas signé.`, {
        size: SIZE.small,
        colour: COLOUR.warning,
      });
      continue;
    }
    writeParagraph(
      cursor,
      `Signature de ${member.name}, le ${formatDateTime(member.signature.signedAt)} :`,
      { size: SIZE.small, colour: COLOUR.muted },
    );
    cursor.ensureSpace(SIGNATURE_HEIGHT);
    drawImageInBox(cursor.doc, member.signature.imagePngDataUrl, {
      x: MARGIN_X,
      y: cursor.y,
      width: CONTENT_WIDTH / 2,
      height: SIGNATURE_HEIGHT,
    });
    cursor.moveDown(SIGNATURE_HEIGHT + 2);
  }
}
