/**
 * NumPy `.npy` (format 1.0) for a float32 array: magic, version, a little-endian header dict padded to a
 * 64-byte boundary and ending in "\n", then the data in C order (numpy/lib/format.py). Pure.
 */
export function float32Npy(data: Float32Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1)
  if (count !== data.length)
    throw new RangeError(
      `float32Npy: shape [${shape.join(', ')}] holds ${count} values, got ${data.length}`,
    )
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`
  const unpadded = 10 + header.length + 1
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n'
  const out = new Uint8Array(10 + header.length + data.byteLength)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0) // \x93NUMPY v1.0
  out[8] = header.length & 0xff
  out[9] = header.length >> 8
  out.set(new TextEncoder().encode(header), 10)
  const body = new DataView(out.buffer, 10 + header.length)
  for (let i = 0; i < data.length; i++) body.setFloat32(i * 4, data[i], true)
  return out
}
