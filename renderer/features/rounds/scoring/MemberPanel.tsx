// Who is at the keyboard (当前评分委员) and how far every member has got. Members take turns on one laptop:
// choosing another member closes the open sheet; "交还" closes it without opening another.
import type { Member } from '../../../../shared/rounds/views';
import { useT } from '../../../i18n/i18n';

interface Props {
  members: Member[];
  currentId: string | null;
  onChoose: (memberId: string | null) => void;
}

export function MemberPanel({ members, currentId, onChoose }: Props) {
  const t = useT();
  return (
    <div className="panel member-panel">
      <div className="member-picker">
        <label htmlFor="current-member">{t('scoring.member.current')}</label>
        <select id="current-member" value={currentId ?? ''} onChange={(e) => onChoose(e.target.value || null)}>
          <option value="">{t('scoring.member.choose')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.role === 'chair' ? `（${t('scoring.member.chair')}）` : ''}
            </option>
          ))}
        </select>
        {currentId && (
          <button type="button" onClick={() => onChoose(null)}>
            {t('scoring.member.handOver')}
          </button>
        )}
        <span className="muted small">{t('scoring.member.hint')}</span>
      </div>
      <ul className="member-progress" aria-label={t('scoring.progress.title')}>
        {members.map((m) => {
          const percent = m.required > 0 ? Math.round((m.filled / m.required) * 100) : 0;
          return (
            <li key={m.id} className={m.id === currentId ? 'current' : undefined} data-member={m.name}>
              <span className="member-name">
                {m.name}
                {m.role === 'chair' && <span className="tag">{t('scoring.member.chair')}</span>}
              </span>
              <span className="mini-track" role="progressbar" aria-label={t('scoring.progress.of', { name: m.name })} aria-valuemin={0} aria-valuemax={m.required} aria-valuenow={m.filled}>
                <span className={m.submittedAt ? 'mini-fill done' : 'mini-fill'} style={{ width: `${percent}%` }} />
              </span>
              <span className="member-count num">{t('scoring.progress.count', { filled: m.filled, required: m.required })}</span>
              {m.submittedAt ? <span className="tag tag-ok">{t('scoring.progress.submitted')}</span> : <span className="tag">{t('scoring.progress.open')}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
