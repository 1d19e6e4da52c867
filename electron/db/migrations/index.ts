import { m001Initial } from './001-initial';
import { m002Rounds } from './002-rounds';
import { m003Cooperations } from './003-cooperations';
import { m008LettersOfficial } from './008-letters-official';
import type { Migration } from './types';

/** All migrations in order. Append only: never edit or reorder a migration that has shipped. */
export const migrations: readonly Migration[] = [m001Initial, m002Rounds, m003Cooperations, m008LettersOfficial];
