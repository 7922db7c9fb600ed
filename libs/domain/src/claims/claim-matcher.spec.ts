import { ClaimGlossary, confirmedNamePairs } from './claim-glossary';
import { ClaimMatcher } from './claim-matcher';
import { DEFAULT_GLOSSARY } from './default-glossary';
import { suggestOwnerTeams } from './owner-teams';
import { PlaceFinder } from './place-names';
import { claimTokens } from './claim-tokens';

const glossary = new ClaimGlossary(DEFAULT_GLOSSARY);
const matcher = new ClaimMatcher(glossary);
const cases = [
  { id: 'vaccine-da-nang', source: 'case' as const, text: 'Bộ Y tế bác bỏ tin thiếu vắc-xin tại Đà Nẵng, 1.000 liều đã được chuyển đến ngày 12/3' },
  { id: 'vaccine-hue', source: 'case' as const, text: 'Bộ Y tế bác bỏ tin thiếu vắc-xin tại Huế, 4.000 liều đã được chuyển đến' },
  { id: 'flood-thanh-hoa', source: 'case' as const, text: '35 người tử vong vì lũ lụt ở Thanh Hóa' },
];

describe('ClaimMatcher', () => {
  const index = matcher.index(cases);

  it('matches a claim typed without diacritics to the accented case, explaining the score by its parts', () => {
    const [best] = matcher.suggest(index, 'Bo Y te bac bo tin thieu vac xin tai Da Nang, 1000 lieu da chuyen den ngay 12 thang 3');
    expect(best).toMatchObject({ id: 'vaccine-da-nang', source: 'case', shared: { numbers: ['1000'], dates: ['12/3'], places: ['Đà Nẵng'] } });
    expect(best!.parts.text).toBeGreaterThan(0);
    expect(best!.parts.numbers).toBe(2);
    expect(best!.parts.dates).toBe(2);
    expect(best!.score).toBeCloseTo(best!.parts.text + best!.parts.glossary + best!.parts.numbers + best!.parts.dates + best!.parts.places, 2);
  });

  it('matches an English claim to the Vietnamese case through the glossary, numbers and places', () => {
    const suggestions = matcher.suggest(index, 'Ministry of Health denied a vaccine shortage in Danang; 1,000 doses were delivered');
    expect(suggestions[0]!.id).toBe('vaccine-da-nang');
    expect(suggestions[0]!.parts.glossary).toBeGreaterThan(0);
    expect(suggestions[0]!.shared.concepts).toEqual(expect.arrayContaining(['ministry of health', 'vaccination', 'shortage']));
    expect(suggestions.map((suggestion) => suggestion.id)).not.toContain('flood-thanh-hoa');
  });

  it('joins Vietnamese synonyms through their shared English term', () => {
    const [best] = matcher.suggest(index, 'Ngập lụt ở Thanh Hoá khiến 35 người thiệt mạng');
    expect(best).toMatchObject({ id: 'flood-thanh-hoa', shared: { numbers: ['35'], places: ['Thanh Hóa'] } });
    expect(best!.shared.concepts).toEqual(expect.arrayContaining(['flood', 'deaths']));
  });

  it('leaves out excluded cases and claims that share nothing', () => {
    expect(matcher.suggest(index, 'Bộ Y tế bác bỏ tin thiếu vắc-xin tại Đà Nẵng', { exclude: new Set(['vaccine-da-nang']) })[0]!.id).toBe('vaccine-hue');
    expect(matcher.suggest(index, 'Lễ hội hoa xuân khai mạc')).toEqual([]);
  });

  it('counts a former province as the same area as the province it merged into', () => {
    const quangNam = matcher.index([{ id: 'landslide', source: 'case', text: 'Sạt lở ở Quảng Nam, 20 hộ dân sơ tán' }]);
    const [best] = matcher.suggest(quangNam, 'Sạt lở ở Đà Nẵng, 20 hộ dân sơ tán');
    expect(best!.parts.places).toBe(1);
  });
});

describe('PlaceFinder', () => {
  it('finds places folded, by alias, longest first', () => {
    const finder = new PlaceFinder();
    const found = finder.find(claimTokens('Tin từ thanh hoa, Ho Chi Minh City và Bà Rịa - Vũng Tàu').folded);
    expect(found.map((place) => place.name)).toEqual(['Thanh Hóa', 'Thành phố Hồ Chí Minh', 'Bà Rịa - Vũng Tàu']);
  });
});

describe('confirmedNamePairs', () => {
  it('pairs an English name with the marked Vietnamese name it spells', () => {
    const pairs = confirmedNamePairs('Songda reservoir release floods Lai Chau villages, officials say', 'Hồ Sông Đà xả lũ làm ngập nhiều bản ở Lai Châu', glossary);
    expect(pairs).toEqual(expect.arrayContaining([{ vi: 'Sông Đà', en: 'Songda', kind: 'name' }, { vi: 'Lai Châu', en: 'Lai Chau', kind: 'name' }]));
  });

  it('teaches nothing from two claims in one language', () => {
    expect(confirmedNamePairs('Lũ ở Lai Châu', 'Ngập ở Lai Châu', glossary)).toEqual([]);
  });
});

describe('suggestOwnerTeams', () => {
  it('suggests the teams whose places the texts mention, most mentions first', () => {
    const teams = [
      { teamId: 'north', places: ['Lào Cai', 'Yên Bái'] },
      { teamId: 'central', places: ['Huế', 'Đà Nẵng'] },
    ];
    expect(suggestOwnerTeams(['Lu quet o Lao Cai', 'Yên Bái và Lào Cai mất điện'], teams)).toEqual([{ teamId: 'north', places: ['Lào Cai', 'Yên Bái'], mentions: 3 }]);
  });
});
