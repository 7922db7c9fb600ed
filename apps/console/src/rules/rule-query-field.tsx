import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RuleSyntaxHelp } from './rule-syntax-help';

/** Where the API said the query stops parsing (0-based offset) and what it said, already translated. */
export interface QuerySyntaxProblem {
  position: number;
  message: string;
}

interface RuleQueryFieldProps {
  value: string;
  onChange: (query: string) => void;
  problem: QuerySyntaxProblem | null;
}

/** Characters shown either side of the caret: enough context without scrolling sideways. */
const CONTEXT = 40;

/** The line of the query holding `position`, cropped around it, and the caret's column in what is shown. */
function caretLine(query: string, position: number): { line: string; column: number } {
  const at = Math.min(Math.max(0, position), query.length);
  const lineStart = query.lastIndexOf('\n', at - 1) + 1;
  const newline = query.indexOf('\n', at);
  const lineEnd = newline === -1 ? query.length : newline;
  let from = lineStart;
  let to = lineEnd;
  let lead = '';
  let tail = '';
  if (at - from > CONTEXT) {
    from = at - CONTEXT;
    lead = '…';
  }
  if (to - at > CONTEXT) {
    to = at + CONTEXT;
    tail = '…';
  }
  // A tab would be drawn wider than the one column the caret line gives it.
  const line = `${lead}${query.slice(from, to).replace(/\t/g, ' ')}${tail}`;
  return { line, column: lead.length + at - from };
}

export function RuleQueryField({ value, onChange, problem }: RuleQueryFieldProps) {
  const { t } = useTranslation();
  const textarea = useRef<HTMLTextAreaElement>(null);

  // Put the cursor on the problem, so fixing it starts where it is (the text stays as typed).
  useEffect(() => {
    const element = textarea.current;
    if (!problem || !element) return;
    const start = Math.min(problem.position, element.value.length);
    element.focus();
    element.setSelectionRange(start, Math.min(start + 1, element.value.length));
  }, [problem]);

  const caret = problem ? caretLine(value, problem.position) : null;
  return (
    <div className="field rule-query-field">
      <label htmlFor="rule-query">
        <span>{t('rules.fields.query')}</span>
      </label>
      <textarea
        id="rule-query"
        ref={textarea}
        className="rule-query-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={4}
        required
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'rule-query-error' : undefined}
        data-testid="rule-query"
      />
      {problem && caret && (
        <div id="rule-query-error" className="rule-query-error" role="alert" data-testid="rule-query-error" data-position={problem.position}>
          <p>{problem.message}</p>
          <pre className="rule-query-caret" aria-hidden="true" data-testid="rule-query-caret">
            {caret.line}
            {'\n'}
            {' '.repeat(caret.column)}^
          </pre>
        </div>
      )}
      <RuleSyntaxHelp />
    </div>
  );
}
