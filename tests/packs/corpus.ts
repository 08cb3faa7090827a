/**
 * The corpus of bad packs in `tests/packs/bad/` and what each must be
 * refused with. The files end in `.pack.txt` so that TypeScript and Prettier,
 * which read every `*.json` in the repository, leave the damaged bytes alone. Each file is a valid test pack (`make-pack.ts`) with one
 * kind of damage; `expected` lists every error the validator must report, as
 * patterns that start with the location.
 */
import { makePack } from './make-pack';

export interface BadPackCase {
  file: string;
  expected: RegExp[];
}

export const BAD_PACK_CORPUS: BadPackCase[] = [
  {
    file: 'invalid-json.pack.txt',
    expected: [/^line 6, column 3: not valid JSON: unexpected '"'; expected "," or "}"$/],
  },
  {
    file: 'truncated.pack.txt',
    expected: [/^line 43, column 15: not valid JSON: the file ends too early/],
  },
  {
    file: 'wrong-types.pack.txt',
    expected: [
      /^exampleContent: expected true or false, found the text "yes"$/,
      /^answers\[0\]\.canonicalVersion: expected a number, found the text "1"$/,
      /^answers\[1\]\.texts\.pl\.keywords: expected a list, found the text "mindestlohn"$/,
    ],
  },
  {
    file: 'unknown-topic.pack.txt',
    expected: [/^answers\[1\]\.topic: unknown topic "wages"; topics are minimum-wage, /],
  },
  {
    file: 'duplicate-ids.pack.txt',
    expected: [
      /^answers\[1\]\.id: duplicate id "minimum-wage-basics", already used by answers\[0\]$/,
    ],
  },
  {
    file: 'http-link.pack.txt',
    expected: [
      /^answers\[0\]\.links\[0\]\.url: "http:\/\/www\.faire-mobilitaet\.de\/" is not an https link/,
    ],
  },
  {
    file: 'html-in-text.pack.txt',
    expected: [
      /^answers\[1\]\.texts\.pl\.body: contains markup "<b>"; packs are shown as plain text/,
    ],
  },
  {
    file: 'script-in-text.pack.txt',
    expected: [/^answers\[0\]\.texts\.de\.title: contains markup "<script>"/],
  },
  {
    file: 'hidden-characters.pack.txt',
    expected: [
      /^answers\[1\]\.texts\.de\.body: answer "minimum-wage-minijob", de body: contains the zero-width character U\+200B \(zero width space\) at character 12;/,
      /^answers\[1\]\.texts\.pl\.title: answer "minimum-wage-minijob", pl title: contains the bidi control U\+202E \(right-to-left override\) at character 17;/,
    ],
  },
  {
    file: 'deep-nesting.pack.txt',
    expected: [/^line 1, column \d+: nested more than 32 levels deep/],
  },
];

/** A pack just over 5 MB, made at test time rather than committed. */
export function oversizedPackText(): string {
  const pack = makePack();
  const filler = 'x'.repeat(5 * 1024 * 1024);
  return JSON.stringify({ ...pack, description: filler });
}
