import { readFileSync } from 'node:fs';
import { ERROR_CODES, ITEM_EVENT_REASONS, SOURCE_FAILURE_CODES } from '@vigil/contracts';

// The console's unit specs are not in a Jest project of their own, so this reads its translation files directly.
interface Translations {
  errors: Record<string, unknown>;
  item: { eventReason: Record<string, unknown> };
  sources: { failure: Record<string, unknown> };
}

function translations(language: 'vi' | 'en'): Translations {
  return JSON.parse(readFileSync(new URL(`../../apps/console/src/i18n/${language}.json`, import.meta.url), 'utf8'));
}

describe.each(['vi', 'en'] as const)('console translations (%s)', (language) => {
  const texts = translations(language);

  it.each(ERROR_CODES.map((code) => [code]))('word error code %s', (code) => {
    expect(texts.errors[code]).toEqual(expect.stringMatching(/\S/));
  });

  it.each(ITEM_EVENT_REASONS.map((reason) => [reason]))('word item event reason %s', (reason) => {
    expect(texts.item.eventReason[reason]).toEqual(expect.stringMatching(/\S/));
  });

  it.each(SOURCE_FAILURE_CODES.map((code) => [code]))('word source failure %s', (code) => {
    expect(texts.sources.failure[code]).toEqual(expect.stringMatching(/\S/));
  });

  it('translate no code the API does not have', () => {
    expect(Object.keys(texts.errors).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(texts.sources.failure).sort()).toEqual([...SOURCE_FAILURE_CODES].sort());
  });
});

it('words every code differently in Vietnamese than in English, so no English slips into the Vietnamese console', () => {
  const vi = translations('vi');
  const en = translations('en');
  const same = ERROR_CODES.filter((code) => vi.errors[code] === en.errors[code]);
  expect(same).toEqual([]);
  const sameFailures = SOURCE_FAILURE_CODES.filter((code) => vi.sources.failure[code] === en.sources.failure[code]);
  expect(sameFailures).toEqual([]);
});
