import type { z } from 'zod';
import type { ApiError } from '../../shared/sync/protocol';

/** Thrown by handlers; the app's error handler turns it into the JSON error body. */
export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
}

export function badRequest(message: string, issues?: ApiError['issues']): ApiHttpError {
  return new ApiHttpError(400, { error: 'bad_request', message, ...(issues ? { issues } : {}) });
}

export function forbidden(message: string): ApiHttpError {
  return new ApiHttpError(403, { error: 'forbidden', message });
}

/** Parses `input` with `schema`, or answers 400 naming every wrong field. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw badRequest(
    `${what} invalide.`,
    parsed.error.issues
      .slice(0, 50)
      .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
