import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionId } from './sections';
import { SECTIONS, sectionFromHash } from './sections';
import { PacksSection } from './packs/packs-section';
import { LogSection } from './log-section';
import { MissedSection } from './missed-section';
import { GroupsSection } from './monitoring/groups-section';
import { ReportSection } from './monitoring/report-section';
import { TrendsSection } from './monitoring/trends-section';
import { SectionErrorBoundary } from './section-error-boundary';
import { SettingsSection } from './settings-section';
import { StatsSection } from './stats-section';
import { TeamSection } from './team/team-section';

function SectionContent({ section }: { section: SectionId }) {
  switch (section) {
    case 'packs':
      return <PacksSection />;
    case 'log':
      return <LogSection />;
    case 'stats':
      return <StatsSection />;
    case 'trends':
      return <TrendsSection />;
    case 'report':
      return <ReportSection />;
    case 'groups':
      return <GroupsSection />;
    case 'missed':
      return <MissedSection />;
    case 'team':
      return <TeamSection />;
    case 'settings':
      return <SettingsSection />;
  }
}

export function Dashboard() {
  const { t } = useTranslation(['dashboard', 'common']);
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(location.hash));

  useEffect(() => {
    const onHashChange = () => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    document.title = `${t(`sections.${section}`)} – ${t('common:appName')}`;
  }, [section, t]);

  return (
    <div className="dashboard">
      <header className="masthead">
        <h1>{t('common:appName')}</h1>
        <p>{t('common:tagline')}</p>
      </header>
      <nav aria-label={t('navLabel')} className="sidebar">
        <ul>
          {SECTIONS.map((id) => (
            <li key={id}>
              <a
                href={`#${id}`}
                data-testid={`nav-${id}`}
                aria-current={id === section ? 'page' : undefined}
              >
                {t(`sections.${id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {/* A new section starts without the previous one's failure. */}
        <SectionErrorBoundary key={section}>
          <SectionContent section={section} />
        </SectionErrorBoundary>
      </main>
    </div>
  );
}
