/**
 * A pull cursor is a position in the change stream — (transaction id, sequence number) of the
 * last record served — plus the tombstone-purge generation it was issued in, written
 * "txid:seq:generation"; "0" is the start.
 */
export type CursorPosition = { txid: string; seq: number; generation: number };

export const START: CursorPosition = { txid: '0', seq: 0, generation: 0 };

/** Expects a cursor already checked by `pullCursorSchema`. */
export function parseCursor(cursor: string): CursorPosition {
  if (cursor === '0') return START;
  const [txid, seq, generation] = cursor.split(':');
  return { txid: BigInt(txid!).toString(), seq: Number(seq), generation: Number(generation) };
}

export function formatCursor(position: CursorPosition): string {
  return `${position.txid}:${position.seq}:${position.generation}`;
}

export function isStart(position: CursorPosition): boolean {
  return position.txid === '0' && position.seq === 0;
}
