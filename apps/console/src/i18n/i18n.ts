import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const DATE_LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const STORAGE_KEY = 'vigil.language';

/** Typing `en` as the Vietnamese shape makes a key missing from en.json a compile error. */
const english: typeof vi = en;

export function toLanguage(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'vi';
}

export function dateLocale(language: string): string {
  return DATE_LOCALES[toLanguage(language)];
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be blocked by browser policy; the switch still works for this visit.
  }
  void i18n.changeLanguage(language);
}

function storedLanguage(): Language {
  try {
    return toLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'vi';
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = toLanguage(language);
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: english } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES,
  initAsync: false,
  // React escapes rendered text itself; escaping here too would show &amp; etc. to users.
  interpolation: { escapeValue: false },
});
