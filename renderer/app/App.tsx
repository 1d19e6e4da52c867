import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { hasBrowserToken, isElectron } from '../api/transport';
import { useLocale, useT } from '../i18n/i18n';
import { useSession } from './session';
import { navigate, useRoute } from './router';
import { Toasts } from '../components/Toasts';
import { WelcomeDialog } from '../features/session/WelcomeDialog';
import { DossierListPage } from '../features/dossiers/DossierListPage';
import { DossierPage } from '../features/dossiers/DossierPage';
import { NewDossierPage } from '../features/dossiers/NewDossierPage';
import { ImportPage } from '../features/dossiers/ImportPage';
import { RoundsListPage } from '../features/rounds/RoundsListPage';
import { RoundPage } from '../features/rounds/RoundPage';
import { RoundPrintPage } from '../features/rounds/print/RoundPrintPage';
import { ScoreSheetPrintPage } from '../features/rounds/print/ScoreSheetPrintPage';
import { CommitteeSheetPrintPage } from '../features/rounds/print/CommitteeSheetPrintPage';
import { CooperationsPage } from '../features/cooperations/CooperationsPage';
import { CooperationPage } from '../features/cooperations/CooperationPage';
import { AssessmentsPage } from '../features/assessments/AssessmentsPage';
import { AssessmentRunPage } from '../features/assessments/AssessmentRunPage';
import { LettersPage } from '../features/letters/LettersPage';
import { LettersPrintPage } from '../features/letters/LettersPrintPage';
import { errorText } from '../lib/errors';
import { BackupPage } from '../features/backup/BackupPage';
import { RecoveryScreen } from '../features/backup/RecoveryScreen';

export function App() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { session, set } = useSession();
  const [startError, setStartError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    if (!isElectron() && !hasBrowserToken()) return setStartError(t('error.noToken'));
    void api['session.get']({}).then((r) => (r.ok ? set(r.value) : setStartError(errorText(r.error))));
  }, []);

  if (startError) return <div className="fatal" role="alert">{startError}</div>;
  if (!session) return <div className="fatal">{t('common.loading')}</div>;
  if (session.recovery) return <><RecoveryScreen recovery={session.recovery} dataDir={session.dataDir} /><Toasts /></>;

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav className="nav">
          <button type="button" className={route.page.startsWith('dossier') || route.page === 'import' ? 'nav-item active' : 'nav-item'} onClick={() => navigate({ page: 'dossiers' })}>
            {t('nav.dossiers')}
          </button>
          <button type="button" className={route.page.startsWith('round') ? 'nav-item active' : 'nav-item'} onClick={() => navigate({ page: 'rounds' })}>
            {t('nav.rounds')}
          </button>
          <button type="button" className={route.page.startsWith('cooperation') ? 'nav-item active' : 'nav-item'} onClick={() => navigate({ page: 'cooperations' })}>
            {t('nav.cooperations')}
          </button>
          <button type="button" className={route.page.startsWith('assessment') ? 'nav-item active' : 'nav-item'} onClick={() => navigate({ page: 'assessments' })}>
            {t('nav.assessments')}
          </button>
          <button type="button" className={route.page.startsWith('letters') ? 'nav-item active' : 'nav-item'} onClick={() => navigate({ page: 'letters' })}>
            {t('nav.letters')}
          </button>
          <button type="button" className={route.page === 'backup' ? 'nav-item active' : 'nav-item'} onClick={() => navigate({ page: 'backup' })}>{t('nav.backup')}</button>
        </nav>
        <div className="topbar-right">
          {session.transport === 'browser' && <span className="badge" title={session.dataDir}>{t('mode.browser')}</span>}
          {session.userName && (
            <span className="user">
              {t('user.current', { name: session.userName })}{' '}
              <button type="button" className="link" onClick={() => setRenaming(true)}>{t('user.change')}</button>
            </span>
          )}
          <button type="button" className="link" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>
            {t('nav.language')}
          </button>
        </div>
      </header>
      <main className="content">
        {route.page === 'dossiers' && <DossierListPage />}
        {route.page === 'dossier-new' && <NewDossierPage />}
        {route.page === 'dossier' && <DossierPage key={route.id} id={route.id} />}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'rounds' && <RoundsListPage />}
        {route.page === 'round' && <RoundPage key={route.id} id={route.id} tab={route.tab} />}
        {route.page === 'round-print' && <RoundPrintPage id={route.id} />}
        {route.page === 'score-sheet-print' && <ScoreSheetPrintPage roundId={route.roundId} memberId={route.memberId} />}
        {route.page === 'committee-sheet-print' && <CommitteeSheetPrintPage roundId={route.roundId} />}
        {route.page === 'cooperations' && <CooperationsPage />}
        {route.page === 'cooperation' && <CooperationPage key={route.id} id={route.id} />}
        {route.page === 'assessments' && <AssessmentsPage />}
        {route.page === 'assessment-run' && <AssessmentRunPage key={route.id} id={route.id} />}
        {route.page === 'letters' && <LettersPage />}
        {route.page === 'letters-print' && <LettersPrintPage ids={route.ids} />}
        {route.page === 'backup' && <BackupPage />}
      </main>
      {(!session.userName || renaming) && <WelcomeDialog current={session.userName} onDone={() => setRenaming(false)} />}
      <Toasts />
    </div>
  );
}
