// changeAppendBatch (the dossier import's history writer, issue 8) against recordChange entry by entry: for
// random entries — quotes, backslashes, newlines, control characters, Chinese, emoji, lone surrogates,
// numbers, null halves — and batch lengths around ENTRY_ROWS, the two write exactly the same change_log rows
// (every column, the hash included, in the same seq order), and the chain verifies.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../support/service-context';
import { ENTRY_ROWS, changeAppendBatch, recordChange, type ChangeEntry } from '../../../electron/services/history/change-log';
import { verifyChain } from '../../../electron/services/history/chain';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }), // lone surrogates included
  fc.constantFrom('', '"', '\\', '\n\t\u0000\u001f', '设备齐全，"良好"', '👍🏽', '\ud800', '</script>'),
);
// Actors and keys are well-formed text (the text rule); a lone surrogate there would be stored as U+FFFD and
// break the chain for recordChange too. Inside before/after JSON escapes it.
const wellFormed = text.filter((t) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t));
const value = fc.record({ sheetId: text, applicationId: text, criterion: text, value: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), comment: text });

/** Every column of every change_log row, in seq order. */
function rows(ctx: TestContext): unknown[] {
  return ctx.db.prepare('SELECT seq, at, actor, entity, entity_id, entity_key, action, before, after, hash FROM change_log ORDER BY seq').all();
}

describe('changeAppendBatch (the dossier import\'s history writer)', () => {
  it('writes the same rows and hashes as recordChange one by one, each entry with its own record and values', async () => {
    const one = await createTestContext();
    const batch = await createTestContext();
    for (const ctx of [one, batch]) recordChange(ctx.db, { at: '2026-11-23T08:00:00.000Z', actor: '王评审', entity: 'round', entityId: null, entityKey: 'r', action: 'create', before: null, after: { name: '第一批' } });
    const lengths = fc.oneof(fc.constantFrom(0, 1, ENTRY_ROWS - 1, ENTRY_ROWS, ENTRY_ROWS + 1, 2 * ENTRY_ROWS + 7), fc.nat(30));
    const item = fc.record({ entityId: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }), entityKey: fc.option(wellFormed, { nil: undefined }), before: fc.option(value, { nil: null }), after: fc.option(value, { nil: null }) });
    await fc.assert(
      fc.asyncProperty(wellFormed, lengths.chain((n) => fc.array(item, { minLength: n, maxLength: n })), async (actor, items) => {
        const at = new Date().toISOString();
        const entries: ChangeEntry[] = items.map((i) => ({ at, actor, entity: 'dossier', entityId: i.entityId, ...(i.entityKey === undefined ? {} : { entityKey: i.entityKey }), action: 'import', before: i.before, after: i.after }));
        one.db.transaction(() => {
          for (const e of entries) recordChange(one.db, e);
        })();
        batch.db.transaction(() => {
          const history = changeAppendBatch(batch.db);
          for (const e of entries) history.append(e);
          history.flush();
        })();
        expect(rows(batch)).toEqual(rows(one));
      }),
      { numRuns: 40 },
    );
    expect(verifyChain(batch.db)).toEqual(verifyChain(one.db));
    expect(verifyChain(batch.db)).toMatchObject({ ok: true });
    one.db.close();
    batch.db.close();
  });
});
