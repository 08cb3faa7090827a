import { describe, expect, it } from 'vitest';
import { parseGroupReference } from './group-reference';

describe('parseGroupReference', () => {
  it.each([
    ['https://www.facebook.com/groups/551200300400/', '551200300400'],
    ['https://web.facebook.com/groups/pracownicy-de/posts/9100002/?comment_id=1', 'pracownicy-de'],
    ['facebook.com/groups/romanii.din.germania', 'romanii.din.germania'],
    ['m.facebook.com/groups/123/permalink/456/', '123'],
    ['  551200300400  ', '551200300400'],
    ['eu-workers-demo', 'eu-workers-demo'],
    ['Българи_в_Германия', 'Българи_в_Германия'],
  ])('%s → %s', (input, id) => {
    expect(parseGroupReference(input)).toEqual({ ok: true, id });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://example.com/groups/123/', 'not-a-group'],
    ['https://www.facebook.com/profile.php?id=1', 'not-a-group'],
    ['https://evil-facebook.com/groups/1/', 'not-a-group'],
    ['two words', 'not-a-group'],
    ['http://', 'not-a-group'],
  ])('%j is rejected (%s)', (input, reason) => {
    expect(parseGroupReference(input)).toEqual({ ok: false, reason });
  });
});
