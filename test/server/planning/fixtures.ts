/** Valid wire data of planning's synced entities (shared/planning), for server tests. */
const SITE_ID = '0190a0a0-0000-7000-8000-000000000001';

/** A request (shared/planning/request.ts) of a client, plus `extra` fields. */
export function requestData(clientId: string, extra: Record<string, unknown> = {}) {
  return {
    clientId,
    siteId: SITE_ID,
    equipmentIds: [],
    description: 'Serveur de fichiers inaccessible',
    channel: 'phone',
    calledAt: Date.UTC(2026, 11, 1, 8, 0),
    kind: 'incident',
    urgency: 'normal',
    urgentMode: 'onsite',
    slaClass: 'server-network',
    quoteId: null,
    respondedAt: null,
    ...extra,
  };
}

/** A planned job (shared/planning/job.ts) of a request, plus `extra` fields. */
export function jobData(
  clientId: string,
  requestId: string,
  technicianIds: string[],
  extra: Record<string, unknown> = {},
) {
  return {
    clientId,
    requestId,
    technicianIds,
    date: '2026-12-02',
    slot: { from: '09:00', to: '12:30' },
    status: 'planned',
    round: 0,
    visits: [],
    needsLog: null,
    ...extra,
  };
}
