// The letters issued about this cooperation (number, kind, date, voided), each reprintable from its archive,
// and the letter its status calls for: 终止合作通知 once it has ended, 整改通知 while in rectification.
import { useState } from 'react';
import type { Cooperation } from '../../../shared/cooperations/views';
import type { Program } from '../../../shared/rounds/views';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { IssueLetterDialog } from '../letters/IssueLetterDialog';
import { KIND_LABEL } from '../letters/labels';
import { today } from '../rounds/common/form-utils';
import { useLoad } from '../rounds/common/use-load';
import { cooperationLetterFields, type CooperationLetterKind } from './letter-fields';

export function CooperationLetters({ cooperation, program }: { cooperation: Cooperation; program: Program | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const letters = useLoad(() => api['letters.list']({ cooperationId: cooperation.id }), [cooperation.id]);
  const settings = useLoad(() => api['letters.programSettings']({ programId: cooperation.programId }), [cooperation.programId]);
  const [issuing, setIssuing] = useState<CooperationLetterKind | null>(null);
  const ended = cooperation.status === 'terminated' || cooperation.status === 'exited';
  const kind: CooperationLetterKind | null = ended ? 'terminationNotice' : cooperation.status === 'rectification' ? 'rectificationNotice' : null;
  const rows = letters.data ? [...letters.data].reverse() : null;

  return (
    <section className="panel coop-letters" aria-labelledby="coop-letters-title">
      <div className="section-head">
        <h2 id="coop-letters-title">{t('cooperation.letters.title')}</h2>
      </div>
      {kind && (
        <button type="button" className={ended ? 'primary coop-issue' : 'coop-issue'} onClick={() => setIssuing(kind)}>
          {t(kind === 'terminationNotice' ? 'cooperation.letters.issueTermination' : 'cooperation.letters.issueRectification')}
        </button>
      )}
      {letters.error && <p className="banner error" role="alert">{letters.error}</p>}
      {rows?.length === 0 && <p className="hint">{t('cooperation.letters.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul className="coop-letter-list">
          {rows.map((l) => (
            <li key={l.id} className={l.voidedAt ? 'voided' : undefined}>
              <div>
                <span className="mono">{l.number}</span>
                {l.voidedAt ? <span className="tag bad" title={l.voidReason ?? ''}>{t('cooperation.letters.voided')}</span> : null}
              </div>
              <div className="small muted">{t(KIND_LABEL[l.kind])} · {l.fields.letterDate ?? formatDateTime(l.issuedAt, locale)}</div>
              {l.voidedAt && l.voidReason && <div className="small muted">{t('cooperation.letters.voidReason', { reason: l.voidReason })}</div>}
              <button type="button" className="link small" onClick={() => navigate({ page: 'letters-print', ids: [l.id] })}>{t('cooperation.letters.print')}</button>
            </li>
          ))}
        </ul>
      )}
      {issuing && (
        <IssueLetterDialog
          kind={issuing}
          dossierId={cooperation.dossierId}
          cooperationId={cooperation.id}
          initialFields={cooperationLetterFields(issuing, cooperation, program, today(), settings.data?.settings ?? null)}
          programSettings={settings.data?.settings ?? null}
          onClose={() => setIssuing(null)}
          onIssued={() => void letters.reload()}
        />
      )}
    </section>
  );
}
