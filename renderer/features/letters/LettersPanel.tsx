// The letters issued to one provider, on its record (issue 4: every issued letter is listed there): number,
// kind, date, voided; 重新打印 opens the archived letter. "为此机构出具函件" opens the issue dialog with the
// fields its record already knows.
import { useCallback, useEffect, useState } from 'react';
import { LETTER_KINDS, type LetterKind } from '../../../shared/letters';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { toastError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { dossierLetterStart, type DossierLetterStart } from './dossier-letter-fields';
import { IssueLetterDialog } from './IssueLetterDialog';
import { KIND_LABEL } from './labels';

export function LettersPanel({ dossierId }: { dossierId: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [letters, setLetters] = useState<IssuedLetter[] | null>(null);
  const [kind, setKind] = useState<LetterKind>('terminationNotice');
  const [issuing, setIssuing] = useState<(DossierLetterStart & { kind: LetterKind }) | null>(null);
  const [opening, setOpening] = useState(false);

  const load = useCallback(async () => {
    const r = await api['letters.list']({ dossierId });
    if (r.ok) setLetters([...r.value].reverse());
    else toastError(r.error);
  }, [dossierId]);
  useEffect(() => void load(), [load]);

  async function open() {
    setOpening(true);
    const start = await dossierLetterStart(dossierId, kind);
    setOpening(false);
    setIssuing({ ...start, kind });
  }

  return (
    <section className="panel letters-panel" data-testid="letters-panel">
      <h2>{t('letters.panel.title')}</h2>
      {letters?.length === 0 && <p className="muted">{t('letters.panel.empty')}</p>}
      <ul className="letters-panel-list">
        {letters?.map((l) => (
          <li key={l.id} className={l.voidedAt ? 'voided' : undefined}>
            <div>
              <span className="letter-number">{l.number}</span>
              {l.voidedAt && <span className="tag letter-void-tag" title={l.voidReason ?? ''}>{t('letters.void.tag')}</span>}
              {l.integrity === 'mismatch' && <span className="letter-integrity" role="alert" title={t('letters.integrity.mismatch', { number: l.number })}>{t('letters.integrity.badge')}</span>}
            </div>
            <div className="muted small">{t(KIND_LABEL[l.kind])} · {l.fields.letterDate ?? formatDateTime(l.issuedAt, locale)}</div>
            <button type="button" className="link small" onClick={() => navigate({ page: 'letters-print', ids: [l.id] })}>{t('letters.archive.reprint')}</button>
          </li>
        ))}
      </ul>
      <div className="letters-panel-issue">
        <select aria-label={t('letters.panel.kind')} value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
          {LETTER_KINDS.map((k) => <option key={k} value={k}>{t(KIND_LABEL[k])}</option>)}
        </select>
        <button type="button" disabled={opening} onClick={() => void open()}>{t('letters.panel.issue')}</button>
      </div>
      {issuing && (
        <IssueLetterDialog
          kind={issuing.kind}
          dossierId={dossierId}
          cooperationId={issuing.cooperationId}
          initialFields={issuing.fields}
          programSettings={issuing.programSettings}
          onClose={() => setIssuing(null)}
          onIssued={() => void load()}
        />
      )}
    </section>
  );
}
