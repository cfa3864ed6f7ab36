/**
 * Walking SQLite b-trees read-only: rows of a table b-tree in rowid order, one row by rowid, and the entries of an
 * index b-tree in key order from a start key (forwards or backwards). Rows are returned lazily: the part of the
 * payload on the leaf page is at hand, the overflow is read only when asked, so filtering rows by a small leading
 * column never touches the pages of large blobs.
 */
import type { SqlitePager } from './SqlitePager'
import {
  SqliteFormatError,
  decodeRecord,
  localPayloadBytes,
  readVarint,
  recordPrefixBytes,
  type SqliteValue,
} from './sqliteFormat'

const TABLE_INTERIOR = 5
const TABLE_LEAF = 13
const INDEX_INTERIOR = 2
const INDEX_LEAF = 10
/** Deeper trees than this mean a pointer cycle in a corrupt file (a real 64 KiB-page tree of 2^63 rows is ~10 deep). */
const MAX_DEPTH = 40

/** A row (or index entry) whose payload may continue on overflow pages. */
export class LazyRecord {
  constructor(
    private readonly pager: SqlitePager,
    readonly rowid: number,
    private readonly local: Uint8Array,
    readonly payloadBytes: number,
    private readonly overflowPage: number,
  ) {}

  /** The first `columnCount` columns, reading overflow only when they do not fit the local part. */
  async columns(columnCount?: number): Promise<SqliteValue[]> {
    const enc = this.pager.header.textEncoding
    if (columnCount !== undefined && this.local.length < this.payloadBytes) {
      const needed = recordPrefixBytes(this.local, columnCount)
      if (needed <= this.local.length) return decodeRecord(this.local, enc, columnCount)
    }
    return decodeRecord(await this.payload(), enc, columnCount)
  }

  /** The whole payload. */
  async payload(): Promise<Uint8Array> {
    if (this.local.length >= this.payloadBytes) return this.local
    const rest = await this.pager.readOverflow(
      this.overflowPage,
      this.payloadBytes - this.local.length,
    )
    const all = new Uint8Array(this.payloadBytes)
    all.set(this.local)
    all.set(rest, this.local.length)
    return all
  }
}

interface PageView {
  bytes: Uint8Array
  type: number
  cellOffsets: number[]
  rightChild: number
}

async function readPage(pager: SqlitePager, pageNo: number): Promise<PageView> {
  const bytes = await pager.page(pageNo)
  const start = pageNo === 1 ? 100 : 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const type = bytes[start]
  if (![TABLE_INTERIOR, TABLE_LEAF, INDEX_INTERIOR, INDEX_LEAF].includes(type))
    throw new SqliteFormatError(`page ${pageNo} is not a b-tree page (type ${type})`)
  const interior = type === TABLE_INTERIOR || type === INDEX_INTERIOR
  const cellCount = view.getUint16(start + 3)
  const headerBytes = interior ? 12 : 8
  if (start + headerBytes + 2 * cellCount > pager.header.usableBytes)
    throw new SqliteFormatError(`page ${pageNo} claims more cells than fit`)
  const cellOffsets: number[] = []
  for (let i = 0; i < cellCount; i++) {
    const offset = view.getUint16(start + headerBytes + 2 * i)
    if (offset < start + headerBytes || offset >= pager.header.usableBytes)
      throw new SqliteFormatError(`page ${pageNo} has a cell pointer outside the page`)
    cellOffsets.push(offset)
  }
  return { bytes, type, cellOffsets, rightChild: interior ? view.getUint32(start + 8) : 0 }
}

/** The payload part of a cell at `at`: payload size, optional rowid, local bytes and first overflow page. */
function payloadCell(
  pager: SqlitePager,
  page: PageView,
  at: number,
  withRowid: boolean,
): LazyRecord {
  const size = readVarint(page.bytes, at)
  let cursor = at + size.length
  let rowid = 0
  if (withRowid) {
    const r = readVarint(page.bytes, cursor)
    rowid = r.value
    cursor += r.length
  }
  const table = page.type === TABLE_LEAF
  const localBytes = localPayloadBytes(size.value, pager.header.usableBytes, table)
  const end = cursor + localBytes
  if (end + (localBytes < size.value ? 4 : 0) > pager.header.usableBytes)
    throw new SqliteFormatError('a cell runs past its page')
  const overflow =
    localBytes < size.value
      ? new DataView(page.bytes.buffer, page.bytes.byteOffset + end, 4).getUint32(0)
      : 0
  return new LazyRecord(pager, rowid, page.bytes.subarray(cursor, end), size.value, overflow)
}

function childPointer(page: PageView, at: number): number {
  return new DataView(page.bytes.buffer, page.bytes.byteOffset + at, 4).getUint32(0)
}

/** Every row of the table b-tree rooted at `rootPage`, in rowid order. */
export async function* tableRows(
  pager: SqlitePager,
  rootPage: number,
  depth = 0,
): AsyncGenerator<LazyRecord, void, void> {
  if (depth > MAX_DEPTH)
    throw new SqliteFormatError('a b-tree is deeper than possible (a pointer cycle)')
  const page = await readPage(pager, rootPage)
  if (page.type === TABLE_LEAF) {
    for (const at of page.cellOffsets) yield payloadCell(pager, page, at, true)
    return
  }
  if (page.type !== TABLE_INTERIOR)
    throw new SqliteFormatError(`page ${rootPage} is not a table page`)
  for (const at of page.cellOffsets) yield* tableRows(pager, childPointer(page, at), depth + 1)
  yield* tableRows(pager, page.rightChild, depth + 1)
}

/** The row with this rowid, or undefined. */
export async function tableRow(
  pager: SqlitePager,
  rootPage: number,
  rowid: number,
): Promise<LazyRecord | undefined> {
  let pageNo = rootPage
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const page = await readPage(pager, pageNo)
    if (page.type === TABLE_LEAF) {
      for (const at of page.cellOffsets) {
        const cell = payloadCell(pager, page, at, true)
        if (cell.rowid === rowid) return cell
      }
      return undefined
    }
    if (page.type !== TABLE_INTERIOR)
      throw new SqliteFormatError(`page ${pageNo} is not a table page`)
    // Interior cells: (left child, key); the left child holds rowids ≤ key.
    pageNo = page.rightChild
    for (const at of page.cellOffsets) {
      const key = readVarint(page.bytes, at + 4).value
      if (rowid <= key) {
        pageNo = childPointer(page, at)
        break
      }
    }
  }
  throw new SqliteFormatError('a b-tree is deeper than possible (a pointer cycle)')
}

/** Orders two index keys (decoded leading columns). */
export type KeyCompare = (a: SqliteValue[], b: SqliteValue[]) => number

/**
 * Entries of the index b-tree at `rootPage` in key order (or reverse), starting at the first key ≥ `from`
 * (≤ `from` in reverse). Interior cells are entries too, visited between their children.
 */
export async function* indexEntries(
  pager: SqlitePager,
  rootPage: number,
  compare: KeyCompare,
  options: { from?: SqliteValue[]; reverse?: boolean },
  depth = 0,
): AsyncGenerator<SqliteValue[], void, void> {
  if (depth > MAX_DEPTH)
    throw new SqliteFormatError('a b-tree is deeper than possible (a pointer cycle)')
  const page = await readPage(pager, rootPage)
  const interior = page.type === INDEX_INTERIOR
  if (!interior && page.type !== INDEX_LEAF)
    throw new SqliteFormatError(`page ${rootPage} is not an index page`)
  const entries: { child: number; key: SqliteValue[] }[] = []
  for (const at of page.cellOffsets) {
    const record = payloadCell(pager, page, interior ? at + 4 : at, false)
    entries.push({ child: interior ? childPointer(page, at) : 0, key: await record.columns() })
  }
  const from = options.from
  // Forward: a key is wanted when ≥ from; reverse: when ≤ from.
  const wanted = (key: SqliteValue[]) =>
    from === undefined || (options.reverse ? compare(key, from) <= 0 : compare(key, from) >= 0)
  const descend = (child: number) => indexEntries(pager, child, compare, options, depth + 1)
  if (!options.reverse) {
    for (const { child, key } of entries) {
      // The left child holds keys < key: none is wanted when key itself is not.
      if (interior && wanted(key)) yield* descend(child)
      if (wanted(key)) yield key
    }
    if (interior) yield* descend(page.rightChild)
    return
  }
  const last = entries.at(-1)?.key
  // Reverse: the right child holds keys ≥ the last key, so it is skipped when even that key is past `from`.
  if (interior && (last === undefined || wanted(last))) yield* descend(page.rightChild)
  for (let i = entries.length - 1; i >= 0; i--) {
    if (wanted(entries[i].key)) yield entries[i].key
    // The left child holds keys between the previous key and this one (ties included: keys compare on a prefix).
    const previous = entries[i - 1]?.key
    if (interior && (previous === undefined || wanted(previous))) yield* descend(entries[i].child)
  }
}
