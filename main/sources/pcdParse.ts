import { lzfDecompress } from './lzf'
import { readPcdAscii } from './pcdAscii'
import { type PcdField, type PcdHeader, parsePcdHeader, pointStepBytes } from './pcdHeader'
import { SourceError } from './SourceError'
import { currentLimits } from '../app/limits'

/**
 * LZF expands at most ~88× (a 3-byte back reference copies up to 264 bytes); a block that claims
 * more than this ratio is not a real compressed block, whatever its header says.
 */
const MAX_LZF_EXPANSION = 100

/** A point cloud as read from a PCD file: points in the camera frame (metres), row-major when organized. */
export interface PcdCloud {
  width: number
  /** 1 for an unorganized cloud; the image height for an organized (depth-image-like) cloud. */
  height: number
  /** x, y, z interleaved, metres, camera frame; all three NaN for an invalid point. */
  pointsInCamera: Float32Array
  /** r, g, b interleaved, 0–255, from a packed `rgba` or `rgb` field; null when the file has no colour. */
  colors: Uint8Array | null
}

/** Reads one element of a field at a byte offset (little-endian, as PCL writes on every platform we meet). */
type ElementReader = (view: DataView, byteOffset: number) => number

/** Where a field's first element sits for point i: `start + i * stride` bytes into `view`. */
interface FieldLayout {
  view: DataView
  start: number
  stride: number
}

/**
 * Parses a PCD file (v0.5–v0.7; DATA ascii, binary or binary_compressed; any field order; extra fields skipped).
 *
 * Colour comes from a 4-byte `rgba` field (uint32 0xAARRGGBB) or `rgb` field (the same 32 bits, stored as float32
 * by PCL's PointXYZRGB: the bits are reinterpreted, not converted). Other colour layouts are ignored.
 * @param name file name for error messages.
 * @param maxPoints point limit (default: SPATIAL_LENS_MAX_CLOUD_POINTS, main/app/limits.ts).
 * @returns a new cloud; the caller owns its arrays.
 * @throws SourceError for a bad header, a missing x/y/z field, truncated data, corrupt compression, or
 *   more points than the limit or than the file can hold.
 */
export function parsePcd(
  bytes: Uint8Array,
  name: string,
  maxPoints = currentLimits().maxCloudPoints,
): PcdCloud {
  const header = parsePcdHeader(bytes, name)
  checkPointCount(bytes, header, name, maxPoints)
  const xyzFields = ['x', 'y', 'z'].map((axis) => {
    const field = header.fields.find((f) => f.name === axis)
    if (field === undefined) {
      const message = `${name} has no "${axis}" field; only clouds with x y z fields can be loaded`
      throw new SourceError(message, { file: name })
    }
    return field
  })
  const colorField = findColorField(header.fields)
  const { pointsInCamera, packedColors } =
    header.data === 'ascii'
      ? readPcdAscii(bytes, header, name, xyzFields, colorField)
      : readPcdBinary(bytes, header, name, xyzFields, colorField)
  invalidatePartialPoints(pointsInCamera)
  const colors = packedColors === null ? null : unpackColors(packedColors)
  return { width: header.width, height: header.height, pointsInCamera, colors }
}

/** `binary` and `binary_compressed`: locate each field, then copy x, y, z and the packed colour out. */
function readPcdBinary(
  bytes: Uint8Array,
  header: PcdHeader,
  name: string,
  xyzFields: readonly PcdField[],
  colorField: PcdField | undefined,
): { pointsInCamera: Float32Array; packedColors: Uint32Array | null } {
  const layouts =
    header.data === 'binary'
      ? binaryLayouts(bytes, header, name)
      : compressedLayouts(bytes, header, name)
  const pointsInCamera = new Float32Array(header.points * 3)
  xyzFields.forEach((field, axis) => {
    copyAxis(layouts.get(field) as FieldLayout, field, header.points, pointsInCamera, axis)
  })
  if (colorField === undefined) return { pointsInCamera, packedColors: null }
  const { view, start, stride } = layouts.get(colorField) as FieldLayout
  const packedColors = new Uint32Array(header.points)
  // getUint32 whatever the TYPE: a float-packed rgb must keep its bits, not be converted as a number.
  for (let i = 0; i < header.points; i++) packedColors[i] = view.getUint32(start + i * stride, true)
  return { pointsInCamera, packedColors }
}

/**
 * Refuses a header whose point count cannot be real before any buffer is made: over the limit, or
 * more points than the bytes after the header could hold (POINTS 1e10 in a 1 kB file).
 */
function checkPointCount(
  bytes: Uint8Array,
  header: PcdHeader,
  name: string,
  maxPoints: number,
): void {
  if (header.points > maxPoints) {
    throw new SourceError(
      `${name} declares ${header.points} points, over the limit of ${maxPoints}; downsample the cloud, or raise ` +
        'SPATIAL_LENS_MAX_CLOUD_POINTS on the machine that analyses it',
      { file: name },
    )
  }
  // `binary` checks its exact size before allocating (binaryLayouts), as does a compressed block too
  // short to hold its two sizes (compressedLayouts).
  const available = bytes.length - header.dataOffset - (header.data === 'ascii' ? 0 : 8)
  if (header.data === 'binary' || available < 0) return
  const tokensPerPoint = header.fields.reduce((sum, field) => sum + field.count, 0)
  // The smallest point a format can store: one digit and a separator per ascii value; the
  // uncompressed size over LZF's best ratio when compressed.
  const minBytesPerPoint =
    header.data === 'ascii'
      ? 2 * tokensPerPoint
      : pointStepBytes(header.fields.filter((field) => field.name !== '_')) / MAX_LZF_EXPANSION
  if (header.points * minBytesPerPoint > available) {
    throw new SourceError(
      `${name} declares ${header.points} points but only ${available} bytes of ${header.data} data follow the header ` +
        '(too few for that many points); the header is wrong or the file is truncated',
      { file: name },
    )
  }
}

function findColorField(fields: readonly PcdField[]): PcdField | undefined {
  const field = fields.find((f) => f.name === 'rgba') ?? fields.find((f) => f.name === 'rgb')
  return field !== undefined && field.size === 4 ? field : undefined
}

/** 0xAARRGGBB per point → r, g, b interleaved. */
function unpackColors(packed: Uint32Array): Uint8Array {
  const colors = new Uint8Array(packed.length * 3)
  for (let i = 0, o = 0; i < packed.length; i++, o += 3) {
    const value = packed[i]
    colors[o] = (value >>> 16) & 255
    colors[o + 1] = (value >>> 8) & 255
    colors[o + 2] = value & 255
  }
  return colors
}

/** `binary`: points one after another, fields interleaved within a point (including `_` padding). */
function binaryLayouts(
  bytes: Uint8Array,
  header: PcdHeader,
  name: string,
): Map<PcdField, FieldLayout> {
  const stride = pointStepBytes(header.fields)
  const needed = header.points * stride
  const available = bytes.length - header.dataOffset
  if (available < needed) throw truncated(name, needed, available)
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, needed)
  const layouts = new Map<PcdField, FieldLayout>()
  let offset = 0
  for (const field of header.fields) {
    layouts.set(field, { view, start: offset, stride })
    offset += field.size * field.count
  }
  return layouts
}

/**
 * `binary_compressed`: uint32 compressed size, uint32 uncompressed size, then one LZF block holding each field's
 * values for all points, field after field. Padding fields `_` are not stored (as in PCL's reader and writer).
 */
function compressedLayouts(
  bytes: Uint8Array,
  header: PcdHeader,
  name: string,
): Map<PcdField, FieldLayout> {
  const fields = header.fields.filter((field) => field.name !== '_')
  const needed = header.points * pointStepBytes(fields)
  const start = header.dataOffset
  if (bytes.length < start + 8) throw truncated(name, 8, Math.max(0, bytes.length - start))
  const sizes = new DataView(bytes.buffer, bytes.byteOffset + start, 8)
  const compressedSize = sizes.getUint32(0, true)
  const uncompressedSize = sizes.getUint32(4, true)
  if (uncompressedSize !== needed) {
    throw new SourceError(
      `${name} is corrupt: its compressed block says ${uncompressedSize} bytes but the header's fields need ` +
        `${needed}; the file is damaged, re-export or re-copy it`,
      { file: name },
    )
  }
  const available = bytes.length - start - 8
  if (available < compressedSize) throw truncated(name, compressedSize, available)
  const block = lzfDecompress(bytes.subarray(start + 8, start + 8 + compressedSize), needed, name)
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength)
  const layouts = new Map<PcdField, FieldLayout>()
  let offset = 0
  for (const field of fields) {
    const stride = field.size * field.count
    layouts.set(field, { view, start: offset, stride })
    offset += stride * header.points
  }
  return layouts
}

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** Copies one coordinate of every point into `out` (xyz interleaved) at `axis`. */
function copyAxis(
  layout: FieldLayout,
  field: PcdField,
  points: number,
  out: Float32Array,
  axis: number,
): void {
  const { view, start, stride } = layout
  const byteStart = view.byteOffset + start
  // Fast path for the common float32 case when aligned (always so in decompressed blocks): a typed-array view reads
  // several times faster than DataView calls through a closure.
  if (
    field.type === 'F' &&
    field.size === 4 &&
    IS_LITTLE_ENDIAN &&
    byteStart % 4 === 0 &&
    stride % 4 === 0
  ) {
    const step = stride / 4
    const floats = new Float32Array(view.buffer, byteStart, (points - 1) * step + 1)
    for (let i = 0, o = axis; i < points; i++, o += 3) out[o] = floats[i * step]
    return
  }
  const read = elementReader(field)
  for (let i = 0, o = axis; i < points; i++, o += 3) out[o] = read(view, start + i * stride)
}

function elementReader(field: PcdField): ElementReader {
  const key = `${field.type}${field.size}`
  switch (key) {
    case 'F4':
      return (v, o) => v.getFloat32(o, true)
    case 'F8':
      return (v, o) => v.getFloat64(o, true)
    case 'U1':
      return (v, o) => v.getUint8(o)
    case 'U2':
      return (v, o) => v.getUint16(o, true)
    case 'U4':
      return (v, o) => v.getUint32(o, true)
    case 'U8':
      return (v, o) => Number(v.getBigUint64(o, true))
    case 'I1':
      return (v, o) => v.getInt8(o)
    case 'I2':
      return (v, o) => v.getInt16(o, true)
    case 'I4':
      return (v, o) => v.getInt32(o, true)
    case 'I8':
      return (v, o) => Number(v.getBigInt64(o, true))
    default:
      throw new Error(`unreachable: field type ${key} passed header validation`)
  }
}

/** PCL marks an invalid point by NaN in x, y and z; make that hold even if only one coordinate is bad. */
function invalidatePartialPoints(points: Float32Array): void {
  for (let i = 0; i < points.length; i += 3) {
    if (
      !Number.isFinite(points[i]) ||
      !Number.isFinite(points[i + 1]) ||
      !Number.isFinite(points[i + 2])
    ) {
      points[i] = NaN
      points[i + 1] = NaN
      points[i + 2] = NaN
    }
  }
}

function truncated(name: string, needed: number, available: number): SourceError {
  return new SourceError(
    `${name} is truncated: the point data needs ${needed} bytes but only ${available} follow the header; ` +
      're-export or re-copy the file',
    { file: name },
  )
}
