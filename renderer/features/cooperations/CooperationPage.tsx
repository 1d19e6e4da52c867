// One cooperation (合作): who, where and in which status; its trial and assessment calendar; the dated
// history; the events its status allows (shared allowedEvents); and, once it has ended, the region's
// waitlist and the termination notice. Letters about it are listed on the side.
import { useState } from 'react';
import { api } from '../../api/client';
import type { Cooperation } from '../../../shared/cooperations/views';
import { allowedEvents, isTerminal, type CooperationEvent } from '../../../shared/lifecycle/cooperation';
import { navigate } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';
import { useLoad } from '../rounds/common/use-load';
import { CalendarPanel } from './CalendarPanel';
import { CooperationLetters } from './CooperationLetters';
import { StatusTag } from './CooperationsTable';
import { EventDialog } from './EventDialog';
import { EventHistory } from './EventHistory';
import { ExitDialog } from './ExitDialog';
import { BAN_REASON_LABEL } from './labels';
import { TerminateDialog } from './TerminateDialog';
import { WaitlistPanel } from './WaitlistPanel';
import './cooperations.css';

export function CooperationPage({ id }: { id: string }) {
  const t = useT();
  const loaded = useLoad(() => api['cooperations.get']({ id }), [id]);
  const [updated, setUpdated] = useState<Cooperation | null>(null);
  const cooperation = updated ?? loaded.data;
  if (loaded.error) return <p className="banner error" role="alert">{loaded.error}</p>;
  if (!cooperation) return <p className="empty">{t('common.loading')}</p>;
  return <CooperationView cooperation={cooperation} onChange={setUpdated} />;
}

function CooperationView({ cooperation: c, onChange }: { cooperation: Cooperation; onChange: (c: Cooperation) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const programs = useLoad(() => api['programs.list']({}), []);
  // Wrapped: a program without rules answers null, which must not read as "still loading".
  const rules = useLoad(async () => {
    const r = await api['programs.kpiRules']({ programId: c.programId });
    return r.ok ? { ok: true as const, value: { rules: r.value } } : r;
  }, [c.programId]);
  const [action, setAction] = useState<CooperationEvent | null>(null);
  const program = programs.data?.find((p) => p.id === c.programId) ?? null;
  const events = allowedEvents(c.status);
  const done = (next: Cooperation) => (setAction(null), onChange(next));

  return (
    <section className="page coop-detail">
      <button type="button" className="link coop-back" onClick={() => navigate({ page: 'cooperations' })}>← {t('cooperation.back')}</button>
      <div className="page-header">
        <div>
          <h1>{c.legalName} <StatusTag status={c.status} /></h1>
          <div className="facts coop-facts-line">
            <span className="mono">{c.creditCode}</span>
            <span>{c.regionName}</span>
            <span>{program ? `${program.platform} · ${c.programName}` : c.programName}</span>
            <span>{t('cooperation.startedOn', { date: formatDay(c.startedOn, locale) })}</span>
            {c.endedOn && <span>{t('cooperation.endedOn', { date: formatDay(c.endedOn, locale) })}{c.endReason ? `（${t(BAN_REASON_LABEL[c.endReason])}）` : ''}</span>}
            <a href={`#/dossiers/${c.dossierId}`}>{t('cooperation.dossier')}</a>
          </div>
        </div>
        <div className="actions coop-actions">
          {events.filter((e) => e !== 'terminate' && e !== 'exit').map((e) => (
            <button key={e} type="button" className={e === 'confirm' || e === 'resolveRectification' ? 'primary' : undefined} onClick={() => setAction(e)}>{t(`cooperation.action.${e}`)}</button>
          ))}
          {events.includes('exit') && <button type="button" onClick={() => setAction('exit')}>{t('cooperation.action.exit')}</button>}
          {events.includes('terminate') && <button type="button" className="danger" onClick={() => setAction('terminate')}>{t('cooperation.action.terminate')}</button>}
        </div>
      </div>
      {isTerminal(c.status) && <p className="banner">{t('cooperation.endedBanner', { status: t(`cooperations.status.${c.status}`) })}</p>}
      <div className="two-columns">
        <div className="side coop-main">
          {rules.data ? <CalendarPanel cooperation={c} rules={rules.data.rules} /> : rules.error && <p className="banner error">{rules.error}</p>}
          <EventHistory events={c.events} />
        </div>
        <div className="side">
          {isTerminal(c.status) && <WaitlistPanel cooperation={c} />}
          <CooperationLetters key={c.version} cooperation={c} program={program} />
        </div>
      </div>
      {(action === 'confirm' || action === 'rectify' || action === 'resolveRectification') && <EventDialog event={action} cooperation={c} onClose={() => setAction(null)} onDone={done} />}
      {action === 'terminate' && <TerminateDialog cooperation={c} rules={rules.data?.rules ?? null} onClose={() => setAction(null)} onDone={done} />}
      {action === 'exit' && <ExitDialog cooperation={c} rules={rules.data?.rules ?? null} onClose={() => setAction(null)} onDone={done} />}
    </section>
  );
}
