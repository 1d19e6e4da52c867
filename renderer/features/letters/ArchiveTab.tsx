// 已出具函件: the archive of every letter as issued — number, kind, provider, date, issuer, voided, sha256
// (short; the full hash on hover). 重新打印 opens the archived content (identical to what was issued); 作废
// asks for a reason and keeps the number used; several selected letters print together, one per page.
// An assessment batch can issue thousands of letters over the years: the table is virtualised (VirtualTable).
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import { useEffect, useMemo, useState } from 'react';
import { LETTER_KINDS, type LetterKind } from '../../../shared/letters';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useLocale, useT } from '../../i18n/i18n';
import { toastError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { archiveYears, filterLetters } from './archive-filter';
import { KIND_LABEL } from './labels';
import { VoidLetterDialog } from './VoidLetterDialog';
import { VirtualTable, type VtColumn } from '../../components/lists/VirtualTable';
import { CompanyName } from '../../components/lists/CompanyName';

const SEARCH_DELAY_MS = 250;
/** Printed together, letters come out oldest first, as they are filed. */
const inFilingOrder = (letters: IssuedLetter[]) => [...letters].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.number.localeCompare(b.number));

export function ArchiveTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [letters, setLetters] = useState<IssuedLetter[] | null>(null);
  const [kind, setKind] = useState<LetterKind | ''>('');
  const [year, setYear] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [dossierIds, setDossierIds] = useState<ReadonlySet<number> | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [voiding, setVoiding] = useState<IssuedLetter | null>(null);

  const load = () => void api['letters.list']({}).then((r) => (r.ok ? setLetters(r.value) : toastError(r.error)));
  useEffect(load, []);

  // The provider search goes through the dossier list, which matches names and credit codes as the dossier
  // page does; the letter's own number and printed addressee are matched locally (filterLetters).
  useEffect(() => {
    const q = text.trim();
    if (q === '') return setDossierIds(null);
    const timer = setTimeout(() => {
      void api['dossiers.list']({ search: q, status: 'all', limit: 500 }).then((r) => setDossierIds(new Set(r.ok ? r.value.items.map((d) => d.id) : [])));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const shown = useMemo(() => filterLetters(letters ?? [], { kind, year, text, dossierIds }), [letters, kind, year, text, dossierIds]);
  const years = useMemo(() => archiveYears(letters ?? []), [letters]);
  const chosen = shown.filter((l) => selected.has(l.id));
  const allChosen = shown.length > 0 && chosen.length === shown.length;
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  const columns: VtColumn[] = [
    { key: 'select', header: <input type="checkbox" aria-label={t('letters.archive.selectAll')} checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(shown.map((l) => l.id)))} />, width: '40px' },
    { key: 'number', header: t('letters.field.letterNumber'), width: '15%' },
    { key: 'kind', header: t('letters.archive.kind'), width: '10%' },
    { key: 'provider', header: t('letters.archive.provider') },
    { key: 'date', header: t('letters.field.letterDate'), width: '11%' },
    { key: 'issuer', header: t('letters.archive.issuer'), width: '12%' },
    { key: 'state', header: t('letters.archive.state'), width: '12%' },
    { key: 'sha', header: 'SHA-256', width: '10%' },
    { key: 'actions', header: null, width: '10%' },
  ];

  if (!letters) return <p className="empty">{t('common.loading')}</p>;
  return (
    <div className="letter-archive">
      <div className="toolbar">
        <input className="search" type="search" placeholder={t('letters.archive.search')} aria-label={t('letters.archive.search')} value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label={t('letters.panel.kind')} value={kind} onChange={(e) => setKind(e.target.value as LetterKind | '')}>
          <option value="">{t('letters.archive.allKinds')}</option>
          {LETTER_KINDS.map((k) => <option key={k} value={k}>{t(KIND_LABEL[k])}</option>)}
        </select>
        <select aria-label={t('letters.archive.year')} value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('letters.archive.allYears')}</option>
          {years.map((y) => <option key={y} value={y}>{t('letters.archive.yearOption', { year: y })}</option>)}
        </select>
        <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => navigate({ page: 'letters-print', ids: inFilingOrder(chosen).map((l) => l.id) })}>
          {t('letters.archive.printSelected', { count: chosen.length })}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{letters.length === 0 ? t('letters.archive.empty') : t('letters.archive.noMatch')}</p>
      ) : (
        <VirtualTable
          className="letter-archive-table"
          label={t('lists.table.letters')}
          items={shown}
          columns={columns}
          rowKey={(l) => l.id}
          estimateRowHeight={64}
          renderRow={(l, row) => (
            <tr key={l.id} {...row} className={l.voidedAt ? 'archived' : undefined} data-letter-number={l.number}>
              <td><input type="checkbox" aria-label={t('letters.archive.select', { number: l.number })} checked={selected.has(l.id)} onChange={() => toggle(l.id)} /></td>
              <td className="letter-number">{l.number}{l.integrity === 'mismatch' && <span className="letter-integrity" role="alert" title={t('letters.integrity.mismatch', { number: l.number })}>{t('letters.integrity.badge')}</span>}</td>
              <td>{t(KIND_LABEL[l.kind])}</td>
              <td>
                <button type="button" className="link" onClick={() => navigate({ page: 'dossier', id: l.dossierId })}><CompanyName name={l.fields.addressee ?? ''} /></button>
                <div className="muted small mono">{displayNumberByFormat(l.fields.creditCode ?? '')}</div>
              </td>
              <td>{l.fields.letterDate}</td>
              <td>{l.issuedBy}<div className="muted small">{formatDateTime(l.issuedAt, locale)}</div></td>
              <td>
                {l.voidedAt ? (
                  <span className="tag letter-void-tag" title={l.voidReason ?? ''}>{t('letters.void.tag')}</span>
                ) : (
                  <span className="tag">{t('letters.archive.valid')}</span>
                )}
                {l.voidedAt && <div className="muted small">{l.voidReason}</div>}
                {l.backdateReason && <div className="muted small">{t('letters.archive.backdated', { reason: l.backdateReason })}</div>}
              </td>
              <td className="mono small" title={l.sha256}>{l.sha256.slice(0, 12)}…</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="link" onClick={() => navigate({ page: 'letters-print', ids: [l.id] })}>{t('letters.archive.reprint')}</button>
                  {!l.voidedAt && <button type="button" className="link danger-text" onClick={() => setVoiding(l)}>{t('letters.archive.void')}</button>}
                </div>
              </td>
            </tr>
          )}
        />
      )}
      {voiding && (
        <VoidLetterDialog
          letter={voiding}
          onClose={() => setVoiding(null)}
          onVoided={(v) => {
            setVoiding(null);
            setLetters((list) => list?.map((x) => (x.id === v.id ? v : x)) ?? null);
          }}
        />
      )}
    </div>
  );
}
