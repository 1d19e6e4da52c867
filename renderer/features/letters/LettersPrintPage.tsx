// #/letters/print/<id,id,…>: issued letters as archived — the RenderedLetter stored when each was issued,
// never re-rendered from today's template — one per A4 sheet. 打印 opens the system print dialog (after the
// letter font has loaded), where both Electron and browsers offer 另存为 PDF. A voided letter prints with a
// 作废 watermark. The document title names the letters, so a saved PDF is named after them.
import { useEffect, useState } from 'react';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { KIND_LABEL } from './labels';
import { LetterPage } from './LetterPage';
import { printLetters, useLetterPrintMode } from './print';
import './letters.css';

export function LettersPrintPage({ ids }: { ids: string[] }) {
  const t = useT();
  useLetterPrintMode();
  const [letters, setLetters] = useState<IssuedLetter[] | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const key = ids.join(',');

  useEffect(() => {
    let live = true;
    void Promise.all(ids.map((id) => api['letters.get']({ id }))).then((results) => {
      if (!live) return;
      setLetters(results.flatMap((r) => (r.ok ? [r.value] : [])));
      setErrors(results.flatMap((r) => (r.ok ? [] : [errorText(r.error)])));
    });
    return () => void (live = false);
  }, [key]);

  useEffect(() => {
    if (!letters?.length) return;
    const previous = document.title;
    const first = letters[0]!;
    document.title = letters.length === 1 ? `${first.number} ${t(KIND_LABEL[first.kind])} ${first.fields.addressee ?? ''}`.trim() : t('letters.print.batchTitle', { first: first.number, count: letters.length });
    return () => void (document.title = previous);
  }, [letters]);

  const back = () => (window.history.length > 1 ? window.history.back() : navigate({ page: 'letters' }));
  const voided = letters?.filter((l) => l.voidedAt) ?? [];

  return (
    <div className="letter-print">
      <div className="letter-toolbar">
        <button type="button" onClick={back}>{t('common.back')}</button>
        <button type="button" className="primary" disabled={!letters?.length} onClick={() => void printLetters()}>{t('letters.print.print')}</button>
        <span className="muted small">{letters ? t('letters.print.count', { count: letters.length }) : t('common.loading')} {t('letters.print.pdfHint')}</span>
      </div>
      {(errors.length > 0 || voided.length > 0) && (
        <div className="letter-print-notes">
          {errors.map((e, i) => <p key={i} className="banner error" role="alert">{e}</p>)}
          {voided.map((l) => <p key={l.id} className="banner">{t('letters.print.voidedNote', { number: l.number, reason: l.voidReason ?? '' })}</p>)}
        </div>
      )}
      {letters && (
        <div className="letter-batch">
          {letters.map((l, i) => <LetterPage key={l.id} letter={l.content} sheet={i} watermark={l.voidedAt ? t('letters.void.watermark') : undefined} />)}
        </div>
      )}
    </div>
  );
}
