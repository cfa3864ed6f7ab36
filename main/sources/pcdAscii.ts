import type { PcdField, PcdHeader } from './pcdHeader'
import { SourceError } from './SourceError'

/**
 * Reads `DATA ascii` point data: one point per line, whitespace-separated, COUNT tokens per field (padding `_`
 * fields included), in header field order.
 *
 * PCL writes a float-packed `rgb` as the decimal uint32 of its bits; older writers wrote the float itself. A plain
 * integer token is therefore read as packed bits, anything else as a float whose bits are reinterpreted.
 * @returns x y z interleaved (metres, as stored) and the packed 0xAARRGGBB colour per point, or null without colour.
 * @throws SourceError for a short line, a non-number token, or fewer points than the header says.
 */
export function readPcdAscii(
  bytes: Uint8Array,
  header: PcdHeader,
  name: string,
  xyzFields: readonly PcdField[],
  colorField: PcdField | undefined,
): { pointsInCamera: Float32Array; packedColors: Uint32Array | null } {
  const { tokensPerPoint, xyzTokens, colorToken } = tokenLayout(header, xyzFields, colorField)
  const isFloatColor = colorField?.type === 'F'
  const pointsInCamera = new Float32Array(header.points * 3)
  const packedColors = colorField === undefined ? null : new Uint32Array(header.points)
  const floatBits = new DataView(new ArrayBuffer(4))
  const text = new TextDecoder('latin1').decode(bytes.subarray(header.dataOffset))
  let point = 0
  let lineStart = 0
  let lineNumber = 0
  while (lineStart < text.length && point < header.points) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    const line = text.slice(lineStart, lineEnd).trim()
    lineStart = lineEnd + 1
    lineNumber++
    if (line === '') continue
    const tokens = line.split(/\s+/)
    if (tokens.length < tokensPerPoint) {
      throw new SourceError(
        `${name} has a short line ${lineNumber} in its ascii data (${tokens.length} values, ` +
          `${tokensPerPoint} expected); the file is truncated or damaged`,
        { file: name },
      )
    }
    for (let axis = 0; axis < 3; axis++) {
      pointsInCamera[point * 3 + axis] = asciiNumber(tokens[xyzTokens[axis]], name, lineNumber)
    }
    if (packedColors !== null) {
      const token = tokens[colorToken]
      if (!isFloatColor || /^\d+$/.test(token)) {
        packedColors[point] = asciiNumber(token, name, lineNumber) >>> 0
      } else {
        floatBits.setFloat32(0, asciiNumber(token, name, lineNumber), true)
        packedColors[point] = floatBits.getUint32(0, true)
      }
    }
    point++
  }
  if (point < header.points) {
    throw new SourceError(
      `${name} is truncated: its ascii data has ${point} points but the header says ` +
        `${header.points}; re-export or re-copy the file`,
      { file: name },
    )
  }
  return { pointsInCamera, packedColors }
}

/** Where each field's tokens start on a line (COUNT tokens per field), and how many tokens make a point. */
function tokenLayout(
  header: PcdHeader,
  xyzFields: readonly PcdField[],
  colorField: PcdField | undefined,
): { tokensPerPoint: number; xyzTokens: number[]; colorToken: number } {
  const tokenIndex = new Map<PcdField, number>()
  let tokensPerPoint = 0
  for (const field of header.fields) {
    tokenIndex.set(field, tokensPerPoint)
    tokensPerPoint += field.count
  }
  const xyzTokens = xyzFields.map((field) => tokenIndex.get(field) as number)
  const colorToken = colorField === undefined ? -1 : (tokenIndex.get(colorField) as number)
  return { tokensPerPoint, xyzTokens, colorToken }
}

function asciiNumber(token: string, name: string, lineNumber: number): number {
  const value = Number(token)
  if (!Number.isNaN(value)) return value
  if (/^[+-]?nan$/i.test(token)) return NaN
  if (/^[+-]?inf(inity)?$/i.test(token)) return token.startsWith('-') ? -Infinity : Infinity
  throw new SourceError(
    `${name} has a non-number "${token.slice(0, 20)}" on data line ${lineNumber}`,
    { file: name },
  )
}
