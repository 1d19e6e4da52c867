// #/letters/print/<id,id,…>: issued letters as archived — the RenderedLetter stored when each was issued,
// never re-rendered from today's template — one per A4 sheet. 打印 opens the system print dialog (after the
// letter font has loaded), where both Electron and browsers offer 另存为 PDF. A voided letter prints with a
// 作废 watermark; a letter whose archived content fails its sha256 check is not shown, a red warning names it. The document title names the letters, so a saved PDF is named after them.
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
  // A letter whose archived content no longer matches its sha256 is named in red and left out: an altered
  // letter is never printed as if it were the one issued.
  const altered = letters?.filter((l) => l.integrity === 'mismatch') ?? [];
  const printable = letters?.filter((l) => l.integrity !== 'mismatch') ?? null;

  return (
    <div className="letter-print">
      <div className="letter-toolbar">
        <button type="button" onClick={back}>{t('common.back')}</button>
        <button type="button" className="primary" disabled={!printable?.length} onClick={() => void printLetters()}>{t('letters.print.print')}</button>
        <span className="muted small">{printable ? t('letters.print.count', { count: printable.length }) : t('common.loading')} {t('letters.print.pdfHint')}</span>
      </div>
      {(errors.length > 0 || voided.length > 0 || altered.length > 0) && (
        <div className="letter-print-notes">
          {errors.map((e, i) => <p key={i} className="banner error" role="alert">{e}</p>)}
          {altered.map((l) => <p key={l.id} className="banner error" role="alert" data-integrity="mismatch">{t('letters.integrity.mismatch', { number: l.number })}</p>)}
          {voided.map((l) => <p key={l.id} className="banner">{t('letters.print.voidedNote', { number: l.number, reason: l.voidReason ?? '' })}</p>)}
        </div>
      )}
      {printable && (
        <div className="letter-batch">
          {printable.map((l, i) => <LetterPage key={l.id} letter={l.content} sheet={i} watermark={l.voidedAt ? t('letters.void.watermark') : undefined} />)}
        </div>
      )}
    </div>
  );
}
