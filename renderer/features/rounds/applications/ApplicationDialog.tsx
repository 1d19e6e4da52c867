// 添加申请 / 编辑申请: first the applicant (a dossier), then the application's details. After
// "保存并添加下一个" the dialog starts over at the search, ready for the next applicant.
import { displayIdentityNumber } from '../../../../shared/dossiers/identity';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { DossierSummary } from '../../../../shared/dossiers/schema';
import { shopFactsSchema } from '../../../../shared/eligibility/rules';
import type { Application, Region } from '../../../../shared/rounds/views';
import { Modal } from '../../../components/Modal';
import { toast } from '../../../app/toasts';
import { useLocale, useT } from '../../../i18n/i18n';
import { toastError } from '../../../lib/errors';
import { formatDay, formatWan, formatYuan } from '../../../lib/format';
import { DossierPicker } from './DossierPicker';
import { ApplicationForm, type ApplicationFormValues } from './ApplicationForm';

interface Picked {
  id: number;
  legalName: string;
  creditCode: string;
  city: string;
  facts: string | null;
  quote: number | null;
}

interface Props {
  roundId: string;
  regions: readonly Region[];
  shopRules: boolean;
  /** The program lets a 主体优势说明 stand in for the registration years. */
  statementRule: boolean;
  /** null: a new application. */
  application: Application | null;
  onSaved: () => Promise<void>;
  onClose: () => void;
}

export function ApplicationDialog({ roundId, regions, shopRules, statementRule, application, onSaved, onClose }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [picked, setPicked] = useState<Picked | null>(application && { id: application.dossierId, legalName: application.legalName, creditCode: displayIdentityNumber(application.identityKind ?? 'organization', application.creditCode), city: application.city, facts: null, quote: null });
  // The dossiers already in the round (the picker marks them): read when the dialog opens, not kept by the
  // tab, which holds only the rows in view (a 20,000-application round).
  const [applied, setApplied] = useState(() => new Set<number>());
  useEffect(() => {
    let live = true;
    void api['applications.dossierIds']({ roundId }).then((r) => live && r.ok && setApplied((s) => new Set([...s, ...r.value])));
    return () => void (live = false);
  }, [roundId]);
  const [generation, setGeneration] = useState(0);

  async function pick(d: DossierSummary) {
    const result = await api['dossiers.get']({ id: d.id });
    if (!result.ok) return toastError(result.error);
    const dossier = result.value.dossier;
    const facts = [
      t('dossier.fact.capital', { value: formatWan(dossier.registeredCapitalWan, locale) }),
      t('dossier.fact.established', { value: formatDay(dossier.establishedOn, locale) }),
      t('dossier.fact.deposit', { value: formatYuan(dossier.depositPaidYuan, locale) }),
    ].join(' · ');
    setPicked({ id: d.id, legalName: d.legalName, creditCode: d.creditCode, city: `${d.province} ${d.city}`.trim(), facts, quote: dossier.priceQuoteYuan });
  }

  const initial: ApplicationFormValues = application
    ? { priceQuoteYuan: application.priceQuoteYuan, strengthStatement: application.strengthStatement, shopFacts: { ...application.shopFacts }, regionIds: [...application.regionIds] }
    : { priceQuoteYuan: picked?.quote ?? null, strengthStatement: '', shopFacts: shopFactsSchema.parse({}), regionIds: regions.length === 1 ? [regions[0]!.id] : [] };

  return (
    <Modal title={application ? t('applications.dialog.editTitle') : t('applications.dialog.addTitle')} onCancel={onClose}>
      <div className="dialog-wide">
        {!picked ? (
          <DossierPicker key={generation} applied={applied} onPick={(d) => void pick(d)} />
        ) : (
          <>
            <div className="picked">
              <div>
                <strong>{picked.legalName}</strong> <span className="mono small">{picked.creditCode}</span> <span className="small muted">{picked.city}</span>
                {picked.facts && <div className="small muted">{picked.facts}</div>}
              </div>
              {!application && <button type="button" className="link" onClick={() => setPicked(null)}>{t('applications.dialog.change')}</button>}
            </div>
            <ApplicationForm
              key={`${picked.id}-${generation}`}
              regions={regions}
              initial={initial}
              dossierQuote={picked.quote}
              shopRules={shopRules}
              statementRule={statementRule}
              isNew={!application}
              onCancel={onClose}
              onSubmit={async (data, again) => {
                const result = application
                  ? await api['applications.update']({ id: application.id, data })
                  : await api['applications.add']({ roundId, data: { ...data, dossierId: picked.id } });
                if (!result.ok) return result.error;
                toast('success', t(application ? 'applications.saved' : 'applications.added', { name: picked.legalName }));
                await onSaved();
                if (!again) onClose();
                else {
                  setApplied((s) => new Set([...s, picked.id]));
                  setPicked(null);
                  setGeneration((g) => g + 1);
                }
                return null;
              }}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
