// matchServiceCity keeps its answers per (city, province, service city, scope) so a 20,000-application
// screening resolves each place once (issue 8): the kept answer equals a fresh one, a caller that changes
// the answer it got cannot change the next caller's, and the scope is part of the key.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMatch, matchServiceCity } from '../../../shared/eligibility/same-city';

const PLACES = ['义乌市', '义乌', '金华市', '金华', '杭州市', '朝阳区', '吉林', '延边', '深圳市', '', '不存在市', '浙江省金华市义乌市'];
const PROVINCES = [undefined, '浙江省', '北京市', '吉林省', '广东省'];

describe('the kept same-city answers', () => {
  it('equal a fresh computation, asked twice in any order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACES), fc.constantFrom(...PROVINCES), fc.constantFrom(...PLACES), fc.constantFrom('within' as const, 'prefecture' as const), (city, province, region, scope) => {
        const fresh = computeMatch({ city, province }, region, scope);
        expect(matchServiceCity({ city, province }, region, scope)).toEqual(fresh);
        expect(matchServiceCity({ city, province }, region, scope)).toEqual(fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('hands out copies, and keeps the scope apart', () => {
    const first = matchServiceCity({ city: '金华市', province: '浙江省' }, '义乌市', 'within');
    first.entityPath.push('改动');
    first.same = true;
    expect(matchServiceCity({ city: '金华市', province: '浙江省' }, '义乌市', 'within')).toEqual(computeMatch({ city: '金华市', province: '浙江省' }, '义乌市', 'within'));
    expect(matchServiceCity({ city: '金华市', province: '浙江省' }, '义乌市', 'within').same).toBe(false);
    expect(matchServiceCity({ city: '金华市', province: '浙江省' }, '义乌市', 'prefecture').same).toBe(true);
  });
});
