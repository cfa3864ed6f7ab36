import type { Vec3 } from '../types'

/** A basic colour word for an sRGB colour (0–255), for descriptive object names. */
export function colorName([r, g, b]: Vec3): string {
  const max = Math.max(r, g, b) / 255
  const min = Math.min(r, g, b) / 255
  const value = max
  const saturation = max === 0 ? 0 : (max - min) / max
  if (value < 0.18) return 'black'
  if (saturation < 0.18) return value > 0.75 ? 'white' : value < 0.4 ? 'dark grey' : 'grey'
  const hue = hueDegrees(r, g, b)
  if (hue < 15 || hue >= 345) return value < 0.45 ? 'dark red' : 'red'
  if (hue < 40) return value < 0.6 ? 'brown' : 'orange'
  if (hue < 70) return value < 0.5 ? 'olive' : 'yellow'
  if (hue < 165) return 'green'
  if (hue < 200) return 'teal'
  if (hue < 255) return 'blue'
  if (hue < 290) return 'purple'
  return 'pink'
}

function hueDegrees(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const delta = max - min
  if (delta === 0) return 0
  let hue: number
  if (max === r) hue = ((g - b) / delta) % 6
  else if (max === g) hue = (b - r) / delta + 2
  else hue = (r - g) / delta + 4
  hue *= 60
  return hue < 0 ? hue + 360 : hue
}
