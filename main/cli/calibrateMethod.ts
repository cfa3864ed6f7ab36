/** The calibration method of `spatial-lens calibrate`, from its flags: an RGB-D frame, known distances or a known size. */
import type { KnownDistance } from '../engine/depth/calibrateFromMeasurements'
import type { CalibrationMethodInput } from '../contract/calibrationChannelSchema'
import { UserError } from '../app/userError'

/** `--depth` (read here, sent as the frame's depth), else the contract's pixel methods as they are sent. */
export type Method =
  | { kind: 'rgbd-frame'; depthPath: string; depthScale?: number }
  | Extract<CalibrationMethodInput, { kind: 'known-pixel-distances' | 'known-size' }>

/**
 * The one method the flags give. @throws UserError naming the flag for none or several methods, a stray
 * --depth-scale, or a malformed value.
 */
export function parseMethod(values: {
  depth?: string
  'depth-scale'?: string
  'known-distance'?: string[]
  'known-size'?: string[]
}): Method {
  const distances = values['known-distance'] ?? []
  const sizes = values['known-size'] ?? []
  const given = [values.depth !== undefined, distances.length > 0, sizes.length > 0].filter(
    Boolean,
  ).length
  if (given !== 1) {
    throw new UserError(
      `${given === 0 ? 'calibrate needs a method' : 'give only one method'}: --depth D (an RGB-D frame), --known-distance "u1,v1,u2,v2,metres" ` +
        '(repeatable) or --known-size "x0,y0,x1,y1,width|height,metres"',
    )
  }
  if (values['depth-scale'] !== undefined && values.depth === undefined)
    throw new UserError('--depth-scale applies only with --depth')
  if (values.depth !== undefined) {
    const text = values['depth-scale']
    const depthScale = text === undefined ? undefined : Number(text)
    if (depthScale !== undefined && !(depthScale > 0 && depthScale < Infinity)) {
      throw new UserError(`--depth-scale must be a positive number (got "${text}")`)
    }
    return { kind: 'rgbd-frame', depthPath: values.depth, depthScale }
  }
  if (distances.length > 0)
    return { kind: 'known-pixel-distances', distances: distances.map(parseKnownDistance) }
  if (sizes.length > 1)
    throw new UserError('give one --known-size (several known lengths: repeat --known-distance)')
  return parseKnownSize(sizes[0])
}

function numbers(parts: string[], flag: string, text: string): number[] {
  return parts.map((part) => {
    const value = part.trim() === '' ? Number.NaN : Number(part)
    if (!Number.isFinite(value))
      throw new UserError(`${flag} "${text}": "${part.trim()}" is not a number`)
    return value
  })
}

function parseKnownDistance(text: string): KnownDistance {
  const parts = text.split(',')
  if (parts.length !== 5)
    throw new UserError(
      `--known-distance "${text}": expected "u1,v1,u2,v2,metres" (5 numbers, pixels 0-based)`,
    )
  const [u1, v1, u2, v2, distanceM] = numbers(parts, '--known-distance', text)
  if (!(distanceM > 0))
    throw new UserError(
      `--known-distance "${text}": the distance must be a positive number of metres`,
    )
  return { a: [u1, v1], b: [u2, v2], distanceM }
}

function parseKnownSize(text: string): Extract<Method, { kind: 'known-size' }> {
  const parts = text.split(',')
  const axis = parts[4]?.trim()
  if (parts.length !== 6 || (axis !== 'width' && axis !== 'height')) {
    throw new UserError(
      `--known-size "${text}": expected "x0,y0,x1,y1,width|height,metres" (a box in pixels, the axis, the true size)`,
    )
  }
  const [x0, y0, x1, y1, sizeM] = numbers([...parts.slice(0, 4), parts[5]], '--known-size', text)
  if (!(sizeM > 0))
    throw new UserError(`--known-size "${text}": the size must be a positive number of metres`)
  return { kind: 'known-size', box: [x0, y0, x1, y1], axis, sizeM }
}
