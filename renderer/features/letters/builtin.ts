// The built-in zh-CN templates and phrases (resources/letters/zh-CN.json), parsed and checked once. The
// backend imports the same file when it seeds or resets templates, so both sides start from one text.
import pack from '../../../resources/letters/zh-CN.json';
import rulePresets from '../../../resources/letters/program-rules.zh-CN.json';
import { parseLetterPack, parseLetterRulePresets, type LetterPack, type LetterRulePresets } from '../../../shared/letters';

export const builtinLetters: LetterPack = parseLetterPack(pack);

/** The per-platform default texts of the program letter settings (resources/letters/program-rules.zh-CN.json). */
export const builtinRulePresets: LetterRulePresets = parseLetterRulePresets(rulePresets);
