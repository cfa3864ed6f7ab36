import { lzfCompress } from './lzf'
import type { PcdDataFormat } from './pcdHeader'
import type { PcdCloud } from './pcdParse'

/** Options for {@link writePcd}. */
export interface PcdWriteOptions {
  /**
   * Name of the packed colour field: 'rgba' (TYPE U, PCL's PointXYZRGBA) or 'rgb' (TYPE F, PCL's PointXYZRGB,
   * the same 32 bits stored as float32). Alpha is written as 255. Default 'rgba'.
   */
  colorField?: 'rgb' | 'rgba'
}

/**
 * Writes a cloud as a PCD v0.7 file (fields x y z as float32, plus a packed colour field when the cloud has
 * colours), in PCL's layout for each DATA format, so PCL, Open3D and {@link parsePcd} read it back bit-exactly.
 * @returns the whole file; the caller owns it.
 */
export function writePcd(
  cloud: PcdCloud,
  data: PcdDataFormat,
  options: PcdWriteOptions = {},
): Uint8Array {
  const colorField = cloud.colors === null ? undefined : (options.colorField ?? 'rgba')
  const points = cloud.width * cloud.height
  const header = [
    '# .PCD v0.7 - Point Cloud Data file format',
    'VERSION 0.7',
    `FIELDS x y z${colorField ? ` ${colorField}` : ''}`,
    `SIZE 4 4 4${colorField ? ' 4' : ''}`,
    `TYPE F F F${colorField === 'rgb' ? ' F' : colorField === 'rgba' ? ' U' : ''}`,
    `COUNT 1 1 1${colorField ? ' 1' : ''}`,
    `WIDTH ${cloud.width}`,
    `HEIGHT ${cloud.height}`,
    'VIEWPOINT 0 0 0 1 0 0 0',
    `POINTS ${points}`,
    `DATA ${data}`,
    '',
  ].join('\n')
  const headerBytes = new TextEncoder().encode(header)
  const body =
    data === 'ascii'
      ? new TextEncoder().encode(asciiBody(cloud, points))
      : data === 'binary'
        ? binaryBody(cloud, points)
        : compressedBody(cloud, points)
  const file = new Uint8Array(headerBytes.length + body.length)
  file.set(headerBytes, 0)
  file.set(body, headerBytes.length)
  return file
}

function packedColor(colors: Uint8Array, i: number): number {
  return ((255 << 24) | (colors[i * 3] << 16) | (colors[i * 3 + 1] << 8) | colors[i * 3 + 2]) >>> 0
}

/** One line per point; the colour as the decimal uint32 of its bits (PCL's convention, also for float `rgb`). */
function asciiBody(cloud: PcdCloud, points: number): string {
  const lines = new Array<string>(points)
  const xyz = cloud.pointsInCamera
  for (let i = 0; i < points; i++) {
    const line = `${floatText(xyz[i * 3])} ${floatText(xyz[i * 3 + 1])} ${floatText(xyz[i * 3 + 2])}`
    lines[i] = cloud.colors === null ? line : `${line} ${packedColor(cloud.colors, i)}`
  }
  return lines.join('\n') + '\n'
}

/**
 * A decimal that reads back to the same float32. Seven significant digits suffice for most sensor values and keep
 * files short; nine always round-trip a float32. (A full shortest-digits search costs ~3× the time for ~1 % size.)
 */
function floatText(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  const short = Number(value.toPrecision(7))
  return String(Math.fround(short) === value ? short : Number(value.toPrecision(9)))
}

/** Points one after another: x y z [colour], little-endian. */
function binaryBody(cloud: PcdCloud, points: number): Uint8Array {
  const step = cloud.colors === null ? 12 : 16
  const body = new Uint8Array(points * step)
  const view = new DataView(body.buffer)
  const xyz = cloud.pointsInCamera
  for (let i = 0; i < points; i++) {
    const offset = i * step
    view.setFloat32(offset, xyz[i * 3], true)
    view.setFloat32(offset + 4, xyz[i * 3 + 1], true)
    view.setFloat32(offset + 8, xyz[i * 3 + 2], true)
    if (cloud.colors !== null) view.setUint32(offset + 12, packedColor(cloud.colors, i), true)
  }
  return body
}

/** uint32 compressed size, uint32 raw size, LZF(all x, all y, all z, all colours). */
function compressedBody(cloud: PcdCloud, points: number): Uint8Array {
  const fieldCount = cloud.colors === null ? 3 : 4
  const raw = new Uint8Array(points * 4 * fieldCount)
  const view = new DataView(raw.buffer)
  const xyz = cloud.pointsInCamera
  for (let axis = 0; axis < 3; axis++) {
    const base = axis * points * 4
    for (let i = 0; i < points; i++) view.setFloat32(base + i * 4, xyz[i * 3 + axis], true)
  }
  if (cloud.colors !== null) {
    const base = 3 * points * 4
    for (let i = 0; i < points; i++)
      view.setUint32(base + i * 4, packedColor(cloud.colors, i), true)
  }
  const compressed = lzfCompress(raw)
  const body = new Uint8Array(8 + compressed.length)
  const sizes = new DataView(body.buffer)
  sizes.setUint32(0, compressed.length, true)
  sizes.setUint32(4, raw.length, true)
  body.set(compressed, 8)
  return body
}
