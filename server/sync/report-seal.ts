import { verifySeal } from '../../shared/report/seal';

export type SealCheck =
  { kind: 'unsealed' } | { kind: 'sealed'; hash: string } | { kind: 'invalid'; message: string };

/**
 * A `reports` record is sealed when its data is a sealed report (`status: 'sealed'`, with
 * `content` and `seal`). The server is the authority: it recomputes the hash of the content
 * as received and refuses a seal that does not match.
 */
export async function checkReportSeal(data: Readonly<Record<string, unknown>>): Promise<SealCheck> {
  if (data['status'] !== 'sealed' && data['seal'] === undefined) return { kind: 'unsealed' };
  const verification = await verifySeal({
    status: data['status'],
    content: data['content'],
    seal: data['seal'],
  });
  return verification.valid
    ? { kind: 'sealed', hash: verification.hash }
    : { kind: 'invalid', message: verification.message };
}
