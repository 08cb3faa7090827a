/**
 * Puts a reply into a post's Facebook comment box, which is a Lexical
 * editor. Setting `innerHTML`/`innerText` would desynchronise Lexical's
 * state from the DOM (the text shows but is never posted), so the text goes
 * in through the input paths Lexical listens to, in this order:
 *
 * 1. a synthetic `paste` with a DataTransfer holding text/plain: Lexical's
 *    paste handler inserts it as one change and keeps line breaks;
 * 2. `execCommand('insertText')` line by line with `insertLineBreak` between,
 *    which fires the `beforeinput` events Lexical handles.
 *
 * After each attempt the box's text is compared with the reply. An attempt
 * that changed nothing may be followed by the next; one that changed the
 * box but not correctly is not (that is how double insertions happen). If no
 * path verifiably worked, the reply goes to the clipboard and the advisor is
 * told to paste it. Nothing is ever submitted.
 */
import type { InsertOutcome } from '../workspace/protocol';

export interface InsertTarget {
  findCommentBox(): HTMLElement | null;
  findCommentButton(): HTMLElement | null;
}

export interface InsertOptions {
  /** How long to wait for the box to open, in ms. */
  openTimeoutMs?: number;
  copyText?: (text: string) => Promise<boolean>;
  signal?: AbortSignal;
}

/** Text as the box shows it, for comparison: no invisible characters, single line breaks. */
export function normaliseForComparison(text: string): string {
  return text
    .replace(/[\u200b-\u200f\ufeff]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

function readBox(box: HTMLElement): string {
  // Lexical renders each line as <p> (or <br> inside one); innerText keeps them apart.
  return normaliseForComparison(box.innerText ?? box.textContent ?? '');
}

/**
 * After the page has rendered once more. A tab the browser treats as hidden
 * gets no animation frames at all (the workspace may sit in another tab, or
 * the window may be covered), so a short timer stands in when no frame comes.
 */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    };
    const fallback = setTimeout(finish, 50);
    requestAnimationFrame(finish);
  });
}

async function waitFor<T>(
  probe: () => T | null,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T | null> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > until || signal?.aborted) return null;
    await nextFrame();
  }
}

function placeCaretAtEnd(box: HTMLElement): void {
  box.focus();
  const selection = box.ownerDocument.getSelection();
  if (!selection) return;
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

async function settled(box: HTMLElement, before: string): Promise<string> {
  // Lexical reconciles the DOM in a microtask or the next frame.
  for (let i = 0; i < 5; i += 1) {
    await nextFrame();
    if (readBox(box) !== before) break;
  }
  return readBox(box);
}

function arrived(after: string, before: string, expected: string): boolean {
  return (
    after !== before &&
    after.includes(expected) &&
    after.length <= before.length + expected.length + 2
  );
}

export async function defaultCopyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older path, works while the page has focus and a user gesture is recent.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

export async function insertReply(
  target: InsertTarget,
  text: string,
  options: InsertOptions = {},
): Promise<InsertOutcome> {
  const copy = options.copyText ?? defaultCopyText;
  const expected = normaliseForComparison(text);
  if (!expected) return { status: 'failed', reason: 'empty' };

  let box = target.findCommentBox();
  if (!box || box.offsetParent === null) {
    target.findCommentButton()?.click();
    box = await waitFor(
      () => {
        const found = target.findCommentBox();
        return found && found.offsetParent !== null ? found : null;
      },
      options.openTimeoutMs ?? 3000,
      options.signal,
    );
  }
  const fallback = async (reason: 'no-comment-box' | 'not-verified'): Promise<InsertOutcome> =>
    (await copy(text))
      ? { status: 'copied', reason }
      : { status: 'failed', reason: 'clipboard-denied' };
  if (!box) return fallback('no-comment-box');

  const before = readBox(box);
  placeCaretAtEnd(box);

  // 1. Paste.
  const data = new DataTransfer();
  data.setData('text/plain', text.replace(/\r\n?/g, '\n'));
  box.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
  );
  let after = await settled(box, before);
  if (arrived(after, before, expected)) return { status: 'inserted', method: 'paste' };
  if (after !== before) return fallback('not-verified');

  // 2. insertText, line by line.
  placeCaretAtEnd(box);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (index > 0) document.execCommand('insertLineBreak');
    if (line) document.execCommand('insertText', false, line);
  });
  after = await settled(box, before);
  if (arrived(after, before, expected)) return { status: 'inserted', method: 'insert-text' };
  return fallback('not-verified');
}
