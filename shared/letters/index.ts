// Public surface of letters (函件). Typical use:
//
//   const pack = parseLetterPack(builtinZhCN);                 // resources/letters/zh-CN.json, imported by the caller
//   const number = formatLetterNumber('评审终字', 2026, seq);    // seq from the letters repository's counter
//   const fields = buildLetterFields({ ...facts, letterNumber: number }, pack.phrases);
//   const check = checkIssuable(template, fields);              // refuses a bad template or any empty field
//   if (check.ok) archive(check.letter, check.text);            // print with <LetterPage letter={check.letter} />
export * from './kinds';
export * from './chinese-date';
export * from './letter-number';
export * from './template';
export * from './fields';
export * from './schema';
export * from './program-settings';
export * from './template-options';
export * from './decisive-failures';
