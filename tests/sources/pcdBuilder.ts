import { lzfCompress } from '../../main/sources/lzf'
import type { PcdDataFormat, PcdField } from '../../main/sources/pcd'

/**
 * Builds small PCD files with arbitrary fields, independently of main/sources/pcdWriter, so the parser is tested
 * against field orders, types and padding the writer never produces.
 * `rows[i]` holds point i's values: every field's COUNT elements, in field order.
 */
export function buildPcd(
  fields: PcdField[],
  width: number,
  height: number,
  rows: number[][],
  data: PcdDataFormat,
  headerExtra = '',
): Uint8Array {
  const header =
    `# .PCD v0.7 - test\n${headerExtra}VERSION 0.7\nFIELDS ${fields.map((f) => f.name).join(' ')}\n` +
    `SIZE ${fields.map((f) => f.size).join(' ')}\nTYPE ${fields.map((f) => f.type).join(' ')}\n` +
    `COUNT ${fields.map((f) => f.count).join(' ')}\nWIDTH ${width}\nHEIGHT ${height}\n` +
    `VIEWPOINT 0 0 0 1 0 0 0\nPOINTS ${width * height}\nDATA ${data}\n`
  let body: Uint8Array
  if (data === 'ascii') {
    body = new TextEncoder().encode(
      rows
        .map((row) => row.map((v) => (Number.isNaN(v) ? 'nan' : String(v))).join(' '))
        .join('\n') + '\n',
    )
  } else {
    const step = fields.reduce((s, f) => s + f.size * f.count, 0)
    const raw = new Uint8Array(rows.length * step)
    const view = new DataView(raw.buffer)
    if (data === 'binary') {
      rows.forEach((row, i) => {
        let offset = i * step
        let k = 0
        for (const field of fields) {
          for (let c = 0; c < field.count; c++, k++, offset += field.size)
            writeValue(view, offset, field, row[k])
        }
      })
      body = raw
    } else {
      const stored = fields.filter((f) => f.name !== '_')
      const packed = new Uint8Array(rows.length * stored.reduce((s, f) => s + f.size * f.count, 0))
      const packedView = new DataView(packed.buffer)
      let offset = 0
      for (const field of stored) {
        const first = elementIndex(fields, field)
        for (const row of rows) {
          for (let c = 0; c < field.count; c++, offset += field.size)
            writeValue(packedView, offset, field, row[first + c])
        }
      }
      const compressed = lzfCompress(packed)
      body = new Uint8Array(8 + compressed.length)
      new DataView(body.buffer).setUint32(0, compressed.length, true)
      new DataView(body.buffer).setUint32(4, packed.length, true)
      body.set(compressed, 8)
    }
  }
  const headerBytes = new TextEncoder().encode(header)
  const file = new Uint8Array(headerBytes.length + body.length)
  file.set(headerBytes)
  file.set(body, headerBytes.length)
  return file
}

function elementIndex(fields: PcdField[], target: PcdField): number {
  let index = 0
  for (const field of fields) {
    if (field === target) return index
    index += field.count
  }
  throw new Error('field not in list')
}

function writeValue(view: DataView, offset: number, field: PcdField, value: number): void {
  const key = `${field.type}${field.size}`
  if (key === 'F4') view.setFloat32(offset, value, true)
  else if (key === 'F8') view.setFloat64(offset, value, true)
  else if (key === 'U1') view.setUint8(offset, value)
  else if (key === 'U2') view.setUint16(offset, value, true)
  else if (key === 'U4') view.setUint32(offset, value, true)
  else if (key === 'U8') view.setBigUint64(offset, BigInt(value), true)
  else if (key === 'I1') view.setInt8(offset, value)
  else if (key === 'I2') view.setInt16(offset, value, true)
  else if (key === 'I4') view.setInt32(offset, value, true)
  else if (key === 'I8') view.setBigInt64(offset, BigInt(value), true)
}
