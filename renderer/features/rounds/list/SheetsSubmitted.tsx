// The round list's committee cell (issue 11): "评分表 5/7 已提交", and — opened with a click or Enter, since a
// tooltip alone is out of reach of the keyboard — each member with ✓ (submitted) or — (not yet), in the
// committee's order. From rounds.list's per-member sheet states; no score cell is read for it.
import { useT } from '../../../i18n/i18n';
import './sheets-submitted.css';
import type { RoundSummary } from '../../../../shared/rounds/views';

export function SheetsSubmitted({ sheets }: { sheets: RoundSummary['sheets'] }) {
  const t = useT();
  if (sheets.length === 0) return <span className="muted">{t('rounds.sheets.noMembers')}</span>;
  const submitted = sheets.filter((s) => s.submitted).length;
  const all = submitted === sheets.length;
  const names = sheets.map((s) => `${s.submitted ? '✓' : '—'} ${s.name}`).join('\n');
  return (
    <details className="sheets-submitted" data-testid="sheets-submitted">
      <summary title={names} className={all ? 'status-ok' : undefined}>{t('rounds.sheets.summary', { submitted, total: sheets.length })}</summary>
      <ul>
        {sheets.map((s) => (
          <li key={s.memberId} className={s.submitted ? 'submitted' : 'pending'}>
            <span aria-hidden="true" className={s.submitted ? "mark status-ok" : "mark muted"}>{s.submitted ? '✓' : '—'}</span>
            <span>{s.name}</span>
            {s.role === 'chair' && <span className="tag chair">{t('committee.role.chair')}</span>}
            <span className="sheet-state">{t(s.submitted ? 'rounds.sheets.submitted' : 'rounds.sheets.pending')}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
