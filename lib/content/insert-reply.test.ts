// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { insertReply, normaliseForComparison, type InsertTarget } from './insert-reply';

/**
 * The comment box is a real Lexical plain-text editor, set up as the e2e
 * fixture does (tests/fixtures/src/comment-box.ts), and the tests read
 * Lexical's own state: text that only shows in the DOM but never reached the
 * editor fails them.
 *
 * Two layout properties happy-dom does not compute are given to the box as a
 * browser would: `offsetParent` (null while the form is hidden) and
 * `innerText` (happy-dom drops `<br>`, which a browser renders as a line break).
 */
function renderedText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else if (child.nodeName === 'BR') text += '\n';
    else if (child.nodeName === 'P' || child.nodeName === 'DIV') {
      text += `${text && !text.endsWith('\n') ? '\n' : ''}${renderedText(child)}\n`;
    } else text += renderedText(child);
  }
  return text;
}

function withLayout(box: HTMLElement): HTMLElement {
  Object.defineProperty(box, 'offsetParent', {
    get: () => (box.closest('form')?.hidden ? null : box.ownerDocument.body),
  });
  Object.defineProperty(box, 'innerText', { get: () => renderedText(box) });
  return box;
}

interface CommentBox {
  post: HTMLElement;
  box: HTMLElement;
  form: HTMLFormElement;
  button: HTMLElement;
  target: InsertTarget;
  /** Lexical's state: what would be posted. */
  read(): string | null;
}

/**
 * A post with a comment button and a comment form. `open` says whether the
 * form shows already; otherwise the button opens it and starts the editor.
 */
function commentBox({ open = true, draft = '' } = {}): CommentBox {
  const post = document.createElement('div');
  post.setAttribute('aria-posinset', '1');
  const button = document.createElement('div');
  button.setAttribute('role', 'button');
  button.textContent = 'Comment';
  const form = document.createElement('form');
  form.hidden = true;
  const box = withLayout(document.createElement('div'));
  box.contentEditable = 'true';
  box.setAttribute('role', 'textbox');
  box.setAttribute('data-lexical-editor', 'true');
  form.append(box);
  post.append(button, form);
  document.body.append(post);

  let editor: LexicalEditor | undefined;
  const start = () => {
    if (editor) return;
    form.hidden = false;
    editor = createEditor({
      namespace: 'test-comment',
      onError: (error) => {
        throw error;
      },
    });
    editor.setRootElement(box);
    registerPlainText(editor);
    if (draft) {
      editor.update(
        () => {
          $getRoot()
            .clear()
            .append($createParagraphNode().append($createTextNode(draft)));
        },
        { discrete: true },
      );
    }
    box.focus();
  };
  button.addEventListener('click', start);
  if (open) start();
  return {
    post,
    box,
    form,
    button,
    target: {
      findCommentBox: () => (editor ? box : null),
      findCommentButton: () => button,
    },
    read: () => editor?.getEditorState().read(() => $getRoot().getTextContent()) ?? null,
  };
}

const copied = () => vi.fn(async (_text: string) => true);

afterEach(() => {
  document.body.replaceChildren();
  Reflect.deleteProperty(document, 'execCommand');
});

describe('insertReply into a Lexical comment box', () => {
  it.each([
    { name: 'one line', reply: 'Hallo, der Mindestlohn liegt bei 12,82 €.' },
    { name: 'several lines', reply: 'Hallo,\nbitte melde dich bei uns.\nViele Grüße' },
    {
      name: 'Windows line breaks',
      reply: 'Hallo,\r\nbitte melde dich.',
      posted: 'Hallo,\nbitte melde dich.',
    },
  ])('pastes $name into Lexical’s own state', async ({ reply, posted }) => {
    const comment = commentBox();
    const copyText = copied();
    await expect(insertReply(comment.target, reply, { copyText })).resolves.toEqual({
      status: 'inserted',
      method: 'paste',
    });
    expect(comment.read()).toBe(posted ?? reply);
    expect(copyText).not.toHaveBeenCalled();
  });

  it('inserts markup in the reply as literal text, never as HTML', async () => {
    const comment = commentBox();
    const reply = 'Siehe <img src=x onerror="alert(1)"> und <b>fett</b>';
    const outcome = await insertReply(comment.target, reply, { copyText: copied() });
    expect(outcome).toEqual({ status: 'inserted', method: 'paste' });
    expect(comment.read()).toBe(reply);
    expect(comment.box.querySelector('img, b')).toBeNull();
    expect(comment.box.textContent).toBe(reply);
  });

  it('keeps an existing draft and adds the reply at its end', async () => {
    const comment = commentBox({ draft: 'Guten Tag, ' });
    expect(comment.read()).toBe('Guten Tag, ');
    const outcome = await insertReply(comment.target, 'hier ist die Antwort.', {
      copyText: copied(),
    });
    expect(outcome).toEqual({ status: 'inserted', method: 'paste' });
    expect(comment.read()).toBe('Guten Tag, hier ist die Antwort.');
  });

  it('opens a closed comment box with the post’s comment button', async () => {
    const comment = commentBox({ open: false });
    const clicks = vi.fn();
    comment.button.addEventListener('click', clicks);
    const outcome = await insertReply(comment.target, 'Hallo', { copyText: copied() });
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(outcome).toEqual({ status: 'inserted', method: 'paste' });
    expect(comment.read()).toBe('Hallo');
  });

  it('still inserts in a tab the browser keeps hidden (no animation frames at all)', async () => {
    // Firefox gives a background tab no frames: the workspace sat in another tab and
    // the insertion waited forever ("the page did not answer").
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      const comment = commentBox({ open: false });
      const outcome = await insertReply(comment.target, 'Hallo\nzweite Zeile', {
        copyText: copied(),
      });
      expect(outcome).toEqual({ status: 'inserted', method: 'paste' });
      expect(comment.read()).toBe('Hallo\nzweite Zeile');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('never submits: no submit event and no Enter key reach the page', async () => {
    const comment = commentBox();
    const submits = vi.fn((event: Event) => event.preventDefault());
    const enters = vi.fn();
    comment.form.addEventListener('submit', submits);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') enters();
    });
    await insertReply(comment.target, 'Zeile 1\nZeile 2', { copyText: copied() });
    expect(comment.read()).toBe('Zeile 1\nZeile 2');
    expect(submits).not.toHaveBeenCalled();
    expect(enters).not.toHaveBeenCalled();
  });
});

describe('insertReply when the box cannot be used', () => {
  it.each([
    { text: '', name: 'an empty reply' },
    { text: ' \n\u200b\u00a0\n ', name: 'a reply of blanks and invisible characters' },
  ])('$name fails as empty without touching box or clipboard', async ({ text }) => {
    const comment = commentBox({ open: false });
    const copyText = copied();
    const clicks = vi.fn();
    comment.button.addEventListener('click', clicks);
    await expect(insertReply(comment.target, text, { copyText })).resolves.toEqual({
      status: 'failed',
      reason: 'empty',
    });
    expect(clicks).not.toHaveBeenCalled();
    expect(copyText).not.toHaveBeenCalled();
  });

  it.each([
    {
      name: 'no box and no button',
      target: (): InsertTarget => ({ findCommentBox: () => null, findCommentButton: () => null }),
    },
    {
      name: 'a box that stays hidden',
      target: (): InsertTarget => {
        const comment = commentBox();
        comment.form.hidden = true;
        return comment.target;
      },
    },
  ])('$name: the reply goes to the clipboard after the wait', async ({ target }) => {
    const copyText = copied();
    const outcome = await insertReply(target(), 'Hallo', { copyText, openTimeoutMs: 20 });
    expect(outcome).toEqual({ status: 'copied', reason: 'no-comment-box' });
    expect(copyText).toHaveBeenCalledWith('Hallo');
  });

  it('reports clipboard-denied when the clipboard refuses too', async () => {
    const target: InsertTarget = { findCommentBox: () => null, findCommentButton: () => null };
    const outcome = await insertReply(target, 'Hallo', {
      copyText: async () => false,
      openTimeoutMs: 20,
    });
    expect(outcome).toEqual({ status: 'failed', reason: 'clipboard-denied' });
  });

  it('stops waiting for the box when the signal aborts', async () => {
    const controller = new AbortController();
    const target: InsertTarget = {
      findCommentBox: () => null,
      findCommentButton: () => null,
    };
    const copyText = copied();
    // A minute's wait: only the abort can end it within the test's timeout.
    const pending = insertReply(target, 'Hallo', {
      copyText,
      openTimeoutMs: 60_000,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).resolves.toEqual({ status: 'copied', reason: 'no-comment-box' });
  });
});

describe('insertReply fallbacks on a box that is not Lexical', () => {
  /** A contenteditable that ignores paste, as some editor builds do. */
  function plainBox(): { box: HTMLElement; target: InsertTarget } {
    const box = withLayout(document.createElement('div'));
    box.contentEditable = 'true';
    document.body.append(box);
    return { box, target: { findCommentBox: () => box, findCommentButton: () => null } };
  }

  /** A browser's execCommand on a plain contenteditable: text and <br> at the end. */
  function fakeExecCommand(box: HTMLElement) {
    const execCommand = vi.fn((command: string, _ui?: boolean, value?: string) => {
      if (command === 'insertText') box.append(value ?? '');
      else if (command === 'insertLineBreak') box.append(document.createElement('br'));
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    return execCommand;
  }

  it('when paste changes nothing, types the reply line by line with line breaks between', async () => {
    const { box, target } = plainBox();
    const execCommand = fakeExecCommand(box);
    const outcome = await insertReply(target, 'Hallo\n\nTschüss', { copyText: copied() });
    expect(outcome).toEqual({ status: 'inserted', method: 'insert-text' });
    expect(execCommand.mock.calls.map(([command, , value]) => [command, value])).toEqual([
      ['insertText', 'Hallo'],
      ['insertLineBreak', undefined],
      ['insertLineBreak', undefined],
      ['insertText', 'Tschüss'],
    ]);
  });

  it('when paste changed the box wrongly, does not try again (no double insertion)', async () => {
    const { box, target } = plainBox();
    // An editor that pastes the text twice.
    box.addEventListener('paste', (event) => {
      const text = (event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      box.append(text + text);
      event.preventDefault();
    });
    const execCommand = fakeExecCommand(box);
    const copyText = copied();
    const outcome = await insertReply(target, 'Hallo Welt', { copyText });
    expect(outcome).toEqual({ status: 'copied', reason: 'not-verified' });
    expect(execCommand).not.toHaveBeenCalled();
    expect(copyText).toHaveBeenCalledWith('Hallo Welt');
  });

  it('when no input path changes the box, copies the reply instead', async () => {
    const { box, target } = plainBox();
    fakeExecCommand(document.createElement('div')); // types somewhere else
    const copyText = copied();
    const outcome = await insertReply(target, 'Hallo', { copyText });
    expect(outcome).toEqual({ status: 'copied', reason: 'not-verified' });
    expect(box.textContent).toBe('');
  });
});

describe('normaliseForComparison', () => {
  it.each([
    { input: 'a\u200bb\ufeffc', expected: 'abc', what: 'drops zero-width characters' },
    { input: 'a\u00a0b', expected: 'a b', what: 'reads no-break spaces as spaces' },
    { input: 'a\r\nb\rc', expected: 'a\nb\nc', what: 'unifies line breaks' },
    { input: '  a  \n\n\n  b ', expected: 'a\nb', what: 'trims lines and drops empty ones' },
    { input: ' \u200b \n ', expected: '', what: 'leaves nothing of a blank text' },
  ])('$what', ({ input, expected }) => {
    expect(normaliseForComparison(input)).toBe(expected);
  });
});
