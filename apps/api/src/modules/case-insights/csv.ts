/**
 * CSV as spreadsheets open it safely: every cell quoted (quotes doubled), and a cell a spreadsheet would read as a
 * formula (starting with = + - @, or a tab or carriage return that hides one) prefixed with an apostrophe — the
 * OWASP CSV-injection defence. Rows end with CRLF (RFC 4180); the BOM makes Excel read UTF-8 Vietnamese correctly.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '""';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
