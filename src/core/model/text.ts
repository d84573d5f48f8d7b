/**
 * Characters that change how text displays without being seen: bidirectional controls (U+202A–E,
 * U+2066–9, U+200E/F, U+061C), zero-width spaces and joiners, the word joiner, the BOM and the soft
 * hyphen. Pasted from web pages and mail, they make two names that look the same compare different
 * and make a file name display reversed, so names and file names never keep them.
 */
const INVISIBLE_FORMAT = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_FORMAT, "");
}

export function hasInvisible(text: string): boolean {
  INVISIBLE_FORMAT.lastIndex = 0;
  const found = INVISIBLE_FORMAT.test(text);
  INVISIBLE_FORMAT.lastIndex = 0;
  return found;
}
