import type { ErrorCode, ItemEventReason, SourceFailureCode } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import type en from './en.json';
import type vi from './vi.json';

/**
 * Typing the `errors`, `item.eventReason` and `sources.failure` sections as records over the contract's codes makes
 * a code without a translation, in either language, a compile error (test/console/i18n-codes.e2e-spec.ts checks
 * none is empty).
 */
type CodeTexts<T> = T extends {
  errors: Record<ErrorCode, string>;
  item: { eventReason: Record<ItemEventReason, string> };
  sources: { failure: Record<SourceFailureCode, string> };
}
  ? true
  : never;
export const VI_HAS_EVERY_CODE: CodeTexts<typeof vi> = true;
export const EN_HAS_EVERY_CODE: CodeTexts<typeof en> = true;

export interface TranslateErrorCode {
  code(code: ErrorCode, values?: Record<string, unknown>): string;
  /** "The field “…” is not valid", with the field's translated label; null for a field without one. */
  field(field: string): string | null;
}

export function useErrorCodeText(): TranslateErrorCode {
  const { t, i18n } = useTranslation();
  return {
    code: (code, values = {}) => t(`errors.${code}`, values),
    field: (field) => {
      // i18next reads dots as nesting, so nested properties (listing.linkPattern) are keyed with underscores.
      const key = `validation.fields.${field.replace(/\./g, '_')}`;
      if (!i18n.exists(key)) return null;
      return t('validation.field', { field: t(key as 'validation.fields.url') });
    },
  };
}
