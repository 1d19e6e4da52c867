// Per-program letter settings (项目函件设置, shared/letters/program-settings.ts): the texts a program's letters
// cite and state, stored when the chair edits them; otherwise the defaults of the platform rules the program
// follows (resources/letters/program-rules.zh-CN.json). A stored setting that no longer parses (written by a
// later version, or damaged) falls back to the defaults rather than failing every letter of the program.
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import presetsFile from '../../../resources/letters/program-rules.zh-CN.json';
import { defaultLetterRulePreset, parseLetterRulePresets, programLetterSettingsSchema, type LetterRulePreset, type ProgramLetterSettings } from '../../../shared/letters/program-settings';
import type { ProgramLetterSettingsView } from '../../../shared/cooperations/views';
import { LETTER_ENTITY } from './letter-service';

export const LETTER_RULE_PRESETS_BUILT_IN = parseLetterRulePresets(presetsFile);

interface ProgramRow {
  platform: string;
  name: string;
  kpi_rules: string | null;
}

function kpiKindOf(kpiRules: string | null): 'periodic' | 'monthlyWarning' | null {
  try {
    const kind = kpiRules ? (JSON.parse(kpiRules) as { kind?: unknown }).kind : null;
    return kind === 'periodic' || kind === 'monthlyWarning' ? kind : null;
  } catch {
    return null;
  }
}

export function getProgramLetterSettings(ctx: ServiceContext, programId: string): ProgramLetterSettingsView {
  const program = ctx.db.prepare('SELECT platform, name, kpi_rules FROM programs WHERE id = ?').get(programId) as ProgramRow | undefined;
  if (!program) throw new AppError('NOT_FOUND', zh('error.notFound'));
  const preset: LetterRulePreset = defaultLetterRulePreset({ platform: program.platform, name: program.name, kpiKind: kpiKindOf(program.kpi_rules) });
  const defaults = LETTER_RULE_PRESETS_BUILT_IN.settings[preset];
  const row = ctx.db.prepare('SELECT settings, updated_at, updated_by FROM program_letter_settings WHERE program_id = ?').get(programId) as { settings: string; updated_at: string; updated_by: string } | undefined;
  let stored: ProgramLetterSettings | null = null;
  if (row) {
    try {
      const parsed = programLetterSettingsSchema.safeParse(JSON.parse(row.settings));
      stored = parsed.success ? parsed.data : null;
    } catch {
      stored = null;
    }
  }
  return {
    programId,
    settings: stored ?? defaults,
    defaultPreset: preset,
    presets: LETTER_RULE_PRESETS_BUILT_IN.settings,
    presetNames: LETTER_RULE_PRESETS_BUILT_IN.names,
    custom: stored !== null,
    updatedAt: stored ? row!.updated_at : null,
    updatedBy: stored ? row!.updated_by : null,
  };
}

/** Stores the chair's settings for a program; null goes back to the defaults of its platform rules. */
export function saveProgramLetterSettings(ctx: ServiceContext, programId: string, settings: ProgramLetterSettings | null): ProgramLetterSettingsView {
  write(ctx, (w) => {
    const before = getProgramLetterSettings(ctx, programId);
    if (settings === null) ctx.db.prepare('DELETE FROM program_letter_settings WHERE program_id = ?').run(programId);
    else
      ctx.db
        .prepare('INSERT INTO program_letter_settings (program_id, settings, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (program_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
        .run(programId, JSON.stringify(settings), w.at, w.actor);
    w.log({ entity: LETTER_ENTITY, entityId: null, entityKey: `program-settings:${programId}`, action: 'update', before: before.custom ? before.settings : null, after: settings });
  });
  return getProgramLetterSettings(ctx, programId);
}
