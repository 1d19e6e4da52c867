import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { DossierForm, EMPTY_DOSSIER } from './DossierForm';

export function NewDossierPage() {
  const t = useT();
  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('dossier.new.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => navigate({ page: 'dossiers' })}>{t('common.back')}</button>
        </div>
      </div>
      <DossierForm
        initial={EMPTY_DOSSIER}
        submitLabel={t('common.save')}
        onSubmit={async (data) => {
          const result = await api['dossiers.create'](data);
          if (!result.ok) {
            toast('error', errorText(result.error));
            return result.error;
          }
          toast('success', t('dossier.created', { name: result.value.legalName }));
          // The form is clean after a successful save, so this navigation is not guarded.
          setTimeout(() => navigate({ page: 'dossier', id: result.value.id }));
          return null;
        }}
      />
    </section>
  );
}
