// 合作与考核 (issue 4): per program, the KPI rule set in force, the cooperations its finalized rounds became,
// and the way to create them. Everything below the program picker belongs to the chosen program.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useLoad } from '../rounds/common/use-load';
import { CooperationsTable } from './CooperationsTable';
import { CreateFromRoundDialog } from './CreateFromRoundDialog';
import { KpiRulesPanel } from './KpiRulesPanel';
import './cooperations.css';

// The chosen program is kept for the session: back from a cooperation lands on the same program.
let rememberedProgram = '';

export function CooperationsPage() {
  const t = useT();
  const { data: programs, error } = useLoad(() => api['programs.list']({}), []);
  const [programId, setProgramId] = useState(rememberedProgram);
  const [creating, setCreating] = useState(false);
  const [editingRules, setEditingRules] = useState(false);

  useEffect(() => {
    if (!programs?.length) return;
    if (!programs.some((p) => p.id === programId)) setProgramId(programs[programs.length - 1]!.id);
  }, [programs]);
  useEffect(() => void (rememberedProgram = programId), [programId]);

  const program = programs?.find((p) => p.id === programId) ?? null;
  // Both loads carry the program they are for, so a program switch never shows the previous one's data.
  const rules = useLoad(async () => {
    if (!programId) return { ok: true as const, value: null };
    const r = await api['programs.kpiRules']({ programId });
    return r.ok ? { ok: true as const, value: { programId, rules: r.value } } : r;
  }, [programId]);
  const list = useLoad(async () => {
    if (!programId) return { ok: true as const, value: null };
    const r = await api['cooperations.list']({ programId });
    return r.ok ? { ok: true as const, value: { programId, items: r.value } } : r;
  }, [programId]);
  const loadError = error ?? rules.error ?? list.error;
  const ruleSet = rules.data?.programId === programId ? rules.data.rules : undefined;
  const items = list.data?.programId === programId ? list.data.items : undefined;

  return (
    <section className="page coop-page">
      <div className="page-header">
        <h1>{t('cooperations.title')}</h1>
        <div className="actions">
          {programs && programs.length > 0 && (
            <label className="coop-program-picker">
              <span>{t('cooperations.program')}</span>
              <select value={programId} onChange={(e) => (setProgramId(e.target.value), setEditingRules(false))}>
                {programs.map((p) => <option key={p.id} value={p.id}>{p.platform} · {p.name}</option>)}
              </select>
            </label>
          )}
          <button type="button" className="primary" disabled={!program} onClick={() => setCreating(true)}>{t('cooperations.create.open')}</button>
        </div>
      </div>
      {loadError && <p className="banner error" role="alert">{loadError}</p>}
      {!programs ? (
        !error && <p className="empty">{t('common.loading')}</p>
      ) : programs.length === 0 ? (
        <div className="empty">
          <p>{t('cooperations.noPrograms')}</p>
          <a href="#/rounds">{t('cooperations.toRounds')}</a>
        </div>
      ) : program && ruleSet !== undefined && items ? (
        <>
          <KpiRulesPanel program={program} rules={ruleSet} cooperationCount={items.length} editing={editingRules} setEditing={setEditingRules} onSaved={rules.reload} />
          <h2 className="coop-list-title">{t('cooperations.listTitle', { count: items.length })}</h2>
          {items.length === 0 ? (
            <div className="empty">
              <p>{t('cooperations.empty')}</p>
              <button type="button" className="primary" onClick={() => setCreating(true)}>{t('cooperations.create.open')}</button>
            </div>
          ) : (
            <CooperationsTable items={items} />
          )}
        </>
      ) : (
        !loadError && <p className="empty">{t('common.loading')}</p>
      )}
      {creating && program && ruleSet !== undefined && (
        <CreateFromRoundDialog
          program={program}
          rules={ruleSet}
          onClose={() => setCreating(false)}
          onCreated={list.reload}
          onSetRules={() => (setCreating(false), setEditingRules(true))}
        />
      )}
    </section>
  );
}
