import { localDateOf } from '../../calendar/local-date';
import type { LocalDate } from '../../calendar/local-date';
import type { SealedReport, SlaOutcome } from '../model';
import { reportClosure } from '../status';

/**
 * The activity report (002 art. III-1 §6: "un rapport d'activité peut être adressé au
 * Client"): a client's signed interventions over a period, from their sealed bordereaux.
 * Pure: the reports come in, already restricted to one client.
 */
export interface ActivityLine {
  readonly number: string;
  readonly version: number;
  readonly arrivalAt: number;
  readonly site: string;
  readonly type: SealedReport['content']['intervention']['type'];
  readonly mode: SealedReport['content']['intervention']['mode'];
  readonly urgent: boolean;
  readonly workedMinutes: number;
  readonly billedMinutes: number;
  /** null: included in the subscription. */
  readonly billedHtCents: number | null;
  readonly closure: ReturnType<typeof reportClosure>;
  readonly result: SealedReport['content']['result']['status'];
  /** Labels of the equipment found on site during this intervention. */
  readonly discovered: readonly string[];
  /**
   * The response time the bordereau sealed (004 art. VI: requested when, due when, met or
   * missed); null when the intervention answered no timed request (planned visit, remote…).
   */
  readonly sla: SlaOutcome | null;
}

export interface ActivitySummary {
  readonly clientName: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly lines: readonly ActivityLine[];
  readonly totals: {
    readonly workedMinutes: number;
    readonly billedMinutes: number;
    readonly billedHtCents: number;
    readonly includedVisits: number;
    /** Requests with a response time: how many were answered in time, how many late. */
    readonly slaMet: number;
    readonly slaMissed: number;
  };
  /** Hour bank: minutes deducted over the period and the balance after its last intervention. */
  readonly hourBank: { readonly deductedMinutes: number; readonly balanceMinutes: number } | null;
  /** The subscription's visits: the rank of the last one in the period, out of the year's. */
  readonly visits: { readonly used: number; readonly perYear: number } | null;
}

/**
 * The period's interventions, one line each: only the latest sealed version of each number
 * counts (a corrected bordereau replaces its earlier versions), dated by arrival in Paris.
 */
export function activitySummary(input: {
  readonly clientName: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reports: readonly SealedReport[];
}): ActivitySummary {
  const latest = new Map<string, SealedReport>();
  for (const report of input.reports) {
    const kept = latest.get(report.content.number);
    if (!kept || kept.content.version.number < report.content.version.number) {
      latest.set(report.content.number, report);
    }
  }
  const inPeriod = [...latest.values()]
    .filter((r) => {
      const day = localDateOf(r.content.timeline.arrivalAt);
      return day >= input.from && day <= input.to;
    })
    .sort((a, b) => a.content.timeline.arrivalAt - b.content.timeline.arrivalAt);

  const lines: ActivityLine[] = inPeriod.map((r) => {
    const { content } = r;
    return {
      number: content.number,
      version: content.version.number,
      arrivalAt: content.timeline.arrivalAt,
      site: content.site.name,
      type: content.intervention.type,
      mode: content.intervention.mode,
      urgent: content.intervention.urgency === 'urgent',
      workedMinutes: content.timeline.workedMinutes,
      billedMinutes: content.timeline.billedMinutes,
      billedHtCents: content.billing.kind === 'billed' ? content.billing.totalHtCents : null,
      closure: reportClosure(r),
      result: content.result.status,
      discovered: content.equipment.filter((e) => e.newlyDiscovered).map((e) => e.label),
      sla: content.billing.sla ?? null,
    };
  });
  let hourBank = null as ActivitySummary['hourBank'];
  let visits = null as ActivitySummary['visits'];
  for (const r of inPeriod) {
    const { billing } = r.content;
    if (billing.hourBank) {
      hourBank = {
        deductedMinutes: (hourBank?.deductedMinutes ?? 0) + billing.hourBank.deductedMinutes,
        balanceMinutes: billing.hourBank.balanceAfterMinutes,
      };
    }
    if (billing.kind === 'included' && billing.visits) visits = billing.visits;
  }
  return {
    clientName: input.clientName,
    from: input.from,
    to: input.to,
    lines,
    totals: {
      workedMinutes: lines.reduce((t, l) => t + l.workedMinutes, 0),
      billedMinutes: lines.reduce((t, l) => t + l.billedMinutes, 0),
      billedHtCents: lines.reduce((t, l) => t + (l.billedHtCents ?? 0), 0),
      includedVisits: lines.filter((l) => l.billedHtCents === null).length,
      slaMet: lines.filter((l) => l.sla?.met === true).length,
      slaMissed: lines.filter((l) => l.sla?.met === false).length,
    },
    hourBank,
    visits,
  };
}
