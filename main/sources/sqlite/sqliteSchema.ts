/**
 * The schema table (sqlite_master, the table b-tree on page 1) and the column names of a CREATE TABLE statement —
 * what is needed to find a table's root page and which record column holds which field.
 */
import type { SqlitePager } from './SqlitePager'
import { tableRows } from './sqliteBtree'

export interface SchemaEntry {
  type: string
  name: string
  tableName: string
  rootPage: number
  sql: string
}

/** Every table and index of the database. */
export async function readSchema(pager: SqlitePager): Promise<SchemaEntry[]> {
  const entries: SchemaEntry[] = []
  for await (const row of tableRows(pager, 1)) {
    const [type, name, tableName, rootPage, sql] = await row.columns(5)
    entries.push({
      type: String(type),
      name: String(name),
      tableName: String(tableName),
      rootPage: typeof rootPage === 'bigint' ? Number(rootPage) : 0,
      sql: typeof sql === 'string' ? sql : '',
    })
  }
  return entries
}

/**
 * Column names of `CREATE TABLE name(col type …, …, CONSTRAINT …)` in record order. Table constraints (PRIMARY KEY
 * (…), UNIQUE, CHECK, FOREIGN KEY, CONSTRAINT) are not columns.
 */
export function columnNames(createSql: string): string[] {
  const open = createSql.indexOf('(')
  const close = createSql.lastIndexOf(')')
  if (open < 0 || close <= open) return []
  const body = createSql.slice(open + 1, close)
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of body) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^(constraint|primary|unique|check|foreign)\b/i.test(p))
    .map(identifier)
}

/** The leading identifier of a column definition: "quoted name", `quoted`, [quoted] or a bare word. */
function identifier(definition: string): string {
  const close = { '"': '"', '`': '`', '[': ']' }[definition[0]]
  if (close === undefined) return definition.split(/\s/)[0]
  const end = definition.indexOf(close, 1)
  return definition.slice(1, end < 0 ? undefined : end)
}

/** True when `column` of the CREATE TABLE is `INTEGER PRIMARY KEY` (stored as NULL, the value is the rowid). */
export function isRowidAlias(createSql: string, column: string): boolean {
  return new RegExp(`\\b${column}\\s+integer\\s+primary\\s+key\\b`, 'i').test(createSql)
}
