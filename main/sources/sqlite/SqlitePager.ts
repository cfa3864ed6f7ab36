/**
 * Read-only page access to a SQLite file through a file handle: b-tree pages come from a small LRU cache, overflow
 * chains are read in runs of consecutive pages. Nothing reads the whole file, so a multi-GB rosbag2 .db3 opens with
 * memory bounded by the cache (`cachePages` × page size) plus the one payload being read.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { SqliteFormatError, parseHeader, type SqliteHeader } from './sqliteFormat'

/** Pages read in one go when an overflow chain runs through consecutive pages (as freshly written files do). */
const OVERFLOW_RUN_PAGES = 64

export class SqlitePager {
  private readonly cache = new Map<number, Uint8Array>()

  private constructor(
    private readonly handle: FileHandle,
    readonly header: SqliteHeader,
    readonly pageCount: number,
    private readonly cachePages: number,
  ) {}

  /** Opens `path`; throws SqliteFormatError when it is not a SQLite database. */
  static async open(path: string, cachePages = 512): Promise<SqlitePager> {
    const handle = await open(path, 'r')
    try {
      const head = new Uint8Array(100)
      const { bytesRead } = await handle.read(head, 0, 100, 0)
      const header = parseHeader(head.subarray(0, bytesRead))
      const size = (await handle.stat()).size
      if (size % header.pageSizeBytes !== 0)
        throw new SqliteFormatError(
          `its size (${size} bytes) is not a whole number of ${header.pageSizeBytes}-byte pages (truncated?)`,
        )
      return new SqlitePager(handle, header, size / header.pageSizeBytes, cachePages)
    } catch (error) {
      await handle.close()
      throw error
    }
  }

  /** Page `pageNo` (1-based), cached. */
  async page(pageNo: number): Promise<Uint8Array> {
    const hit = this.cache.get(pageNo)
    if (hit) {
      this.cache.delete(pageNo) // re-insert: Map order is the LRU order
      this.cache.set(pageNo, hit)
      return hit
    }
    const bytes = await this.readPages(pageNo, 1)
    this.cache.set(pageNo, bytes)
    if (this.cache.size > this.cachePages) this.cache.delete(this.cache.keys().next().value!)
    return bytes
  }

  /**
   * `totalBytes` of payload continuing on the overflow chain that starts at `firstPage` (each page: 4-byte next
   * page number, then usable − 4 content bytes). A chain that loops, leaves the file or ends early throws.
   */
  async readOverflow(firstPage: number, totalBytes: number): Promise<Uint8Array> {
    const out = new Uint8Array(totalBytes)
    const perPage = this.header.usableBytes - 4
    let written = 0
    let pageNo = firstPage
    // A chain holds at most totalBytes / (usable − 4) pages, so the set of pages seen stays that small.
    const visited = new Set<number>()
    while (written < totalBytes) {
      const pagesLeft = Math.ceil((totalBytes - written) / perPage)
      const run = await this.readPages(pageNo, Math.min(pagesLeft, OVERFLOW_RUN_PAGES))
      const size = this.header.pageSizeBytes
      for (let i = 0; i * size < run.length && written < totalBytes; i++) {
        if (visited.has(pageNo)) throw new SqliteFormatError('an overflow chain loops')
        visited.add(pageNo)
        const page = run.subarray(i * size, (i + 1) * size)
        const next = new DataView(page.buffer, page.byteOffset, 4).getUint32(0)
        const take = Math.min(perPage, totalBytes - written)
        out.set(page.subarray(4, 4 + take), written)
        written += take
        if (written < totalBytes && next === 0)
          throw new SqliteFormatError('an overflow chain ends early')
        if (next !== pageNo + 1 || written >= totalBytes) {
          pageNo = next
          break // the chain jumps: read from its next page
        }
        pageNo = next
      }
    }
    return out
  }

  async close(): Promise<void> {
    this.cache.clear()
    await this.handle.close()
  }

  /** `count` consecutive pages from `pageNo`, clipped at the end of the file. */
  private async readPages(pageNo: number, count: number): Promise<Uint8Array> {
    if (!Number.isInteger(pageNo) || pageNo < 1 || pageNo > this.pageCount)
      throw new SqliteFormatError(
        `a page pointer (${pageNo}) lies outside the ${this.pageCount}-page file`,
      )
    const pages = Math.min(count, this.pageCount - pageNo + 1)
    const size = this.header.pageSizeBytes
    const bytes = new Uint8Array(pages * size)
    let done = 0
    while (done < bytes.length) {
      const { bytesRead } = await this.handle.read(
        bytes,
        done,
        bytes.length - done,
        (pageNo - 1) * size + done,
      )
      if (bytesRead === 0) throw new SqliteFormatError('the file ended inside a page (truncated?)')
      done += bytesRead
    }
    return bytes
  }
}
