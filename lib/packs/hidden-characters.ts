/**
 * Bidi controls and zero-width characters in answer titles and bodies
 * (packs/FORMAT.md#hidden-characters). A reply is pasted into a public
 * comment as the pack has it: a right-to-left override makes the comment
 * read differently from what the reviewer approved, and zero-width
 * characters hide inside words, break search and can smuggle text past a
 * review. Links have their own, stricter rule (`links.ts`).
 *
 * Two zero-width characters have a legitimate use and are kept there only:
 * - ZERO WIDTH JOINER (U+200D) between two emoji, where it builds one
 *   sequence (👩‍⚕️, 🏳️‍🌈);
 * - ZERO WIDTH NON-JOINER (U+200C) between two letters, where it stops a
 *   ligature or joining (German "Auf‌lage" in careful typesetting, Persian,
 *   Indic scripts).
 * Everything else in the two lists below is refused.
 *
 * Pure: no browser globals.
 */

export type HiddenKind = 'bidi' | 'zero-width';

export interface HiddenCharacter {
  kind: HiddenKind;
  /** `U+202E` */
  codePoint: string;
  /** Lower-case Unicode name, for the message. */
  name: string;
  /** Position in the text, counted in characters (code points) from 1. */
  position: number;
}

const BIDI: Readonly<Record<number, string>> = {
  0x061c: 'arabic letter mark',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

const ZERO_WIDTH: Readonly<Record<number, string>> = {
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x2060: 'word joiner',
  0xfeff: 'zero width no-break space (byte order mark)',
};

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
/** What may end the emoji before a joiner: a pictograph, a skin tone, VS16, or an emoji tag. */
const EMOJI_END = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u{E0020}-\u{E007F}]$/u;
const EMOJI_START = /^\p{Extended_Pictographic}$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const LETTER = /^\p{L}$/u;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

function legitimate(code: number, before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  if (code === ZWJ) return EMOJI_END.test(before) && EMOJI_START.test(after);
  if (code === ZWNJ) return LETTER_OR_MARK.test(before) && LETTER.test(after);
  return false;
}

/** Every refused bidi control and zero-width character in `text`, in order. */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  const chars = Array.from(text);
  chars.forEach((char, index) => {
    const code = char.codePointAt(0) ?? 0;
    const bidi = BIDI[code];
    if (bidi !== undefined) {
      found.push({ kind: 'bidi', codePoint: hex(code), name: bidi, position: index + 1 });
      return;
    }
    const zeroWidth = ZERO_WIDTH[code];
    if (zeroWidth === undefined) return;
    if (legitimate(code, chars[index - 1], chars[index + 1])) return;
    found.push({ kind: 'zero-width', codePoint: hex(code), name: zeroWidth, position: index + 1 });
  });
  return found;
}

/** The editor's message for a field's hidden characters, or null when there are none. */
export function hiddenCharacterMessage(
  answerId: string,
  language: string,
  field: 'title' | 'body',
  text: string,
): string | null {
  const found = findHiddenCharacters(text);
  const first = found[0];
  if (first === undefined) return null;
  const character = `the ${first.kind === 'bidi' ? 'bidi control' : 'zero-width character'} ${first.codePoint} (${first.name})`;
  const why =
    first.kind === 'bidi'
      ? 'it can make the comment read differently from what was reviewed'
      : first.codePoint === hex(ZWJ)
        ? 'it cannot be seen (a joiner is kept only between two emoji)'
        : first.codePoint === hex(ZWNJ)
          ? 'it cannot be seen (a non-joiner is kept only between two letters)'
          : 'it cannot be seen';
  const more =
    found.length > 1
      ? ` (and ${String(found.length - 1)} more hidden character${found.length === 2 ? '' : 's'})`
      : '';
  return `answer "${answerId}", ${language} ${field}: contains ${character} at character ${String(first.position)}${more}; ${why}, so remove it`;
}
