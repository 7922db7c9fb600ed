import { useTranslation } from 'react-i18next';

/** Queries are the same in both interface languages; only what they mean is translated. */
const EXAMPLES = [
  { query: '"cắt nước" AND (hà nội OR "hà đông")', key: 'andOr' },
  { query: 'vắc xin vô sinh NOT "bác bỏ"', key: 'not' },
  { query: '"tin đồn" NEAR/5 "sáp nhập"', key: 'near' },
  { query: 'sạt* lở', key: 'prefix' },
  { query: '=vỡ đê', key: 'exact' },
  { query: '"tap water" AND (contaminated OR poisoned) lang:en', key: 'english' },
  { query: 'flood* tag:mien-trung', key: 'filters' },
] as const;

/** A short, collapsed reminder of the rule language beside the query field. */
export function RuleSyntaxHelp() {
  const { t } = useTranslation();
  return (
    <details className="advanced rule-syntax-help" data-testid="rule-syntax-help">
      <summary>{t('rules.help.title')}</summary>
      <p>{t('rules.help.intro')}</p>
      <dl className="rule-examples">
        {EXAMPLES.map((example) => (
          <div key={example.key}>
            <dt>
              <code>{example.query}</code>
            </dt>
            <dd>{t(`rules.help.examples.${example.key}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
