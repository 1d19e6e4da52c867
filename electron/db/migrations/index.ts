import { m001Initial } from './001-initial';
import { m002Rounds } from './002-rounds';
import { m003Cooperations } from './003-cooperations';
import { m004AssessmentReruns } from './004-assessment-reruns';
import { m005Eligibility } from './005-eligibility';
import { m006BanScope } from './006-ban-scope';
import { m007DossierPinyin } from './007-dossier-pinyin';
import { m008LettersOfficial } from './008-letters-official';
import { m009HistoryChain } from './009-history-chain';
import { m010Exchange } from './010-exchange';
import { m012Trust } from './012-trust';
import { m013SentSheetPayload } from './013-sent-sheet-payload';
import { m014DossierIdentityKind } from './014-dossier-identity-kind';
import { m015FinalizerMember } from './015-finalizer-member';
import { m018CacheGenerations } from './018-cache-generations';
import { m019DossierListIndexes } from './019-dossier-list-indexes';
import type { Migration } from './types';

/** All migrations in order. Append only: never edit or reorder a migration that has shipped. */
export const migrations: readonly Migration[] = [
  m001Initial,
  m002Rounds,
  m003Cooperations,
  m004AssessmentReruns,
  m005Eligibility,
  m006BanScope,
  m007DossierPinyin,
  m008LettersOfficial,
  m009HistoryChain,
  m010Exchange,
  m012Trust,
  m013SentSheetPayload,
  m014DossierIdentityKind,
  m015FinalizerMember,
  m018CacheGenerations,
  m019DossierListIndexes,
];
