/**
 * A folder of RGB-D frames → an ordered sequence: colour images paired with their depth images by
 * name (or frame number), and the one intrinsics JSON. Pure (works on paths), so it is unit-tested
 * without a browser; `F` is the browser's File in the app.
 */

/** One file of the picked folder: `path` is its path inside the folder ("rgb/0001.png"). */
export interface FolderEntry<F> {
  file: F
  path: string
}

export interface SequenceFrameFiles<F> {
  /** The colour image's path inside the folder: shown while the frame is on screen. */
  name: string
  color: F
  /** Null for a colour-only frame (depth then comes from the installed depth model). */
  depth: F | null
}

export interface PairedSequence<F> {
  frames: SequenceFrameFiles<F>[]
  intrinsics: F
  /** The intrinsics file's path inside the folder. */
  intrinsicsName: string
  /** What was left out and why (colour images without depth, depth images without colour). */
  notes: string[]
}

const IMAGE_EXTENSION = /\.(png|jpe?g)$/i
const JSON_EXTENSION = /\.json$/i
/** Name tokens that say which stream a file belongs to; dropped to find the frame's own name. */
const ROLE_TOKENS = new Set([
  'depth',
  'rgb',
  'color',
  'colour',
  'image',
  'images',
  'img',
  'sync',
  'aligned',
  'to',
])
const INTRINSICS_NAME = /intrinsic|camera|calib|^k$/i
const LISTED_NAMES = 3

/**
 * Pairs the files of a folder (see the module comment). Depth images are PNGs whose path (inside the
 * folder) has a "depth" token: "depth/0001.png", "0001_depth.png", "sync_depth_00000.png". Colour
 * images are the other PNG/JPEG files. Pairs are matched by the name without stream tokens
 * ("rgb_00000" ↔ "sync_depth_00000"), then by the last number in the name, then — when nothing
 * matched and the counts agree — by sorted order. Without any depth image the frames are colour-only.
 * @param entries paths relative to the picked folder, the folder's own name first (as a browser's
 *   `webkitRelativePath` gives them) or not.
 * @throws Error with a user-facing message: no images, no or several intrinsics JSON files, no pair.
 */
export function pairSequenceFiles<F>(entries: FolderEntry<F>[]): PairedSequence<F> {
  const root = commonRoot(entries.map((entry) => entry.path))
  const inside = entries.map((entry) => ({ ...entry, path: entry.path.slice(root.length) }))
  const images = inside.filter((entry) => IMAGE_EXTENSION.test(entry.path))
  const depths = images.filter((entry) => isDepthPath(entry.path))
  const colors = images.filter((entry) => !depths.includes(entry))
  if (colors.length === 0)
    throw new Error(
      'The folder has no colour images (PNG or JPEG). Pick a folder with colour frames, depth PNGs and an intrinsics JSON.',
    )
  const intrinsics = pickIntrinsics(inside.filter((entry) => JSON_EXTENSION.test(entry.path)))
  const notes: string[] = []
  let frames: SequenceFrameFiles<F>[]
  if (depths.length === 0) {
    frames = colors.map((entry) => ({ name: entry.path, color: entry.file, depth: null }))
  } else {
    const pairs = pairByName(colors, depths)
    frames = pairs.map(([color, depth]) => ({
      name: color.path,
      color: color.file,
      depth: depth.file,
    }))
    if (frames.length === 0)
      throw new Error(
        `No colour image of the folder matches a depth image by name or number (e.g. ${colors[0].path} and ${depths[0].path}). Name pairs alike, e.g. rgb/0001.png and depth/0001.png.`,
      )
    const pairedColors = new Set(pairs.map(([color]) => color))
    const pairedDepths = new Set(pairs.map(([, depth]) => depth))
    const lonelyColors = colors.filter((entry) => !pairedColors.has(entry))
    const lonelyDepths = depths.filter((entry) => !pairedDepths.has(entry))
    if (lonelyColors.length > 0)
      notes.push(`Left out ${describe(lonelyColors, 'colour image')} without a depth image`)
    if (lonelyDepths.length > 0)
      notes.push(`Left out ${describe(lonelyDepths, 'depth image')} without a colour image`)
  }
  frames.sort((a, b) => naturalCompare(a.name, b.name))
  return { frames, intrinsics: intrinsics.file, intrinsicsName: intrinsics.path, notes }
}

/** "0001_depth.png" → true: a PNG with a "depth" token in its path inside the folder. */
export function isDepthPath(path: string): boolean {
  return /\.png$/i.test(path) && tokensOf(path.replace(IMAGE_EXTENSION, '')).includes('depth')
}

/** The frame's own name: the file name without extension and stream tokens ("rgb_00000" → "00000"). */
export function frameKey(path: string): string {
  const fileName = path.split('/').pop() ?? path
  const tokens = tokensOf(fileName.replace(IMAGE_EXTENSION, ''))
  return tokens.filter((token) => !ROLE_TOKENS.has(token)).join('_')
}

/** The last number in the file name, as a number ("frame_0012_depth" → 12), or null. */
export function frameNumber(path: string): number | null {
  const fileName = (path.split('/').pop() ?? path).replace(IMAGE_EXTENSION, '')
  const numbers = fileName.match(/\d+/g)
  return numbers ? Number(numbers[numbers.length - 1]) : null
}

function pairByName<E extends { path: string }>(colors: E[], depths: E[]): [E, E][] {
  const pairs: [E, E][] = []
  const pairedColors = new Set<E>()
  const pairedDepths = new Set<E>()
  const pairBy = (keyOf: (path: string) => string | null) => {
    const depthByKey = uniqueIndex(
      depths.filter((depth) => !pairedDepths.has(depth)),
      keyOf,
    )
    const colorByKey = uniqueIndex(
      colors.filter((color) => !pairedColors.has(color)),
      keyOf,
    )
    for (const [key, color] of colorByKey) {
      const depth = depthByKey.get(key)
      if (!depth) continue
      pairs.push([color, depth])
      pairedColors.add(color)
      pairedDepths.add(depth)
    }
  }
  pairBy((path) => frameKey(path) || null)
  pairBy((path) => {
    const number = frameNumber(path)
    return number === null ? null : String(number)
  })
  // Names that share nothing (e.g. "a.png" and "b.png"): sorted order, when it is unambiguous.
  if (pairs.length === 0 && colors.length === depths.length) {
    const byPath = (a: E, b: E) => naturalCompare(a.path, b.path)
    const sortedDepths = [...depths].sort(byPath)
    return [...colors].sort(byPath).map((color, index) => [color, sortedDepths[index]])
  }
  return pairs
}

/** Entries by key (null: no key), leaving out keys that several entries share (they would pair by guess). */
function uniqueIndex<E extends { path: string }>(
  entries: E[],
  keyOf: (path: string) => string | null,
): Map<string, E> {
  const index = new Map<string, E>()
  const repeated = new Set<string>()
  for (const entry of entries) {
    const key = keyOf(entry.path)
    if (key === null) continue
    if (index.has(key)) repeated.add(key)
    index.set(key, entry)
  }
  for (const key of repeated) index.delete(key)
  return index
}

function pickIntrinsics<F>(jsons: FolderEntry<F>[]): FolderEntry<F> {
  if (jsons.length === 0)
    throw new Error(
      'The folder has no intrinsics JSON. Add one (e.g. intrinsics.json with {"width", "height", "fx", "fy", "cx", "cy", "depthScale"}) next to the frames.',
    )
  if (jsons.length === 1) return jsons[0]
  const named = jsons.filter((entry) =>
    INTRINSICS_NAME.test((entry.path.split('/').pop() ?? '').replace(JSON_EXTENSION, '')),
  )
  // The shallowest one wins: intrinsics.json at the top of the folder, not per-frame metadata.
  const depthOf = (entry: FolderEntry<F>) => entry.path.split('/').length
  const shallowest = Math.min(...named.map(depthOf))
  const top = named.filter((entry) => depthOf(entry) === shallowest)
  if (top.length === 1) return top[0]
  const candidates = (top.length > 0 ? top : jsons).map((entry) => entry.path)
  throw new Error(
    `The folder has several JSON files (${listNames(candidates)}) and none is clearly the intrinsics: name it intrinsics.json.`,
  )
}

function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\\/_\-.\s]+/)
    .filter(Boolean)
}

/** The folder part all paths share ("scans/"), so tokens of the picked folder's name do not count. */
function commonRoot(paths: string[]): string {
  const firstSegments = new Set(paths.map((path) => (path.includes('/') ? path.split('/')[0] : '')))
  if (firstSegments.size !== 1) return ''
  const [segment] = firstSegments
  return segment ? `${segment}/` : ''
}

function describe<E extends { path: string }>(entries: E[], noun: string): string {
  const count = entries.length
  return `${count} ${noun}${count === 1 ? '' : 's'} (${listNames(entries.map((entry) => entry.path))})`
}

function listNames(names: string[]): string {
  const shown = names.slice(0, LISTED_NAMES).join(', ')
  return names.length > LISTED_NAMES ? `${shown}, …` : shown
}

/** "frame2" before "frame10". */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })
}
