import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import {
  deliveriesResponseSchema,
  deliveryViewSchema,
  resendRequestSchema,
} from '../../../shared/report/delivery';
import type {
  DeliveriesResponse,
  DeliveryView,
  ResendRequest,
} from '../../../shared/report/delivery';
import { appOfficeServerDeps, officeServer } from './office-server';
import type { OfficeServerDeps } from './office-server';

const reportIdSchema = z.uuid('Bordereau introuvable.');

/** The e-mailings of a signed report's client copy, as the office server keeps them. */
export async function fetchDeliveries(
  deps: OfficeServerDeps,
  reportId: string,
): Promise<DeliveriesResponse> {
  const id = reportIdSchema.parse(reportId);
  return (await officeServer(deps)).request(
    'GET',
    `/api/v1/reports/${id}/deliveries`,
    deliveriesResponseSchema,
  );
}

/** Asks the office server to e-mail the client's copy again (its outbox sends and retries it). */
export async function resendReport(
  deps: OfficeServerDeps,
  reportId: string,
  request: ResendRequest = {},
): Promise<DeliveryView> {
  const id = reportIdSchema.parse(reportId);
  const body = resendRequestSchema.parse(request);
  return (await officeServer(deps)).request(
    'POST',
    `/api/v1/reports/${id}/deliveries`,
    deliveryViewSchema,
    body,
  );
}

export interface ReportDeliveriesState {
  /** null while loading or when the server could not be asked. */
  readonly data: DeliveriesResponse | null;
  /** The last failure, as thrown (the screen words it with userMessage). */
  readonly error: unknown;
  /** Sends again, then reloads the list; a failure lands in `error`. */
  resend(): Promise<void>;
}

/** A report's deliveries from the office server, and "Renvoyer par e-mail". */
export function useReportDeliveries(
  reportId: string,
  deps: OfficeServerDeps = appOfficeServerDeps(),
): ReportDeliveriesState {
  const [data, setData] = useState<DeliveriesResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const { db, transport } = deps;
  useEffect(() => {
    let live = true;
    fetchDeliveries({ db, transport }, reportId).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [db, transport, reportId, round]);
  const resend = useCallback(async () => {
    setError(null);
    try {
      await resendReport({ db, transport }, reportId);
      setRound((r) => r + 1);
    } catch (e) {
      setError(e);
    }
  }, [db, transport, reportId]);
  return { data, error, resend };
}
