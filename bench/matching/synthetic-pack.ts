/**
 * A deterministic 300-answer pack in 13 languages for the latency benchmark,
 * recombined from the default pack's texts: every synthetic answer takes its
 * title, keywords and examples from one real answer and mixes in sentences,
 * keywords and an example of two others (by a fixed stride), so texts are
 * distinct (no cache can shortcut them) while the vocabulary stays realistic.
 */
import type { Answer, AnswerText, Pack } from '../../lib/packs/schema';

const sentencesOf = (body: string): string[] =>
  body.split(/(?<=[.!?])\s+/u).filter((sentence) => sentence.length > 0);

function mixText(
  base: AnswerText,
  second: AnswerText,
  third: AnswerText,
  salt: number,
): AnswerText {
  const baseSentences = sentencesOf(base.body);
  const rotate = salt % Math.max(1, baseSentences.length);
  const body = [
    ...baseSentences.slice(rotate),
    ...baseSentences.slice(0, rotate),
    ...sentencesOf(second.body).slice(0, 2),
    ...sentencesOf(third.body).slice(-1),
  ].join(' ');
  return {
    title: `${base.title} (${salt})`,
    body: body.slice(0, 5000),
    keywords: [...base.keywords, ...second.keywords.slice(0, 3)].slice(0, 100),
    examples: [...base.examples.slice(salt % 2), second.examples[0] ?? base.title].slice(0, 100),
    sourceVersion: base.sourceVersion,
  };
}

export function buildSyntheticPack(source: Pack, size = 300): Pack {
  const real = source.answers;
  const answers: Answer[] = [];
  for (let i = 0; i < size; i += 1) {
    const base = real[i % real.length];
    const second = real[(i * 7 + 3) % real.length];
    const third = real[(i * 13 + 5) % real.length];
    if (!base || !second || !third) throw new Error('the source pack has no answers');
    const texts: Answer['texts'] = {};
    for (const [language, text] of Object.entries(base.texts) as [
      keyof Answer['texts'],
      AnswerText,
    ][]) {
      const other = second.texts[language] ?? text;
      const last = third.texts[language] ?? text;
      texts[language] = mixText(text, other, last, i);
    }
    answers.push({ ...base, id: `synthetic-${i}-${base.id}`.slice(0, 100), texts });
  }
  return { ...source, id: 'eu.outreach-advisor.synthetic', answers };
}
