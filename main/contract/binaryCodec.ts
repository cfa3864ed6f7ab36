/**
 * One WebSocket/worker message = one binary frame: [u32 header length][JSON header][typed arrays].
 * Typed arrays anywhere in the payload are lifted out and replaced by {"$typed": index}, so large
 * buffers travel as bytes, never as JSON number lists. Works in Node and in the browser.
 */

type TypedArray =
  Float32Array | Float64Array | Uint8Array | Int16Array | Int32Array | Uint32Array | Uint16Array
const CONSTRUCTORS = {
  Float32Array,
  Float64Array,
  Uint8Array,
  Int16Array,
  Int32Array,
  Uint32Array,
  Uint16Array,
}
type TypedName = keyof typeof CONSTRUCTORS

interface TypedRef {
  $typed: number
}
interface Header {
  body: unknown
  arrays: { type: TypedName; byteOffset: number; length: number }[]
}

function typedName(value: unknown): TypedName | null {
  for (const name of Object.keys(CONSTRUCTORS) as TypedName[]) {
    if (value instanceof CONSTRUCTORS[name]) return name
  }
  return null
}

export function encodeMessage(body: unknown): Uint8Array {
  const arrays: TypedArray[] = []
  const json = JSON.stringify(body, (_key, value) => {
    if (typeof value === 'bigint') return value.toString()
    if (typedName(value)) {
      arrays.push(value as TypedArray)
      return { $typed: arrays.length - 1 }
    }
    return value
  })
  const refs: Header['arrays'] = []
  let offset = 0
  for (const array of arrays) {
    offset = Math.ceil(offset / 8) * 8 // keep every array aligned for zero-copy views
    refs.push({ type: typedName(array)!, byteOffset: offset, length: array.length })
    offset += array.byteLength
  }
  const headerBytes = new TextEncoder().encode(
    JSON.stringify({ body: '__BODY__', arrays: refs }).replace('"__BODY__"', json),
  )
  const start = Math.ceil((4 + headerBytes.length) / 8) * 8
  const out = new Uint8Array(start + offset)
  new DataView(out.buffer).setUint32(0, headerBytes.length, true)
  out.set(headerBytes, 4)
  arrays.forEach((array, i) => {
    out.set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      start + refs[i].byteOffset,
    )
  })
  return out
}

/**
 * Decodes one message of {@link encodeMessage}.
 * @throws Error whose one-line message starts with "message" for any bytes that are not such a message
 *   (short, truncated, header not JSON, bad array references), never a TypeError/RangeError from inside.
 */
export function decodeMessage(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new Error('message too short')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.getUint32(0, true)
  if (4 + headerLength > bytes.byteLength) throw new Error('message header is truncated')
  const header = parseHeader(bytes.subarray(4, 4 + headerLength))
  const start = Math.ceil((4 + headerLength) / 8) * 8
  const arrays = header.arrays.map((ref) => {
    const Constructor = CONSTRUCTORS[ref.type]
    const byteLength = ref.length * Constructor.BYTES_PER_ELEMENT
    const begin = start + ref.byteOffset
    if (begin + byteLength > bytes.byteLength) throw new Error('message array is truncated')
    // Copy so the result owns an aligned buffer regardless of how the transport sliced it.
    const copy = bytes.slice(begin, begin + byteLength)
    return new Constructor(copy.buffer, 0, ref.length)
  })
  return revive(header.body, arrays)
}

/** The JSON header, with every array reference checked (known type, whole non-negative offset and length). */
function parseHeader(headerBytes: Uint8Array): Header {
  let header: Partial<Header> | null
  try {
    header = JSON.parse(new TextDecoder().decode(headerBytes))
  } catch {
    throw new Error('message header is not valid JSON')
  }
  if (!header || typeof header !== 'object') throw new Error('message header is not an object')
  const arrays = header.arrays ?? []
  if (!Array.isArray(arrays)) throw new Error('message header has no array list')
  for (const ref of arrays) {
    if (!ref || !Object.hasOwn(CONSTRUCTORS, ref.type))
      throw new Error(`message refers to an unknown array type ${String(ref?.type)}`)
    if (!Number.isSafeInteger(ref.byteOffset) || ref.byteOffset < 0)
      throw new Error('message array has a bad byte offset')
    if (!Number.isSafeInteger(ref.length) || ref.length < 0)
      throw new Error('message array has a bad length')
  }
  return { body: header.body, arrays }
}

/** Deepest nesting decoded; deeper bodies (never sent by the app) would overflow the stack in revive. */
const MAX_DEPTH = 1000

function revive(value: unknown, arrays: TypedArray[], depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error(`message nests deeper than ${MAX_DEPTH} levels`)
  if (Array.isArray(value)) return value.map((item) => revive(item, arrays, depth + 1))
  if (value && typeof value === 'object') {
    const ref = value as TypedRef
    if (typeof ref.$typed === 'number' && Object.keys(value).length === 1) {
      const array = arrays[ref.$typed]
      if (!array) throw new Error('message refers to a missing array')
      return array
    }
    const out: Record<string, unknown> = {}
    // defineProperty, not assignment: a "__proto__" key stays data instead of becoming the prototype.
    for (const [key, item] of Object.entries(value))
      Object.defineProperty(out, key, {
        value: revive(item, arrays, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    return out
  }
  return value
}
