// #/letters: 函件模板 (the chair's templates), 项目函件设置 (per-program texts) and 已出具函件 (the archive). Both tabs stay mounted once
// opened, so switching tabs never drops an unsaved template edit.
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ArchiveTab } from './ArchiveTab';
import { TemplatesTab } from './TemplatesTab';
import { ProgramSettingsTab } from './ProgramSettingsTab';
import './letters.css';

type Tab = 'archive' | 'templates' | 'programs';
const TABS: readonly Tab[] = ['archive', 'templates', 'programs'];
const TAB_LABEL = { archive: 'letters.page.archive', templates: 'letters.page.templates', programs: 'letters.page.programs' } as const;
// Remembered for the session, so 返回 from a print page lands on the tab the user came from.
const TAB_KEY = 'review-desk-letters-tab';

export function LettersPage() {
  const t = useT();
  const [tab, setTabState] = useState<Tab>(() => TABS.find((x) => x === window.sessionStorage.getItem(TAB_KEY)) ?? 'archive');
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(new Set([tab]));
  const setTab = (next: Tab) => {
    window.sessionStorage.setItem(TAB_KEY, next);
    setOpened((s) => new Set([...s, next]));
    setTabState(next);
  };

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('letters.page.title')}</h1>
      </div>
      <nav className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'tab active' : 'tab'} onClick={() => setTab(name)}>
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </nav>
      {opened.has('archive') && <div hidden={tab !== 'archive'}><ArchiveTab /></div>}
      {opened.has('templates') && <div hidden={tab !== 'templates'}><TemplatesTab /></div>}
      {opened.has('programs') && <div hidden={tab !== 'programs'}><ProgramSettingsTab /></div>}
    </section>
  );
}
