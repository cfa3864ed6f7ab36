/**
 * sensor_msgs/PointCloud2 with any field layout → columns (x, y, z and every extra field, kept by name), and an
 * organized cloud (height > 1) → an engine frame (depth = z per pixel, colour from an rgb/rgba field).
 * Points are in the cloud's header.frame_id; for a frame it must be an optical frame (z forward), as a depth
 * camera's cloud is.
 */
import type { DepthImage, Intrinsics, RgbImage } from '../../engine/types'

/** PointField datatypes (sensor_msgs/PointField). */
const DATATYPES: Record<
  number,
  { bytes: number; read: (v: DataView, o: number, le: boolean) => number }
> = {
  1: { bytes: 1, read: (v, o) => v.getInt8(o) },
  2: { bytes: 1, read: (v, o) => v.getUint8(o) },
  3: { bytes: 2, read: (v, o, le) => v.getInt16(o, le) },
  4: { bytes: 2, read: (v, o, le) => v.getUint16(o, le) },
  5: { bytes: 4, read: (v, o, le) => v.getInt32(o, le) },
  6: { bytes: 4, read: (v, o, le) => v.getUint32(o, le) },
  7: { bytes: 4, read: (v, o, le) => v.getFloat32(o, le) },
  8: { bytes: 8, read: (v, o, le) => v.getFloat64(o, le) },
}

export interface PointField {
  name: string
  offset: number
  datatype: number
  count: number
}

/** A decoded cloud: one column per field (count > 1 gives name_0, name_1, …). */
export interface PointCloudColumns {
  width: number
  height: number
  pointCount: number
  x: Float32Array
  y: Float32Array
  z: Float32Array
  /** Packed colour, when an rgb/rgba field exists: R, G, B bytes per point. */
  rgb?: Uint8Array
  /** Every other field (intensity, ring, time, normals, …) as float64 values. */
  extra: Record<string, Float64Array>
}

/** Decodes a PointCloud2 message object. @throws Error for a missing x/y/z, bad offsets or truncated data. */
export function decodePointCloud2(message: Record<string, unknown>): PointCloudColumns {
  const width = Number(message.width)
  const height = Number(message.height)
  const pointStep = Number(message.point_step)
  const rowStep = Number(message.row_step)
  const le = !message.is_bigendian
  const data = message.data as Uint8Array
  const fields = message.fields as PointField[]
  const pointCount = width * height
  if (!(pointCount > 0)) throw new Error(`PointCloud2 has no points (${width}×${height})`)
  checkLayout(width, height, pointStep, rowStep, fields, data)
  const needed = rowStep * (height - 1) + pointStep * width
  if (rowStep < pointStep * width || data.length < needed) {
    throw new Error(
      `PointCloud2 data is ${data.length} bytes; ${width}×${height} points of ${pointStep} bytes need ${needed} (truncated?)`,
    )
  }
  const byName = new Map(fields.map((f) => [f.name, f]))
  for (const axis of ['x', 'y', 'z']) {
    if (!byName.has(axis))
      throw new Error(
        `PointCloud2 has no "${axis}" field (fields: ${fields.map((f) => f.name).join(', ')})`,
      )
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const offsetOf = (i: number) => Math.floor(i / width) * rowStep + (i % width) * pointStep
  const column = (f: PointField, element: number, out: Float32Array | Float64Array) => {
    const type = DATATYPES[f.datatype]
    const at = f.offset + element * type.bytes
    for (let i = 0; i < pointCount; i++) out[i] = type.read(view, offsetOf(i) + at, le)
    return out
  }
  const cols: PointCloudColumns = {
    width,
    height,
    pointCount,
    x: column(byName.get('x')!, 0, new Float32Array(pointCount)) as Float32Array,
    y: column(byName.get('y')!, 0, new Float32Array(pointCount)) as Float32Array,
    z: column(byName.get('z')!, 0, new Float32Array(pointCount)) as Float32Array,
    extra: {},
  }
  const colour = byName.get('rgb') ?? byName.get('rgba')
  if (colour) cols.rgb = packedColour(view, colour, pointCount, offsetOf, le)
  for (const f of fields) {
    if (['x', 'y', 'z'].includes(f.name) || f === colour) continue
    const count = Math.max(1, f.count)
    for (let e = 0; e < count; e++) {
      cols.extra[count === 1 ? f.name : `${f.name}_${e}`] = column(
        f,
        e,
        new Float64Array(pointCount),
      ) as Float64Array
    }
  }
  return cols
}

/**
 * Whole, non-negative sizes and offsets, a field list and byte data: a JSON-encoded channel can send NaN, 1.5 or
 * −1, which DataView would turn into reads at the wrong bytes (NaN → 0) or a RangeError.
 */
function checkLayout(
  width: number,
  height: number,
  pointStep: number,
  rowStep: number,
  fields: unknown,
  data: unknown,
): asserts fields is PointField[] {
  const sizes = { width, height, point_step: pointStep, row_step: rowStep }
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`PointCloud2 ${name} ${value} is not a whole number of points or bytes`)
  }
  if (!(data instanceof Uint8Array)) throw new Error('PointCloud2 data is not a byte array')
  if (!Array.isArray(fields)) throw new Error('PointCloud2 has no field list')
  for (const f of fields as Partial<PointField>[]) {
    const isWhole = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0
    if (!f || typeof f.name !== 'string' || !isWhole(f.offset) || !isWhole(f.count))
      throw new Error(
        `PointCloud2 field ${JSON.stringify(f?.name ?? null)} has a bad name, offset or count`,
      )
    const type = DATATYPES[f.datatype as number]
    if (!type) throw new Error(`PointCloud2 field "${f.name}" has unknown datatype ${f.datatype}`)
    if (f.offset! + type.bytes * Math.max(1, f.count!) > pointStep) {
      throw new Error(
        `PointCloud2 field "${f.name}" (offset ${f.offset}) lies outside point_step ${pointStep}`,
      )
    }
  }
}

/** PCL packs colour as 0x00RRGGBB (or AARRGGBB) in a float32/uint32: read the 4 bytes as a uint32. */
function packedColour(
  view: DataView,
  f: PointField,
  n: number,
  offsetOf: (i: number) => number,
  le: boolean,
): Uint8Array {
  const out = new Uint8Array(n * 3)
  for (let i = 0; i < n; i++) {
    const v = view.getUint32(offsetOf(i) + f.offset, le)
    out[i * 3] = (v >>> 16) & 255
    out[i * 3 + 1] = (v >>> 8) & 255
    out[i * 3 + 2] = v & 255
  }
  return out
}

/**
 * An organized cloud → depth (z, metres) and colour images of the cloud's width×height, with intrinsics: the given
 * ones, else fitted to the points (u = fx·x/z + cx, v = fy·y/z + cy by least squares).
 * @throws Error for an unorganized cloud, or when intrinsics cannot be fitted (too few valid points).
 */
export function organizedCloudToImages(
  cols: PointCloudColumns,
  intrinsics?: Intrinsics,
): { depth: DepthImage; rgb: RgbImage; intrinsics: Intrinsics; fitted: boolean } {
  if (cols.height <= 1) {
    throw new Error(
      `PointCloud2 is unorganized (${cols.width}×${cols.height}); a frame needs an organized cloud (height > 1)`,
    )
  }
  const { width, height } = cols
  const depth = new Float32Array(cols.pointCount)
  for (let i = 0; i < depth.length; i++) {
    const z = cols.z[i]
    depth[i] =
      Number.isFinite(z) && z > 0 && Number.isFinite(cols.x[i]) && Number.isFinite(cols.y[i])
        ? z
        : 0
  }
  const rgb = cols.rgb ?? new Uint8Array(cols.pointCount * 3).fill(128)
  const given =
    intrinsics && intrinsics.width === width && intrinsics.height === height
      ? intrinsics
      : undefined
  return {
    depth: { width, height, data: depth },
    rgb: { width, height, data: rgb },
    intrinsics: given ?? fitIntrinsics(cols, depth),
    fitted: given === undefined,
  }
}

function fitIntrinsics(cols: PointCloudColumns, depth: Float32Array): Intrinsics {
  const fit = (coord: Float32Array, pixelOf: (i: number) => number) => {
    let n = 0,
      sa = 0,
      sb = 0,
      saa = 0,
      sab = 0
    for (let i = 0; i < depth.length; i++) {
      if (depth[i] === 0) continue
      const a = coord[i] / depth[i]
      const b = pixelOf(i)
      n++
      sa += a
      sb += b
      saa += a * a
      sab += a * b
    }
    const det = n * saa - sa * sa
    if (n < 10 || Math.abs(det) < 1e-12)
      throw new Error(
        'PointCloud2 has too few valid points to recover its intrinsics; give a CameraInfo topic',
      )
    const f = (n * sab - sa * sb) / det
    return { f, c: (sb - f * sa) / n }
  }
  const u = fit(cols.x, (i) => i % cols.width)
  const v = fit(cols.y, (i) => Math.floor(i / cols.width))
  return { width: cols.width, height: cols.height, fx: u.f, fy: v.f, cx: u.c, cy: v.c }
}
