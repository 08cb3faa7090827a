/**
 * The example content of the spreadsheet templates: one answer in German
 * (canonical) and English, showing every column, a placeholder, a link and a
 * review record that is still pending.
 */
import type { Pack } from '../lib/packs/schema';

export const TEMPLATE_PACK: Pack = {
  schemaVersion: 1,
  id: 'org.example.counselling',
  version: '2026.1.0',
  title: 'Example counselling service answers',
  description: 'Replace this with a sentence on what the pack covers and for whom.',
  publisher: { name: 'Example counselling service', url: 'https://example.org/' },
  canonicalLanguage: 'de',
  languages: ['de', 'en'],
  exampleContent: true,
  updatedAt: '2026-01-15',
  answers: [
    {
      id: 'unpaid-wages-claim',
      topic: 'unpaid-wages',
      kind: 'answer',
      canonicalVersion: 1,
      placeholders: ['office'],
      links: [{ url: 'https://example.org/beratung', label: 'Example counselling service' }],
      review: {
        status: 'pending',
        reviewer: null,
        reviewedAt: null,
        validUntil: '2026-12-31',
        legalBasis: ['§ 611a BGB', '§ 614 BGB'],
        note: 'Check the deadlines in the usual collective agreements.',
      },
      texts: {
        de: {
          title: 'Lohn nicht gezahlt: so fordern Sie ihn ein',
          body: 'Schreiben Sie auf, wann Sie gearbeitet haben, und fordern Sie den Lohn schriftlich ein. Achten Sie auf Fristen im Arbeitsvertrag. Unsere Beratung in {office} hilft kostenlos und vertraulich.',
          keywords: ['Lohn', 'kein Geld', 'Ausschlussfrist'],
          examples: [
            'chef zahlt kein lohn was tun',
            'lohn seit 2 monaten nicht bekommen',
            'arbeitgeber zahlt nicht, kann ich klagen',
            'wo bekomme ich hilfe wenn lohn fehlt',
            'firma sagt geld kommt später, schon 6 wochen',
          ],
          sourceVersion: 1,
        },
        en: {
          title: 'Wages not paid: how to claim them',
          body: 'Write down when you worked and claim the wages in writing. Watch the deadlines in your contract. Our counselling service in {office} helps for free and in confidence.',
          keywords: ['wages', 'no pay', 'Lohn'],
          examples: [
            'boss not paying my lohn what can i do',
            'no salary for 2 months germany',
            'employer does not pay, can i sue',
            'where to get help unpaid wages',
            'company says money comes later, already 6 weeks',
          ],
          sourceVersion: 1,
        },
      },
    },
  ],
};
