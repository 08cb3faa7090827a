/**
 * Rules for links in packs (packs/FORMAT.md#links), shared by the pack
 * schema, which refuses a bad link with its location, and by the parser,
 * which stores every link in its normalised form (`new URL().href`).
 *
 * A link is pasted into a public comment exactly as the pack has it, so what
 * the advisor sees must be where it leads: no spaces (Facebook cuts the link
 * there), no user name or password (`https://trusted.example@evil.example/`
 * reads as the first host), no invisible or direction-changing characters
 * (`…/\u202egpj.exe` shows as `exe.jpg`), and no non-ASCII host names, which
 * can imitate another host with look-alike letters (`fаire-mobilitaet.de`
 * with a Cyrillic а); the editor is told the punycode form to write instead.
 *
 * Pure: no browser globals (the URL class is an ES-platform builtin in every
 * context that runs this, Node included).
 */
import { LIMITS } from '../domain/limits';

/** Bidi controls, zero-width characters, soft hyphen and the BOM. */
export const INVISIBLE_CHARACTERS =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/u;
const WHITESPACE = /\s/u;

const codePoint = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with a link, in words for the pack's editor, or null when it
 * may be used. `quoted` is the value as the message shows it.
 */
export function linkProblem(value: string, quoted: string): string | null {
  const invisible = INVISIBLE_CHARACTERS.exec(value) ?? CONTROL_CHARACTERS.exec(value);
  if (invisible)
    return `${quoted} contains the invisible character ${codePoint(invisible[0])}; links must show exactly where they lead, so remove it`;
  if (WHITESPACE.test(value)) return `${quoted} contains a space; remove it or write it as %20`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${quoted} is not an https link; links must start with https://`;
  }
  if (url.protocol !== 'https:')
    return `${quoted} is not an https link; links must start with https://`;
  if (url.username !== '' || url.password !== '')
    return `${quoted} contains a user name or password before "@"; links never need one, and readers mistake the part before "@" for the site`;
  const authority = /^https:\/*([^/?#]*)/iu.exec(value)?.[1] ?? '';
  // eslint-disable-next-line no-control-regex -- "not ASCII" is exactly what is looked for
  if (/[^\u0000-\u007F]/u.test(authority))
    return `${quoted} has non-ASCII letters in its host name, which can imitate another site; if the address is right, write the host as ${url.hostname} (its punycode form)`;
  if (url.href.length > LIMITS.linkUrl)
    return `${quoted} is too long: at most ${String(LIMITS.linkUrl)} characters`;
  return null;
}

/** The form a link is stored and inserted in; only call on links `linkProblem` accepted. */
export function normaliseLink(value: string): string {
  return new URL(value).href;
}
