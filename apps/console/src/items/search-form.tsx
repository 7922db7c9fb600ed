import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchFormProps {
  initialQuery: string;
  onSearch: (query: string) => void;
}

export function SearchForm({ initialQuery, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(initialQuery);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(query.trim());
  }

  return (
    <form role="search" className="search-form" onSubmit={handleSubmit}>
      <label htmlFor="item-search" className="visually-hidden">
        {t('items.searchLabel')}
      </label>
      <input
        id="item-search"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('items.searchPlaceholder')}
        data-testid="search-input"
      />
      <button type="submit" className="primary" data-testid="search-submit">
        {t('items.searchSubmit')}
      </button>
    </form>
  );
}
