/** A word as both indexes compare it: case and diacritics removed (unicode61 remove_diacritics, unaccent). */
export function foldToken(token: string): string {
  return token
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}
