/**
 * The streaming SQLite reader against SQLite itself (sql.js): seeded random tables (every storage class, payloads
 * from empty to several pages, so overflow chains of every length) read back row for row, an index walked in key
 * order from a start key both ways, and the format's varints and local-payload rule on hand-worked values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import initSqlJs from 'sql.js'
import { SqlitePager } from '../../../main/sources/sqlite/SqlitePager'
import { indexEntries, tableRows } from '../../../main/sources/sqlite/sqliteBtree'
import { readSchema, columnNames } from '../../../main/sources/sqlite/sqliteSchema'
import { localPayloadBytes, readVarint } from '../../../main/sources/sqlite/sqliteFormat'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spatial-lens-sqlite-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Park–Miller minimal standard generator: deterministic and independent of the code under test. */
function seeded(seed: number): () => number {
  let s = seed
  return () => (s = (s * 48271) % 2147483647) / 2147483647
}

type Cell = null | number | string | Uint8Array
function randomCell(rand: () => number): Cell {
  const kind = Math.floor(rand() * 5)
  if (kind === 0) return null
  if (kind === 1) return Math.floor((rand() - 0.5) * 2 ** Math.floor(rand() * 52)) // ints of every width
  if (kind === 2) return (rand() - 0.5) * 1e6
  const length = Math.floor(rand() ** 3 * 20_000) // mostly small, some spanning many pages
  if (kind === 3) return 'é'.repeat(length % 3000) + String(length)
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(rand() * 256)
  return bytes
}

const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v)

describe('tables read back as SQLite wrote them', () => {
  for (const [seed, pageSize] of [
    [1, 512],
    [2, 1024],
    [3, 4096],
    [4, 65536],
  ]) {
    it(`seed ${seed}, ${pageSize}-byte pages`, async () => {
      const rand = seeded(seed)
      const SQL = await initSqlJs()
      const db = new SQL.Database()
      db.run(`PRAGMA page_size = ${pageSize}`)
      db.run('CREATE TABLE t(id INTEGER PRIMARY KEY, a, b, "c d" BLOB, e TEXT)')
      const rows: Cell[][] = []
      for (let i = 0; i < 300; i++) {
        const row = [randomCell(rand), randomCell(rand), randomCell(rand), randomCell(rand)]
        rows.push(row)
        db.run('INSERT INTO t(a, b, "c d", e) VALUES (?, ?, ?, ?)', row)
      }
      // Deleting and re-inserting leaves free pages and non-consecutive chains behind.
      db.run('DELETE FROM t WHERE id % 7 = 0')
      const expected = db.exec('SELECT id, a, b, "c d", e FROM t ORDER BY id')[0].values
      const path = join(dir, `t${seed}.db`)
      writeFileSync(path, db.export())
      db.close()
      const pager = await SqlitePager.open(path, 8)
      const table = (await readSchema(pager)).find((e) => e.name === 't')!
      expect(columnNames(table.sql)).toEqual(['id', 'a', 'b', 'c d', 'e'])
      const got: unknown[][] = []
      for await (const row of tableRows(pager, table.rootPage)) {
        const values = await row.columns()
        got.push([row.rowid, ...values.slice(1).map(plain)])
      }
      await pager.close()
      expect(got.length).toBe(expected.length)
      for (let i = 0; i < got.length; i++) {
        expect(got[i][0]).toBe(expected[i][0])
        for (let c = 1; c < 5; c++) {
          const want = expected[i][c]
          if (want instanceof Uint8Array)
            expect(Buffer.from(got[i][c] as Uint8Array).equals(Buffer.from(want))).toBe(true)
          else if (typeof want === 'number' && !Number.isInteger(want))
            expect(got[i][c]).toBeCloseTo(want, 9)
          else expect(got[i][c]).toEqual(want)
        }
      }
    })
  }
})

describe('index walks', () => {
  it('visit keys in order from a start key, forwards and backwards, interior keys included', async () => {
    const rand = seeded(42)
    const SQL = await initSqlJs()
    const db = new SQL.Database()
    db.run('PRAGMA page_size = 512') // small pages: a deep index with many interior keys
    db.run('CREATE TABLE m(id INTEGER PRIMARY KEY, k INTEGER, pad BLOB)')
    db.run('CREATE INDEX k_idx ON m(k)')
    for (let i = 0; i < 2000; i++)
      db.run('INSERT INTO m(k, pad) VALUES (?, ?)', [Math.floor(rand() * 500), new Uint8Array(20)])
    const all = db
      .exec('SELECT k, id FROM m ORDER BY k, id')[0]
      .values.map(([k, id]) => [k, id] as [number, number])
    const path = join(dir, 'idx.db')
    writeFileSync(path, db.export())
    db.close()
    const pager = await SqlitePager.open(path, 4)
    const index = (await readSchema(pager)).find((e) => e.name === 'k_idx')!
    const compare = (a: unknown[], b: unknown[]) => Number(a[0]) - Number(b[0])
    const walk = async (from: number | undefined, reverse: boolean) => {
      const out: [number, number][] = []
      for await (const key of indexEntries(pager, index.rootPage, compare, {
        from: from === undefined ? undefined : [BigInt(from)],
        reverse,
      }))
        out.push([Number(key[0]), Number(key[1])])
      return out
    }
    expect(await walk(undefined, false)).toEqual(all)
    expect(await walk(undefined, true)).toEqual([...all].reverse())
    for (const from of [0, 1, 137, 250, 499, 600]) {
      expect(await walk(from, false)).toEqual(all.filter(([k]) => k >= from))
      expect(await walk(from, true)).toEqual([...all].reverse().filter(([k]) => k <= from))
    }
    await pager.close()
  })
})

describe('format rules on hand-worked values', () => {
  it('varints (sqlite.org/fileformat2.html §1.6)', () => {
    expect(readVarint(Uint8Array.of(0x7f), 0)).toEqual({ value: 127, length: 1 })
    expect(readVarint(Uint8Array.of(0x81, 0x00), 0)).toEqual({ value: 128, length: 2 })
    expect(readVarint(Uint8Array.of(0x82, 0x80, 0x01), 0)).toEqual({
      value: 2 * 16384 + 1,
      length: 3,
    })
    // Nine bytes: the last contributes all 8 bits.
    const nine = Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x81, 0x01)
    expect(readVarint(nine, 0)).toEqual({ value: 2 ** 8 + 1, length: 9 })
    expect(() => readVarint(Uint8Array.of(0x81), 0)).toThrow(/runs past/)
  })

  it('local payload: table leaf keeps up to U−35 bytes, then M + (P−M) mod (U−4) or M', () => {
    // U = 4096: X = 4061, M = floor(4084·32/255) − 23 = 489.
    expect(localPayloadBytes(4061, 4096, true)).toBe(4061)
    expect(localPayloadBytes(4062, 4096, true)).toBe(489) // K = 4062 > X
    expect(localPayloadBytes(489 + 4092 * 3 + 10, 4096, true)).toBe(499)
    expect(localPayloadBytes(489 + 4092 + 4000, 4096, true)).toBe(489) // K = 4489 > X
    // Index pages spill above X = floor(4084·64/255) − 23 = 1002.
    expect(localPayloadBytes(1002, 4096, false)).toBe(1002)
    expect(localPayloadBytes(1003, 4096, false)).toBe(489) // K = 1003 > X
    expect(localPayloadBytes(489 + 4092 + 100, 4096, false)).toBe(589)
  })
})
