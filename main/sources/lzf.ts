import { SourceError } from './SourceError'

/*
 * LZF (liblzf, Marc Lehmann), the codec of PCD `DATA binary_compressed`. Stream format, one op after another:
 *   ctrl < 32           literal run: the next ctrl+1 input bytes are copied to the output.
 *   ctrl >= 32          back reference: length code L = ctrl >> 5 (7 means "7 + next byte"), then one more
 *                       byte; distance = ((ctrl & 31) << 8 | byte) + 1; copy L + 2 bytes from `distance` back
 *                       (the source may overlap the bytes being written, which repeats a pattern).
 * There is no header or end marker: the caller knows both sizes (PCD stores them before the block).
 */

const MAX_LITERAL_RUN = 32
const MAX_DISTANCE = 8192
const MAX_MATCH = 264 // (7 + 255) + 2
const HASH_BITS = 14

/**
 * Decompresses an LZF block whose decompressed size is known.
 *
 * Every read and write is bounds-checked and each op consumes at least one input byte, so corrupt input ends in a
 * SourceError, never an out-of-range access or an endless loop.
 * @param input the compressed bytes (exactly the block; trailing bytes are an error).
 * @param outputLength the expected decompressed size in bytes; a different actual size is an error.
 * @param name file name for error messages.
 * @returns a new array of exactly `outputLength` bytes; the caller owns it.
 */
export function lzfDecompress(
  input: Uint8Array,
  outputLength: number,
  name = 'LZF data',
): Uint8Array {
  const output = new Uint8Array(outputLength)
  const inEnd = input.length
  let ip = 0
  let op = 0
  while (ip < inEnd) {
    const ctrl = input[ip++]
    if (ctrl < 32) {
      const run = ctrl + 1
      if (ip + run > inEnd)
        throw corrupt(name, `literal run of ${run} bytes passes the end of the input`)
      if (op + run > outputLength) throw corrupt(name, 'output is longer than the stated size')
      // Runs are at most 32 bytes: a plain loop beats allocating a subarray for set().
      for (const end = ip + run; ip < end;) output[op++] = input[ip++]
      continue
    }
    let length = ctrl >> 5
    if (length === 7) {
      if (ip >= inEnd) throw corrupt(name, 'back reference is cut off')
      length += input[ip++]
    }
    if (ip >= inEnd) throw corrupt(name, 'back reference is cut off')
    const distance = (((ctrl & 31) << 8) | input[ip++]) + 1
    length += 2
    let ref = op - distance
    if (ref < 0) throw corrupt(name, 'back reference points before the start of the output')
    if (op + length > outputLength) throw corrupt(name, 'output is longer than the stated size')
    if (distance >= length && length > 16) {
      output.copyWithin(op, ref, ref + length)
      op += length
    } else {
      // Byte by byte: an overlapping reference (distance < length) must see the bytes it has just written.
      for (const end = op + length; op < end;) output[op++] = output[ref++]
    }
  }
  if (op !== outputLength) {
    throw corrupt(name, `decompressed to ${op} bytes but ${outputLength} were expected`)
  }
  return output
}

/**
 * Compresses bytes to an LZF stream that {@link lzfDecompress} (and liblzf / PCL) can read.
 * A fast greedy matcher with a single-entry hash table; it favours speed over ratio, like liblzf's default.
 * @returns a new array holding only the compressed stream.
 */
export function lzfCompress(input: Uint8Array): Uint8Array {
  const n = input.length
  // Worst case: all literals, one control byte per 32 bytes.
  const output = new Uint8Array(n + Math.ceil(n / MAX_LITERAL_RUN) + 1)
  const table = new Int32Array(1 << HASH_BITS) // position + 1 of the last 3-byte sequence with this hash; 0 = none
  let op = 0
  let literalStart = 0
  let ip = 0

  const flushLiterals = (end: number): void => {
    for (let start = literalStart; start < end; start += MAX_LITERAL_RUN) {
      const run = Math.min(MAX_LITERAL_RUN, end - start)
      output[op++] = run - 1
      output.set(input.subarray(start, start + run), op)
      op += run
    }
  }

  while (ip + 2 < n) {
    const triple = (input[ip] << 16) | (input[ip + 1] << 8) | input[ip + 2]
    const hash = Math.imul(triple, 0x9e3779b1) >>> (32 - HASH_BITS)
    const ref = table[hash] - 1
    table[hash] = ip + 1
    if (
      ref >= 0 &&
      ip - ref <= MAX_DISTANCE &&
      input[ref] === input[ip] &&
      input[ref + 1] === input[ip + 1] &&
      input[ref + 2] === input[ip + 2]
    ) {
      const maxLength = Math.min(MAX_MATCH, n - ip)
      let length = 3
      while (length < maxLength && input[ref + length] === input[ip + length]) length++
      flushLiterals(ip)
      const distance = ip - ref - 1
      const code = length - 2
      if (code < 7) {
        output[op++] = (code << 5) | (distance >> 8)
      } else {
        output[op++] = (7 << 5) | (distance >> 8)
        output[op++] = code - 7
      }
      output[op++] = distance & 255
      ip += length
      literalStart = ip
    } else {
      ip++
    }
  }
  flushLiterals(n)
  return output.slice(0, op)
}

function corrupt(name: string, problem: string): SourceError {
  return new SourceError(
    `${name}: corrupt LZF data (${problem}); the file is damaged, re-export or re-copy it`,
    {
      file: name,
    },
  )
}
