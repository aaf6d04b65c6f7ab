/**
 * Who receives the client's copies by e-mail: the contacts the contract names
 * (`copyRecipientContactIds`, e.g. the IT correspondent), plus the addresses typed on site.
 * Pure: the contract and the client's contacts come in.
 */

interface ContactLike {
  readonly id: string;
  readonly email: string;
  readonly deleted?: boolean;
}

/** The e-mail addresses of the contract's chosen contacts (deleted or address-less ones left out). */
export function contractCopyRecipients(
  contract: { readonly copyRecipientContactIds?: readonly string[] } | null | undefined,
  contacts: readonly ContactLike[],
): string[] {
  const chosen = new Set(contract?.copyRecipientContactIds ?? []);
  return mergeRecipients(
    contacts
      .filter((c) => chosen.has(c.id) && !c.deleted && c.email.trim() !== '')
      .map((c) => c.email),
  );
}

/** The lists joined, each address once (compared without case), in first-seen order. */
export function mergeRecipients(...lists: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const email of lists.flat()) {
    const trimmed = email.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    merged.push(trimmed);
  }
  return merged;
}
