import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  pageCount: number;
  onChange: (page: number) => void;
}

export function Pagination({ page, pageCount, onChange }: PaginationProps) {
  const { t } = useTranslation();
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" onClick={() => onChange(page - 1)} disabled={page <= 1} data-testid="pagination-previous">
        {t('pagination.previous')}
      </button>
      <span>{t('pagination.status', { page, pages: pageCount })}</span>
      <button type="button" onClick={() => onChange(page + 1)} disabled={page >= pageCount} data-testid="pagination-next">
        {t('pagination.next')}
      </button>
    </nav>
  );
}
