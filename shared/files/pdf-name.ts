/**
 * Whether a suggested PDF file name is safe on every desktop system: the save dialog shows it
 * and the shell writes under it. Refused: control characters (NUL cuts the name in native
 * code, newlines break dialogs), the characters Windows forbids, a leading dot (a hidden
 * file), a trailing dot or space before the extension (Windows silently drops them), and the
 * device names Windows reserves whatever the extension (`CON.pdf`, `nul.pdf`, `COM1.pdf`…).
 */
export const RESERVED_WINDOWS_NAMES =
  /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export function pdfNameProblem(name: string): string | null {
  // Every control character, NUL and newlines included (checked by code point).
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0))
      return 'caractère de contrôle interdit dans le nom';
  }
  if (/[<>:"/\\|?*]/.test(name)) return 'caractère interdit dans le nom (< > : " / \\ | ? *)';
  if (!/\.pdf$/i.test(name)) return 'nom de fichier PDF attendu';
  const stem = name.slice(0, -4);
  if (stem === '' || stem.startsWith('.')) return 'nom de fichier vide ou caché';
  if (/[ .]$/.test(stem)) return 'le nom ne peut finir par un point ou une espace';
  const device = stem.split('.')[0]!.trim();
  if (RESERVED_WINDOWS_NAMES.test(device)) return `nom réservé par Windows : ${device}`;
  return null;
}
