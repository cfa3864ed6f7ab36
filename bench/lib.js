// Pure helpers for bench/run.js: parsing child-process output, mapping stages, accuracy, formatting.
// No I/O here, so tests/bench/lib.test.ts can check them without Open3D or the CLI.

/** Our stages (CLI `timingsMs` keys) grouped onto the Open3D reference's stages (`stagesMs` keys). */
export const STAGE_MAP = [
  { stage: 'backproject', ours: ['noise', 'filter', 'backproject'], open3d: ['backproject'] },
  { stage: 'voxel', ours: ['voxel'], open3d: ['voxel'] },
  { stage: 'plane', ours: ['plane'], open3d: ['plane'] },
  { stage: 'cluster', ours: ['segment', 'cluster'], open3d: ['cluster'] },
  { stage: 'boxes', ours: ['boxes', 'naming'], open3d: ['boxes'] },
  // Full-object (amodal) boxes: Open3D's reference has no such stage (its boxes are the visible points' boxes).
  { stage: 'amodal', ours: ['amodal'], open3d: [] },
]

/** The synthetic-tabletop camera: fx = fy = 525·W/640, cx = (W−1)/2, cy = (H−1)/2, depth in mm. */
export function syntheticIntrinsics(width, height) {
  const f = (525 * width) / 640
  return {
    width,
    height,
    fx: f,
    fy: f,
    cx: (width - 1) / 2,
    cy: (height - 1) / 2,
    depthScale: 1000,
  }
}

/** "640x480" → { width: 640, height: 480 }; throws on anything else. */
export function parseResolution(text) {
  const match = /^(\d+)x(\d+)$/.exec(String(text).trim())
  if (!match) throw new Error(`bad resolution "${text}": expected WIDTHxHEIGHT, e.g. 640x480`)
  return { width: Number(match[1]), height: Number(match[2]) }
}

/**
 * The one JSON object a child printed on stdout. Accepts the whole output as one (possibly pretty-printed)
 * object, or else takes the last line that parses as an object (so a stray log line before it is tolerated).
 * @param {string} stdout
 * @param {string} source who printed it, for the error message
 */
export function parseJsonOutput(stdout, source) {
  const text = String(stdout ?? '').trim()
  if (text === '') throw new Error(`${source} printed nothing on stdout (expected one JSON object)`)
  const whole = tryParseObject(text)
  if (whole) return whole
  const lines = text.split(/\r?\n/)
  for (let i = lines.length - 1; i >= 0; i--) {
    const value = tryParseObject(lines[i].trim())
    if (value) return value
  }
  throw new Error(`${source} did not print a JSON object on stdout; it printed:\n${excerpt(text)}`)
}

function tryParseObject(text) {
  if (!text.startsWith('{')) return null
  try {
    const value = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null
  } catch {
    return null
  }
}

/** The first and last few lines of a long text, for error messages. */
export function excerpt(text, maxLines = 12) {
  const lines = String(text ?? '')
    .trimEnd()
    .split(/\r?\n/)
  if (lines.length <= maxLines) return lines.map((l) => `  | ${l}`).join('\n')
  const head = lines.slice(0, Math.ceil(maxLines / 2))
  const tail = lines.slice(-Math.floor(maxLines / 2))
  return [...head, `  ... (${lines.length - maxLines} lines) ...`, ...tail]
    .map((l) => `  | ${l}`)
    .join('\n')
}

const isFiniteNumber = (x) => typeof x === 'number' && Number.isFinite(x)
const isVec3 = (v) => Array.isArray(v) && v.length === 3 && v.every(isFiniteNumber)

/**
 * Checks our CLI's `scene --json` output: { timingsMs: {stage: ms}, totalMs, objects: [{centerInCamera}] }.
 * @returns the same object; throws naming the first missing or malformed field.
 */
export function validateOurs(value) {
  return validateRun(value, 'timingsMs', 'our CLI (scene --json)')
}

/** Checks bench/open3d_reference.py's output: { stagesMs: {stage: ms}, totalMs, objects: [{centerInCamera}] }. */
export function validateOpen3d(value) {
  return validateRun(value, 'stagesMs', 'open3d_reference.py')
}

function validateRun(value, stagesKey, source) {
  const fail = (what) => {
    throw new Error(
      `${source}: ${what}; got keys: ${Object.keys(value ?? {}).join(', ') || '(none)'}`,
    )
  }
  if (!value || typeof value !== 'object') fail('output is not a JSON object')
  const stages = value[stagesKey]
  if (!stages || typeof stages !== 'object') fail(`missing "${stagesKey}" (median ms per stage)`)
  for (const [key, ms] of Object.entries(stages)) {
    if (!isFiniteNumber(ms)) fail(`"${stagesKey}.${key}" is not a number (${JSON.stringify(ms)})`)
  }
  if (!isFiniteNumber(value.totalMs)) fail('missing or non-numeric "totalMs"')
  if (!Array.isArray(value.objects)) fail('missing "objects" array')
  value.objects.forEach((object, i) => {
    if (!isVec3(object?.centerInCamera))
      fail(`objects[${i}].centerInCamera is not [x, y, z] in metres`)
  })
  return value
}

const medianOf = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Several rounds of one side's validated output → one: the median of the rounds for every stage and the total,
 * everything else (objects, plane) from the last round. `stagesKey` is "timingsMs" (ours) or "stagesMs" (Open3D).
 */
export function combineRounds(rounds, stagesKey) {
  if (rounds.length === 0) throw new Error('combineRounds: no rounds')
  const last = rounds[rounds.length - 1]
  if (rounds.length === 1) return last
  const stages = {}
  for (const key of Object.keys(last[stagesKey])) {
    const values = rounds.map((r) => r[stagesKey][key]).filter(isFiniteNumber)
    if (values.length) stages[key] = medianOf(values)
  }
  return {
    ...last,
    [stagesKey]: stages,
    totalMs: medianOf(rounds.map((r) => r.totalMs)),
    rounds: rounds.map((r) => ({ [stagesKey]: r[stagesKey], totalMs: r.totalMs })),
  }
}

const sumOf = (stages, keys) => {
  let total = 0
  let found = 0
  for (const key of keys) {
    if (isFiniteNumber(stages?.[key])) {
      total += stages[key]
      found++
    }
  }
  return found > 0 ? total : null
}

/** Ours / Open3D, or null when either side is missing or Open3D's is 0. */
export function ratio(oursMs, open3dMs) {
  if (!isFiniteNumber(oursMs) || !isFiniteNumber(open3dMs) || open3dMs <= 0) return null
  return oursMs / open3dMs
}

/**
 * Rows of the comparison table: one per mapped stage; "unmapped" when our CLI reports a stage the map does not
 * know (ours only); "stages Σ" (sum of the per-stage medians); "total" (median of whole runs, as each side
 * reports it). Medians of stages need not add up to the median total, so both sums are shown.
 * @param ours validated CLI output, or null
 * @param open3d validated reference output, or null (not available)
 */
export function compareStages(ours, open3d) {
  const row = (stage, oursStages, open3dStages, oursMs, open3dMs) => ({
    stage,
    oursStages,
    open3dStages,
    oursMs,
    open3dMs,
    ratio: ratio(oursMs, open3dMs),
  })
  const rows = STAGE_MAP.map(({ stage, ours: ourKeys, open3d: theirKeys }) =>
    row(
      stage,
      ourKeys,
      theirKeys,
      ours ? sumOf(ours.timingsMs, ourKeys) : null,
      open3d ? sumOf(open3d.stagesMs, theirKeys) : null,
    ),
  )
  const mappedOurs = new Set(STAGE_MAP.flatMap((m) => m.ours))
  const unmapped = ours ? Object.keys(ours.timingsMs).filter((k) => !mappedOurs.has(k)) : []
  if (unmapped.length > 0)
    rows.push(row('unmapped', unmapped, [], sumOf(ours.timingsMs, unmapped), null))
  const allOpen3d = open3d ? Object.keys(open3d.stagesMs) : []
  rows.push(
    row(
      'stages Σ',
      [],
      [],
      ours ? sumOf(ours.timingsMs, Object.keys(ours.timingsMs)) : null,
      open3d ? sumOf(open3d.stagesMs, allOpen3d) : null,
    ),
  )
  rows.push(row('total', [], [], ours ? ours.totalMs : null, open3d ? open3d.totalMs : null))
  return rows
}

const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

/** Matches farther than this are not counted as finding that object (reported as missed + extra). */
export const MAX_MATCH_M = 0.1

/**
 * Centre accuracy against the ground truth, in the camera frame: each ground-truth object is matched to the
 * nearest predicted centre, one to one (closest pairs first), up to MAX_MATCH_M.
 * @param objects [{centerInCamera}]
 * @param truth [{name, centre_camera}]
 */
export function centreAccuracy(objects, truth, maxMatchM = MAX_MATCH_M) {
  const pairs = []
  truth.forEach((t, ti) =>
    objects.forEach((o, oi) =>
      pairs.push({ ti, oi, d: distance(o.centerInCamera, t.centre_camera) }),
    ),
  )
  pairs.sort((a, b) => a.d - b.d)
  const usedTruth = new Set()
  const usedObject = new Set()
  const matches = []
  for (const { ti, oi, d } of pairs) {
    if (d > maxMatchM) break
    if (usedTruth.has(ti) || usedObject.has(oi)) continue
    usedTruth.add(ti)
    usedObject.add(oi)
    matches.push({ name: truth[ti].name, object: oi, errorM: d })
  }
  matches.sort(
    (a, b) => truth.findIndex((t) => t.name === a.name) - truth.findIndex((t) => t.name === b.name),
  )
  const errors = matches.map((m) => m.errorM)
  return {
    objectCount: objects.length,
    truthCount: truth.length,
    matched: matches.length,
    missed: truth.filter((_, i) => !usedTruth.has(i)).map((t) => t.name),
    extra: objects.length - matches.length,
    meanErrorM: errors.length ? errors.reduce((s, x) => s + x, 0) / errors.length : null,
    maxErrorM: errors.length ? Math.max(...errors) : null,
    matches,
  }
}

/** Angle in degrees between two plane normals (sign-insensitive), or null when either is missing. */
export function normalAngleDeg(a, b) {
  if (!isVec3(a) || !isVec3(b)) return null
  const dot =
    Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (Math.hypot(...a) * Math.hypot(...b))
  return (Math.acos(Math.min(1, dot)) * 180) / Math.PI
}

const fmtMs = (ms) => (isFiniteNumber(ms) ? ms.toFixed(2) : '—')
const fmtRatio = (r) => (isFiniteNumber(r) ? `${r.toFixed(2)}×` : '—')

/** A plain-text table: stage | ours ms | open3d ms | ratio (+ which stages were summed). */
export function formatStageTable(rows) {
  const header = ['stage', 'ours ms', 'open3d ms', 'ours/o3d', 'ours = …']
  const body = rows.map((r) => [
    r.stage,
    fmtMs(r.oursMs),
    fmtMs(r.open3dMs),
    fmtRatio(r.ratio),
    r.oursStages.length > 1 ? r.oursStages.join('+') : '',
  ])
  return formatTable(header, body, [false, true, true, true, false])
}

const SUMMARY_ROWS = new Set(['stages Σ', 'total'])

/** Aligned columns; rightAlign[i] right-aligns column i. A rule goes under the header and above the first summary row ("stages Σ" or "total"). */
export function formatTable(header, body, rightAlign = []) {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => String(row[i]).length)),
  )
  const line = (cells) =>
    cells
      .map((c, i) => (rightAlign[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const lines = [line(header), rule]
  body.forEach((row, i) => {
    if (i > 0 && SUMMARY_ROWS.has(row[0]) && !SUMMARY_ROWS.has(body[i - 1][0])) lines.push(rule)
    lines.push(line(row))
  })
  return lines.join('\n')
}

/** One accuracy line, e.g. "ours    6/6 objects (0 extra), centre error mean 0.62 cm, max 1.10 cm". */
export function formatAccuracy(label, accuracy, planeAngleDeg = null) {
  if (!accuracy) return `${label}: not run`
  const cm = (m) => (isFiniteNumber(m) ? `${(m * 100).toFixed(2)} cm` : '—')
  const missed = accuracy.missed.length ? `, missed ${accuracy.missed.join(', ')}` : ''
  const plane = isFiniteNumber(planeAngleDeg)
    ? `, plane normal off by ${planeAngleDeg.toFixed(2)}°`
    : ''
  return (
    `${label}: ${accuracy.objectCount} objects for ${accuracy.truthCount} true ` +
    `(${accuracy.matched} matched, ${accuracy.extra} extra${missed}), ` +
    `centre error mean ${cm(accuracy.meanErrorM)}, max ${cm(accuracy.maxErrorM)}${plane}`
  )
}
