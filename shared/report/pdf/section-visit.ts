import { formatDateTime, formatTime } from '../../format/date';
import { localDateOf } from '../../calendar/local-date';
import { formatDuration } from '../../format/duration';
import { MS_PER_MINUTE } from '../../time/segments';
import {
  INTERVENTION_MODE_LABELS,
  INTERVENTION_TYPE_LABELS,
  TIMER_EVENT_LABELS,
  URGENCY_LABELS,
} from '../labels';
import type { Report } from '../model';
import type { PageCursor } from './cursor';
import { COLOUR, SIZE } from './page-layout';
import { writeTable } from './table';
import { writeFields, writeHeading, writeParagraph } from './text';

export function writeVisitSection(cursor: PageCursor, report: Report): void {
  const { intervention, technician } = report.content;
  writeHeading(cursor, 'Intervention');
  writeFields(
    cursor,
    [
      ['Type d’intervention', INTERVENTION_TYPE_LABELS[intervention.type]],
      ['Mode', INTERVENTION_MODE_LABELS[intervention.mode]],
      ['Urgence', URGENCY_LABELS[intervention.urgency]],
      ['Référence de la demande', intervention.requestReference],
      ['Technicien', `${technician.name} (${technician.code})`],
      ['Objet de la demande', intervention.request],
    ],
    3,
  );
}

/** "23/11/2026 à 09:25:40": Paris is a whole number of minutes from UTC, so seconds are UTC's. */
function withSeconds(ms: number): string {
  const seconds = Math.floor(ms / 1000) % 60;
  return `${formatDateTime(ms)}:${String(seconds).padStart(2, '0')}`;
}

/**
 * A correction within the same minute would print "09:25" twice and look like no change:
 * both values then carry their seconds.
 */
function correctionTimes(originalAt: number, correctedAt: number): [string, string] {
  const original = formatDateTime(originalAt);
  const corrected = formatDateTime(correctedAt);
  return original === corrected
    ? [withSeconds(originalAt), withSeconds(correctedAt)]
    : [original, corrected];
}

/** Arrival, departure, pauses, corrections, worked and billed time (002 art. IV.2.2). */
export function writeTimeline(cursor: PageCursor, report: Report): void {
  const { timeline, intervention } = report.content;
  const remote = intervention.mode === 'remote';
  writeHeading(cursor, 'Horaires et temps passé');
  // A visit over midnight (or corrected across days): pause times alone would be ambiguous.
  const oneDay = localDateOf(timeline.arrivalAt) === localDateOf(timeline.departureAt);
  const when = oneDay ? formatTime : formatDateTime;
  const pauses =
    timeline.pauses.length === 0
      ? 'Aucune'
      : timeline.pauses
          .map(
            (p) =>
              `${when(p.startAt)} – ${when(p.endAt)} (${formatDuration(Math.floor((p.endAt - p.startAt) / MS_PER_MINUTE))})`,
          )
          .join(', ');
  writeFields(
    cursor,
    [
      [remote ? 'Début' : 'Arrivée', formatDateTime(timeline.arrivalAt)],
      [remote ? 'Fin' : 'Départ', formatDateTime(timeline.departureAt)],
      ['Pauses', pauses],
      ['Temps travaillé', formatDuration(timeline.workedMinutes)],
      ['Temps facturé', formatDuration(timeline.billedMinutes)],
      ['Palier appliqué', timeline.ladderStepLabel],
    ],
    3,
  );
  if (timeline.outsideOpeningHours) {
    writeParagraph(
      cursor,
      'Intervention réalisée en dehors des heures d’ouverture du client ou le week-end : hors barème, ' +
        'majoration selon le contrat (signalée au bureau).',
      { bold: true, colour: COLOUR.warning },
    );
  }
  if (timeline.corrections.length > 0) {
    writeParagraph(cursor, 'Horaires corrigés avant signature (valeur d’origine conservée) :', {
      size: SIZE.small,
      colour: COLOUR.muted,
    });
    writeTable(cursor, {
      head: ['Horaire', 'Valeur d’origine', 'Valeur corrigée', 'Motif', 'Corrigé le'],
      body: timeline.corrections.map((c) => [
        TIMER_EVENT_LABELS[c.event],
        ...correctionTimes(c.originalAt, c.correctedAt),
        c.reason,
        formatDateTime(c.recordedAt),
      ]),
      columnStyles: {
        0: { cellWidth: 26 },
        1: { cellWidth: 30 },
        2: { cellWidth: 30 },
        4: { cellWidth: 30 },
      },
    });
  }
}
