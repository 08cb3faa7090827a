/**
 * The safe-handover checklist (docs/PRODUCT.md#safe-handover): what an advisor
 * does when a post shows exploitation, violence, danger to life or health or
 * acute homelessness. Numbers and addresses are facts, kept here in one place
 * with the date they were last checked; names and descriptions are UI strings
 * (locales/<lang>/workspace.json, `handover.contacts.<id>`).
 */
import type { EscalationKind } from '../log/events';

export const HANDOVER_CHECKED = '2026-12-04';

export interface HandoverContact {
  /** Stable id; also the key of its name and description in the locales. */
  id: string;
  /** As dialled in Germany, grouped for reading aloud. */
  phone?: string;
  url?: string;
}

/** For immediate danger, whatever the kind. */
export const EMERGENCY_CONTACTS: readonly HandoverContact[] = [
  { id: 'police', phone: '110' },
  { id: 'emergency', phone: '112' },
];

/** Specialised services per kind of case, most specific first. */
export const HANDOVER_CONTACTS: Readonly<Record<EscalationKind, readonly HandoverContact[]>> = {
  exploitation: [
    { id: 'faire-mobilitaet', url: 'https://www.faire-mobilitaet.de/beratungsstellen' },
    { id: 'kok', url: 'https://www.kok-gegen-menschenhandel.de' },
    { id: 'servicestelle', url: 'https://www.servicestelle-gegen-zwangsarbeit.de' },
  ],
  violence: [
    { id: 'hilfetelefon-frauen', phone: '116 016', url: 'https://www.hilfetelefon.de' },
    {
      id: 'hilfetelefon-maenner',
      phone: '0800 123 99 00',
      url: 'https://www.maennerhilfetelefon.de',
    },
  ],
  'life-health': [
    { id: 'bereitschaftsdienst', phone: '116 117' },
    { id: 'telefonseelsorge', phone: '0800 111 0 111', url: 'https://www.telefonseelsorge.de' },
  ],
  homelessness: [
    { id: 'municipality' },
    { id: 'bahnhofsmission', url: 'https://www.bahnhofsmission.de' },
  ],
};
