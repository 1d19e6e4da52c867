// Shown in the reopen confirmation: what a recomputation would change against the finalized round — who
// would become ineligible or eligible and why, and whose place in the selection list would move. It only
// reads (rounds.reopenPreview); nothing moves until the chair confirms reopening.
import { api } from '../../../api/client';
import type { Placed, ScreeningChange } from '../../../../shared/rounds/reopen-diff';
import { useLocale, useT, type MessageKey, type Params } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/format';
import { useLoad } from '../common/use-load';
import { useProgram } from '../common/program';
import { ruleReason } from '../screening/rule-reason';
import { statusText } from './status';
import './reopen-changes.css';

export function ReopenChanges({ roundId }: { roundId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const preview = useLoad(() => api['rounds.reopenPreview']({ roundId }), [roundId]);
  const { program } = useProgram(preview.data?.programId ?? '');
  if (preview.error) return <p className="field-error" role="alert">{preview.error}</p>;
  if (!preview.data) return <p className="small muted">{t('reopenPreview.loading')}</p>;
  const p = preview.data;
  const rules = program?.rules ?? [];
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const who = (applicationId: string, regionId: string) => `${p.labels.applications[applicationId]?.legalName ?? '—'} · ${p.labels.regions[regionId]?.name ?? '—'}`;
  const verdict = (v: boolean | null) => t(v === null ? 'reopenPreview.absent' : v ? 'reopenPreview.eligible' : 'reopenPreview.ineligible');
  const placed = (x: Placed) => (x.status === 'absent' ? t('reopenPreview.notListed') : statusText((key: MessageKey, params?: Params) => t(key, params), x.status, x.waitlistPosition));
  const why = (c: ScreeningChange) => {
    const lines: string[] = [];
    if (c.after === false && c.failedAfter.length > 0) lines.push(t('reopenPreview.becauseNow', { reasons: c.failedAfter.map((r) => ruleReason(r, rules, locale)).join(sep) }));
    if (c.before === false && c.failedBefore.length > 0) lines.push(t('reopenPreview.becauseThen', { reasons: c.failedBefore.map((r) => ruleReason(r, rules, locale)).join(sep) }));
    if (c.overrideAfter) lines.push(t('reopenPreview.override', { reason: c.overrideAfter.reason }));
    return lines;
  };
  const at = { at: formatDateTime(p.finalizedAt, locale), by: p.finalizedBy };
  if (p.screening.length === 0 && p.selection.length === 0) return <p className="small" data-testid="reopen-changes">{t('reopenPreview.none', at)}</p>;
  return (
    <section className="reopen-changes" data-testid="reopen-changes" aria-label={t('reopenPreview.title')}>
      <p className="small">{t('reopenPreview.intro', at)}</p>
      {!p.screeningStored && <p className="small muted">{t('reopenPreview.notStored')}</p>}
      {p.screening.length > 0 && (
        <>
          <h4>{t('reopenPreview.screening')}</h4>
          <ul className="small">
            {p.screening.map((c) => (
              <li key={`s|${c.applicationId}|${c.regionId}`}>
                <strong>{who(c.applicationId, c.regionId)}</strong>{colon}{t('reopenPreview.change', { before: verdict(c.before), after: verdict(c.after) })}
                {why(c).map((line) => <div key={line} className="muted">{line}</div>)}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.selection.length > 0 && (
        <>
          <h4>{t('reopenPreview.selection')}</h4>
          <ul className="small">
            {p.selection.map((c) => (
              <li key={`p|${c.applicationId}|${c.regionId}`}>
                <strong>{who(c.applicationId, c.regionId)}</strong>{colon}{t('reopenPreview.change', { before: placed(c.before), after: placed(c.after) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
