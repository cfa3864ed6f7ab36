/**
 * The pieces of SQLite's file format (https://www.sqlite.org/fileformat2.html) a read-only reader needs: the
 * database header, varints, how much of a cell's payload sits on its page, and the record format.
 * Pure functions over bytes; every bound is checked so a corrupt file throws SqliteFormatError, never reads past
 * a buffer or loops.
 */

export class SqliteFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SqliteFormatError'
  }
}

export const SQLITE_MAGIC = 'SQLite format 3\u0000'

export interface SqliteHeader {
  pageSizeBytes: number
  /** Usable bytes per page (page size minus the reserved tail). */
  usableBytes: number
  /** True when the file is in WAL mode (recent writes may live in the -wal file beside it). */
  walMode: boolean
  textEncoding: 'utf-8' | 'utf-16le' | 'utf-16be'
}

/** Parses the 100-byte database header. */
export function parseHeader(head: Uint8Array): SqliteHeader {
  if (head.length < 100) throw new SqliteFormatError('the file is shorter than a SQLite header')
  const magic = new TextDecoder('latin1').decode(head.subarray(0, 16))
  if (magic !== SQLITE_MAGIC)
    throw new SqliteFormatError('it does not start with "SQLite format 3"')
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  const raw = view.getUint16(16)
  const pageSizeBytes = raw === 1 ? 65536 : raw
  if (pageSizeBytes < 512 || pageSizeBytes > 65536 || (pageSizeBytes & (pageSizeBytes - 1)) !== 0)
    throw new SqliteFormatError(`the header's page size ${raw} is not a power of two in 512…65536`)
  const usableBytes = pageSizeBytes - head[20]
  if (usableBytes < 480) throw new SqliteFormatError('the header reserves too much of each page')
  const encoding = view.getUint32(56)
  const textEncoding = encoding === 2 ? 'utf-16le' : encoding === 3 ? 'utf-16be' : 'utf-8'
  return { pageSizeBytes, usableBytes, walMode: head[18] === 2 || head[19] === 2, textEncoding }
}

/** A varint at `offset`: its value (≤ 2^53, larger ones are refused) and its length in bytes. */
export function readVarint(bytes: Uint8Array, offset: number): { value: number; length: number } {
  let value = 0
  for (let i = 0; i < 9; i++) {
    if (offset + i >= bytes.length) throw new SqliteFormatError('a varint runs past its cell')
    const b = bytes[offset + i]
    if (i === 8) {
      value = value * 256 + b
      return { value: checkedSafe(value), length: 9 }
    }
    value = value * 128 + (b & 0x7f)
    if ((b & 0x80) === 0) return { value: checkedSafe(value), length: i + 1 }
  }
  throw new SqliteFormatError('unreachable varint state')
}

function checkedSafe(value: number): number {
  if (!Number.isSafeInteger(value))
    throw new SqliteFormatError('a varint exceeds 2^53 (rowid or size too large for this reader)')
  return value
}

/**
 * Bytes of a payload of `payloadBytes` stored on the cell's own page; the rest goes to overflow pages.
 * `table` is true for table-leaf cells (index cells spill earlier).
 */
export function localPayloadBytes(
  payloadBytes: number,
  usableBytes: number,
  table: boolean,
): number {
  const maxLocal = table ? usableBytes - 35 : Math.floor(((usableBytes - 12) * 64) / 255) - 23
  if (payloadBytes <= maxLocal) return payloadBytes
  const minLocal = Math.floor(((usableBytes - 12) * 32) / 255) - 23
  const k = minLocal + ((payloadBytes - minLocal) % (usableBytes - 4))
  return k <= maxLocal ? k : minLocal
}

/** A column value: NULL, integer (bigint, so int64 nanosecond stamps stay exact), float, text or blob. */
export type SqliteValue = null | bigint | number | string | Uint8Array

/** Byte length of a value of this serial type. */
export function serialTypeBytes(serialType: number): number {
  if (serialType < 0) throw new SqliteFormatError('negative serial type')
  if (serialType <= 4) return serialType
  if (serialType === 5) return 6
  if (serialType === 6 || serialType === 7) return 8
  if (serialType === 8 || serialType === 9) return 0
  if (serialType === 10 || serialType === 11)
    throw new SqliteFormatError(`reserved serial type ${serialType}`)
  return Math.floor((serialType - 12) / 2)
}

/** The serial types of a record and where its body starts. */
export function recordLayout(payload: Uint8Array): { types: number[]; bodyOffset: number } {
  const { value: headerBytes, length } = readVarint(payload, 0)
  if (headerBytes < length || headerBytes > payload.length)
    throw new SqliteFormatError('a record header is longer than its record')
  const types: number[] = []
  for (let at = length; at < headerBytes;) {
    const v = readVarint(payload, at)
    types.push(v.value)
    at += v.length
  }
  return { types, bodyOffset: headerBytes }
}

/**
 * Decodes the record's first `columnCount` columns (all when omitted). Needs the payload up to the last wanted
 * column's end; a shorter payload throws (callers read more overflow first — see {@link recordPrefixBytes}).
 */
export function decodeRecord(
  payload: Uint8Array,
  textEncoding: SqliteHeader['textEncoding'] = 'utf-8',
  columnCount?: number,
): SqliteValue[] {
  const { types, bodyOffset } = recordLayout(payload)
  const values: SqliteValue[] = []
  const decoder = new TextDecoder(textEncoding)
  let at = bodyOffset
  for (const t of types.slice(0, columnCount ?? types.length)) {
    const n = serialTypeBytes(t)
    if (at + n > payload.length) throw new SqliteFormatError('a record value runs past its record')
    values.push(decodeValue(t, payload.subarray(at, at + n), decoder))
    at += n
  }
  return values
}

/** Payload bytes needed to decode the first `columnCount` columns. */
export function recordPrefixBytes(payloadStart: Uint8Array, columnCount: number): number {
  const { types, bodyOffset } = recordLayout(payloadStart)
  return types.slice(0, columnCount).reduce((sum, t) => sum + serialTypeBytes(t), bodyOffset)
}

function decodeValue(
  serialType: number,
  bytes: Uint8Array,
  decoder: { decode(bytes: Uint8Array): string },
): SqliteValue {
  if (serialType === 0) return null
  if (serialType === 8) return 0n
  if (serialType === 9) return 1n
  if (serialType === 7) return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, false)
  if (serialType <= 6) {
    let v = 0n
    for (const b of bytes) v = (v << 8n) | BigInt(b)
    const bits = BigInt(bytes.length * 8)
    return v >= 1n << (bits - 1n) ? v - (1n << bits) : v // two's complement
  }
  return serialType % 2 === 0 ? bytes : decoder.decode(bytes)
}
