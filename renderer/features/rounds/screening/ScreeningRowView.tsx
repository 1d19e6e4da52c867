// One application × region of the screening table: the verdict, the failed rules in words (all rules on
// request), and the chair's override with who decided it, when and why.
import { useState } from 'react';
import type { Rule } from '../../../../shared/eligibility/rules';
import type { ScreeningRow } from '../../../../shared/rounds/views';
import { useLocale, useT } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/format';
import { ruleReason } from './rule-reason';
import type { RowProps } from '../../../components/lists/VirtualTable';
import { CompanyName } from '../../../components/lists/CompanyName';

interface Props {
  row: ScreeningRow;
  /** The virtual table's placement and measuring props for the <tr>. */
  rowProps: RowProps;
  applicant: string;
  sameApplicantAsAbove: boolean;
  region: string;
  rules: readonly Rule[];
  readOnly: boolean;
  onOverride: (remove: boolean) => void;
  /** Accept (true) or withdraw (false) the committee's acceptance of the 主体优势说明. */
  onStatement: (accept: boolean) => void;
}

export function ScreeningRowView({ row, rowProps, applicant, sameApplicantAsAbove, region, rules, readOnly, onOverride, onStatement }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [open, setOpen] = useState(false);
  const notPassed = row.results.filter((r) => r.outcome !== 'pass');
  const listed = open ? row.results : notPassed;
  const o = row.override;
  // The statement matters only where the registration years fall short (a statement alone is not a pass).
  const years = row.results.find((r) => r.kind === 'minYearsRegistered');
  const statement = years?.kind === 'minYearsRegistered' && (years.outcome !== 'pass' || years.byStatement) ? years.statement : 'none';
  return (
    <tr {...rowProps} className={row.eligible ? '' : 'failed'}>
      <td className={sameApplicantAsAbove ? 'repeat' : ''}><CompanyName name={applicant} /></td>
      <td>{region}</td>
      <td>
        <span className={row.eligible ? 'tag ok' : 'tag bad'}>{t(row.eligible ? 'screening.eligible' : 'screening.ineligible')}</span>
        {o && <div className="small muted">{t(row.rulesEligible ? 'screening.byRulesEligible' : 'screening.byRulesIneligible')}</div>}
      </td>
      <td>
        {listed.length === 0 ? (
          <span className="muted">{t('screening.allPassed', { count: row.results.length })}</span>
        ) : (
          <ul className="reason-list">
            {listed.map((r) => (
              <li key={r.kind} className={r.outcome}>{ruleReason(r, rules, locale)}</li>
            ))}
          </ul>
        )}
        {row.results.length > notPassed.length && (
          <button type="button" className="link small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('screening.showFailedOnly') : t('screening.showAll', { count: row.results.length })}
          </button>
        )}
      </td>
      <td className="override-cell">
        {o ? (
          <>
            <div><strong>{t(o.eligible ? 'screening.overriddenEligible' : 'screening.overriddenIneligible')}</strong></div>
            <div className="small">{t('screening.overrideReason', { reason: o.reason })}</div>
            <div className="small muted">{t('screening.overrideBy', { name: o.decidedBy, at: formatDateTime(o.decidedAt, locale) })}</div>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      {!readOnly && (
        <td className="row-actions">
          <button type="button" className="link" onClick={() => onOverride(false)}>{t(o ? 'screening.changeOverride' : 'screening.override')}</button>
          {o && <button type="button" className="link danger-text" onClick={() => onOverride(true)}>{t('screening.removeOverride')}</button>}
          {statement === 'awaiting' && <button type="button" className="link" onClick={() => onStatement(true)}>{t('screening.statement.accept')}</button>}
          {statement === 'accepted' && <button type="button" className="link danger-text" onClick={() => onStatement(false)}>{t('screening.statement.withdraw')}</button>}
        </td>
      )}
    </tr>
  );
}
