// The run's letters: once confirmed actions call for 整改通知 or 终止合作通知, how many, how many are issued,
// 出具本次考核的全部函件 for the rest, and the print page for those issued.
import { useState } from 'react';
import type { LetterKind } from '../../../shared/letters';
import { navigate } from '../../app/router';
import { useT } from '../../i18n/i18n';
import { KIND_LABEL } from '../letters/labels';
import type { RunRow } from './action-text';
import { lettersOfRun } from './letter-batch';
import { LetterBatchDialog } from './LetterBatchDialog';
import type { RunContext } from './use-run';

export function RunLettersPanel({ context, rows, onIssued }: { context: RunContext; rows: RunRow[]; onIssued: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { planned, pending } = lettersOfRun(context, rows);
  const standing = context.letters.filter((l) => !l.voidedAt);
  if (planned.length === 0 && standing.length === 0) return null;
  const byKind = new Map<LetterKind, number>();
  for (const p of planned) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([kind, count]) => t('run.letters.kindCount', { kind: t(KIND_LABEL[kind]), count })).join('、');

  return (
    <section className="panel run-letters" aria-labelledby="run-letters-title">
      <h2 id="run-letters-title">{t('run.letters.title')}</h2>
      <p>{t('run.letters.summary', { count: planned.length, kinds: kinds || t('common.none'), issued: planned.length - pending.length })}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={pending.length === 0} onClick={() => setOpen(true)}>
          {t('run.letters.issueAll')}
        </button>
        {standing.length > 0 && (
          <button type="button" onClick={() => navigate({ page: 'letters-print', ids: standing.map((l) => l.id) })}>
            {t('run.letters.printIssued', { count: standing.length })}
          </button>
        )}
      </div>
      {open && <LetterBatchDialog context={context} pending={pending} onIssued={onIssued} onClose={() => setOpen(false)} />}
    </section>
  );
}
