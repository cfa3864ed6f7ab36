import { SourceError } from './SourceError'

/** One PCD field (a column of the cloud): name, element type and size in bytes, elements per point. */
export interface PcdField {
  name: string
  /** F = float, U = unsigned integer, I = signed integer. */
  type: 'F' | 'U' | 'I'
  /** Bytes per element: 1, 2, 4 or 8 (F: 4 or 8). */
  size: number
  count: number
}

export type PcdDataFormat = 'ascii' | 'binary' | 'binary_compressed'

/** A parsed PCD header. */
export interface PcdHeader {
  version: string
  fields: PcdField[]
  width: number
  height: number
  /** Sensor pose: tx ty tz qw qx qy qz (not applied: points stay in the frame they were stored in). */
  viewpoint: number[]
  points: number
  data: PcdDataFormat
  /** Byte offset of the point data (just after the DATA line). */
  dataOffset: number
}

const KEYS = new Set([
  'VERSION',
  'FIELDS',
  'COLUMNS',
  'SIZE',
  'TYPE',
  'COUNT',
  'WIDTH',
  'HEIGHT',
  'VIEWPOINT',
  'POINTS',
  'DATA',
])
/** PCL headers are a few hundred bytes; anything without a DATA line in this span is not a PCD file. */
const MAX_HEADER_BYTES = 64 * 1024

/**
 * Parses the text header of a PCD file (v0.5–v0.7).
 * @throws SourceError naming the file and the bad header line or missing key.
 */
export function parsePcdHeader(bytes: Uint8Array, name: string): PcdHeader {
  const values = new Map<string, string[]>()
  let offset = 0
  let dataOffset = -1
  while (offset < bytes.length && offset < MAX_HEADER_BYTES) {
    const end = bytes.indexOf(0x0a, offset)
    // A header line without its newline means the file ends inside the header.
    if (end < 0) break
    const line = latin1(bytes.subarray(offset, end)).trim()
    offset = end + 1
    if (line === '' || line.startsWith('#')) continue
    const [key, ...rest] = line.split(/\s+/)
    const upperKey = key.toUpperCase()
    if (!KEYS.has(upperKey) && /^[-+.\d]|^nan/i.test(line)) {
      throw bad(name, `no DATA line before the point data ("${printable(line.slice(0, 40))}")`)
    }
    if (!KEYS.has(upperKey)) {
      throw bad(name, `unexpected line "${printable(line.slice(0, 40))}" (is this a PCD file?)`)
    }
    values.set(upperKey === 'COLUMNS' ? 'FIELDS' : upperKey, rest)
    if (upperKey === 'DATA') {
      dataOffset = offset
      break
    }
  }
  if (dataOffset < 0) throw bad(name, 'no DATA line (the file is truncated or not a PCD file)')

  const fields = parseFields(values, name)
  const width = positiveInteger(values, 'WIDTH', name)
  // v0.5 files have no HEIGHT: they are unorganized.
  const height = values.has('HEIGHT') ? positiveInteger(values, 'HEIGHT', name) : 1
  const points = values.has('POINTS') ? positiveInteger(values, 'POINTS', name) : width * height
  if (points !== width * height) {
    throw bad(name, `POINTS ${points} is not WIDTH × HEIGHT = ${width * height}`)
  }
  const data = (values.get('DATA') ?? [])[0]?.toLowerCase()
  if (data !== 'ascii' && data !== 'binary' && data !== 'binary_compressed') {
    throw bad(name, `DATA must be ascii, binary or binary_compressed (got "${data ?? ''}")`)
  }
  const viewpoint = (values.get('VIEWPOINT') ?? ['0', '0', '0', '1', '0', '0', '0']).map(Number)
  return {
    version: (values.get('VERSION') ?? [''])[0] ?? '',
    fields,
    width,
    height,
    viewpoint,
    points,
    data,
    dataOffset,
  }
}

/** Bytes one point takes in `binary` data (sum of size × count). */
export function pointStepBytes(fields: readonly PcdField[]): number {
  return fields.reduce((sum, field) => sum + field.size * field.count, 0)
}

function parseFields(values: Map<string, string[]>, name: string): PcdField[] {
  const names = values.get('FIELDS')
  if (names === undefined || names.length === 0) throw bad(name, 'missing FIELDS line')
  const sizes = values.get('SIZE')
  const types = values.get('TYPE')
  if (sizes === undefined) throw bad(name, 'missing SIZE line')
  if (types === undefined) throw bad(name, 'missing TYPE line')
  const counts = values.get('COUNT') ?? names.map(() => '1')
  for (const [key, list] of [
    ['SIZE', sizes],
    ['TYPE', types],
    ['COUNT', counts],
  ] as const) {
    if (list.length !== names.length) {
      throw bad(name, `${key} has ${list.length} entries but FIELDS has ${names.length}`)
    }
  }
  return names.map((fieldName, i) => {
    const type = types[i].toUpperCase()
    const size = Number(sizes[i])
    const count = Number(counts[i])
    if (type !== 'F' && type !== 'U' && type !== 'I') {
      throw bad(name, `field ${fieldName} has TYPE "${types[i]}" (expected F, U or I)`)
    }
    const sizeOk =
      type === 'F' ? size === 4 || size === 8 : size === 1 || size === 2 || size === 4 || size === 8
    if (!sizeOk)
      throw bad(name, `field ${fieldName} has SIZE ${sizes[i]}, which TYPE ${type} does not allow`)
    if (!Number.isInteger(count) || count < 1)
      throw bad(name, `field ${fieldName} has COUNT "${counts[i]}"`)
    return { name: fieldName, type, size, count }
  })
}

function positiveInteger(values: Map<string, string[]>, key: string, name: string): number {
  const text = values.get(key)?.[0]
  if (text === undefined) throw bad(name, `missing ${key} line`)
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1)
    throw bad(name, `${key} must be a whole number ≥ 1 (got "${text}")`)
  return value
}

function latin1(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i])
  return text
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?')
}

function bad(name: string, problem: string): SourceError {
  return new SourceError(`${name} has a bad PCD header: ${problem}`, { file: name })
}
