import { deflateSync } from 'node:zlib'

/** CRC-32 (PNG's polynomial), written out here so crafted files do not depend on the code under test. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/**
 * A small PNG that declares `width`×`height` (bitDepth 16 greyscale for depth, 8 RGB for colour)
 * with one zlib-compressed all-zero IDAT holding only the first `rows` rows: a few kB that would
 * take gigabytes once decoded. Every CRC is valid.
 */
export function craftPng(
  width: number,
  height: number,
  options: { kind: 'depth16' | 'rgb8'; rows?: number },
): Uint8Array {
  const [bitDepth, colourType, bytesPerPixel] = options.kind === 'depth16' ? [16, 0, 2] : [8, 2, 3]
  const ihdr = new Uint8Array(13)
  const view = new DataView(ihdr.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  ihdr.set([bitDepth, colourType, 0, 0, 0], 8)
  const rows = options.rows ?? 4
  const idat = deflateSync(new Uint8Array(rows * (1 + width * bytesPerPixel)))
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array(0)),
  ]
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
