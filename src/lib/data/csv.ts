/** A small RFC 4180 CSV parser that keeps each record's line number, so errors can name the row. */

export interface CsvTable {
  header: string[];
  /** Data records; `line` is the 1-based line in the file where the record starts. */
  rows: { line: number; cells: string[] }[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}, line ${line}: ${message}`);
  }
}

/** Parse CSV text. Quoted fields may contain commas, quotes ("") and newlines. */
export function parseCsv(text: string, file = 'input.csv'): CsvTable {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(field);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      cells.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && src[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted)
    throw new CsvSyntaxError(file, recordLine, 'a quoted field is never closed (add the closing ")');
  if (field !== '' || cells.length > 0) endRecord();
  const [head, ...rows] = records;
  if (!head) throw new CsvSyntaxError(file, 1, 'the file is empty (expected a header row)');
  return { header: head.cells.map((h) => h.trim()), rows };
}
