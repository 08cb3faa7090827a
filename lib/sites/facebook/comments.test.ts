// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { facebookAdapter } from './adapter';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures');

function loadDemo(): Element {
  document.documentElement.innerHTML = readFileSync(
    join(FIXTURES, 'groups/eu-workers-demo/index.html'),
    'utf8',
  )
    .replace(/^<!doctype html>\s*(<!--[\s\S]*?-->\s*)?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '');
  const root = document.querySelector('[aria-posinset="1"]');
  if (!root) throw new Error('demo post 1 missing');
  return root;
}

describe('comments under a post', () => {
  let root: Element;
  beforeEach(() => {
    root = loadDemo();
  });

  it('reads every comment and reply with its own text, never the post or a reply as part of its parent', () => {
    const comments = facebookAdapter.findComments(root);
    expect(comments.map((comment) => [comment.authorName, comment.text])).toEqual([
      ['Tomasz K.', 'U nas tez tak placa, nic nie zrobisz'],
      [
        'Krzysztof W.',
        'Jak jestes na akord to minimalna cie nie obowiazuje, placa od sztuki i tyle',
      ],
      ['Ewa Nowak', 'Nie sluchaj, zapisuj godziny i idz do doradztwa'],
      ['Marek Zielinski', 'dzieki, a gdzie jest takie doradztwo?'],
    ]);
    // Keys are stable across a re-read and unique.
    const again = facebookAdapter.findComments(root).map((comment) => comment.commentKey);
    expect(again).toEqual(comments.map((comment) => comment.commentKey));
    expect(new Set(again).size).toBe(4);
    expect(again.every((key) => /^c[0-9a-f]{16}$/.test(key))).toBe(true);
  });

  it('tells two identical comments of one person apart', () => {
    const first = root.querySelector('[role="article"][aria-label]')?.parentElement;
    first?.after(first.cloneNode(true));
    const keys = facebookAdapter.findComments(root).map((comment) => comment.commentKey);
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(5);
  });

  it("finds a comment's own reply control and, once open, its own reply box", () => {
    const [, , ewa, marek] = facebookAdapter.findComments(root);
    if (!ewa || !marek) throw new Error('comments missing');
    const button = facebookAdapter.findReplyButton(ewa.element);
    expect(button?.textContent).toBe('Reply');
    // Ewa's reply control is not Marek's (his comment is nested in her thread).
    expect(facebookAdapter.findReplyButton(marek.element)).not.toBe(button);
    // Closed forms are still in the DOM: the box is found by the commenter's name.
    expect(facebookAdapter.findReplyBox(ewa.element)?.getAttribute('aria-label')).toBe(
      'Reply to Ewa Nowak…',
    );
    expect(facebookAdapter.findReplyBox(marek.element)?.getAttribute('aria-label')).toBe(
      'Reply to Marek Zielinski…',
    );
  });

  it('finds the box in the thread when its label does not name the commenter', () => {
    const [, , ewa] = facebookAdapter.findComments(root);
    if (!ewa) throw new Error('comment missing');
    for (const box of root.querySelectorAll('[data-oa-fixture="reply-form"] [role="textbox"]')) {
      box.setAttribute('aria-label', 'Write a reply…');
    }
    const box = facebookAdapter.findReplyBox(ewa.element);
    // Her own form, a direct child of her thread, not the one in Marek's nested thread.
    expect(box?.closest('form')?.parentElement).toBe(ewa.element.parentElement);
  });

  it("never takes a comment's reply box for the post's own comment box", () => {
    // The reply composers sit in the comments' threads, before the post's form in the DOM.
    const box = facebookAdapter.findCommentBox(root);
    expect(box?.closest('form')?.getAttribute('data-oa-fixture')).toBe('comment-form');
  });

  it('puts a flag right after the comment, inside its thread', () => {
    const [first] = facebookAdapter.findComments(root);
    if (!first) throw new Error('comment missing');
    const anchor = facebookAdapter.commentFlagAnchor(first.element);
    expect(anchor.parent).toBe(first.element.parentElement);
    expect(anchor.before).toBe(first.element.nextElementSibling);
  });
});
