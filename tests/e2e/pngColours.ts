import { decode } from 'fast-png'

/** Number of distinct RGB colours in a PNG (alpha ignored): a blank or flat canvas has only a few. */
export function countDistinctColours(png: Uint8Array): number {
  const image = decode(png)
  const { data, channels } = image
  if (image.depth !== 8 || channels < 3)
    throw new Error(`expected an 8-bit RGB(A) screenshot, got ${image.depth}-bit × ${channels}`)
  const colours = new Set<number>()
  for (let i = 0; i < data.length; i += channels)
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2])
  return colours.size
}
