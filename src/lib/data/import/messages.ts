/** Import problems and notices as text in the UI language (the same words the fixture test checks). */
import type { Issue, Notice, Question } from './types';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function formatIssue(file: string, i: Issue, t: Translate): string {
  const at =
    i.row > 0 ? t('import.at.row', { file, row: i.row, column: i.column }) : t('import.at.file', { file });
  const params: Record<string, string | number> = { value: i.value, ...(i.params ?? {}) };
  if (typeof params.order === 'string' && params.order) params.order = t(`import.reading.${params.order}`);
  return `${at}: ${t(`import.issue.${i.code}`, params)}`;
}

export function formatNotice(n: Notice, t: Translate): string {
  const p: Record<string, string | number> = { ...n.params };
  if (n.code === 'encoding') p.bom = n.params.bom ? t('import.notice.bom') : '';
  if (n.code === 'delimiter') p.delimiter = t(`import.delim.${n.params.delimiter}`);
  if (n.code === 'decimalFound' || n.code === 'dateOrderFound')
    p.reading = t(`import.reading.${n.params.reading}`);
  if (n.code === 'duplicateColumn') p.role = t(`import.role.${n.params.role}`);
  return t(`import.notice.${n.code}`, p);
}

export function formatQuestion(q: Question, t: Translate): string {
  const examples = q.examples.map((e) => e.value).join('; ');
  return t(`import.q.${q.kind}${q.conflict ? 'Conflict' : ''}`, { column: q.column, examples });
}
