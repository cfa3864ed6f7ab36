/**
 * RVL (Wilson 2017, "Fast Lossless Depth Image Compression"), as compressed_depth_image_transport writes it:
 * run lengths of zeros / non-zeros and zig-zag deltas of the non-zero values, each as a variable-length code of
 * 3-bit groups in 4-bit nibbles (high bit = more follows), nibbles packed most-significant first into
 * little-endian 32-bit words.
 */

/**
 * Decodes `pixelCount` 16-bit values from RVL bytes.
 * @throws Error when the data ends before all pixels are decoded or a run overflows the image.
 */
export function decodeRvl(bytes: Uint8Array, pixelCount: number): Uint16Array {
  const words = Math.floor(bytes.length / 4)
  const view = new DataView(bytes.buffer, bytes.byteOffset, words * 4)
  const out = new Uint16Array(pixelCount)
  let wordIndex = 0
  let word = 0
  let nibblesLeft = 0
  const nextVle = (): number => {
    let value = 0
    let shift = 0
    let nibble: number
    do {
      if (nibblesLeft === 0) {
        if (wordIndex >= words)
          throw new Error('RVL data ends before the image is complete (truncated)')
        word = view.getUint32(wordIndex++ * 4, true)
        nibblesLeft = 8
      }
      nibble = word >>> 28
      word = (word << 4) >>> 0
      nibblesLeft--
      value += (nibble & 7) * 2 ** shift
      shift += 3
      if (shift > 33) throw new Error('RVL code too long (corrupt data)')
    } while (nibble & 8)
    return value
  }
  let i = 0
  let previous = 0
  while (i < pixelCount) {
    const zeros = nextVle()
    if (i + zeros > pixelCount)
      throw new Error('RVL zero run runs past the image end (corrupt data or wrong size)')
    i += zeros // out is zero-filled already
    if (i >= pixelCount) break
    const nonZeros = nextVle()
    if (i + nonZeros > pixelCount)
      throw new Error('RVL value run runs past the image end (corrupt data or wrong size)')
    for (let k = 0; k < nonZeros; k++) {
      const positive = nextVle()
      const delta = (positive >>> 1) ^ -(positive & 1)
      previous = (previous + delta) & 0xffff
      out[i++] = previous
    }
  }
  return out
}

/** Encodes 16-bit values as RVL (the inverse of decodeRvl; used to write compressedDepth rvl). */
export function encodeRvl(values: Uint16Array): Uint8Array {
  const words: number[] = []
  let word = 0
  let nibbles = 0
  const putVle = (input: number): void => {
    let value = input
    do {
      let nibble = value & 7
      value = Math.floor(value / 8)
      if (value > 0) nibble |= 8
      word = ((word << 4) | nibble) >>> 0
      if (++nibbles === 8) {
        words.push(word)
        word = 0
        nibbles = 0
      }
    } while (value > 0)
  }
  let i = 0
  let previous = 0
  while (i < values.length) {
    let zeros = 0
    while (i < values.length && values[i] === 0) {
      zeros++
      i++
    }
    putVle(zeros)
    let nonZeros = 0
    while (i + nonZeros < values.length && values[i + nonZeros] !== 0) nonZeros++
    putVle(nonZeros)
    for (let k = 0; k < nonZeros; k++) {
      const current = values[i++]
      const delta = current - previous
      putVle(delta >= 0 ? delta * 2 : -delta * 2 - 1)
      previous = current
    }
  }
  if (nibbles > 0) words.push((word << (4 * (8 - nibbles))) >>> 0)
  const bytes = new Uint8Array(words.length * 4)
  const view = new DataView(bytes.buffer)
  words.forEach((w, k) => view.setUint32(k * 4, w, true))
  return bytes
}
