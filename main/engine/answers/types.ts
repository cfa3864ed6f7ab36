/**
 * Answer types of the spatial question engine (SpatialVLM / VQASynth / SpatialRGPT question types).
 *
 * Units: lengths are always metres, volumes cubic metres, angles radians unless a field says degrees.
 * Positions are in the scene's world frame (gravity-aligned, z up, origin on the support plane under the camera,
 * x right, y forward) unless the field name says `InCamera` (OpenCV camera frame: x right, y down, z forward).
 * Pure TypeScript: no node, DOM or electron.
 */

import type { DepthSource, FrameKind, Intrinsics, Vec3 } from '../types'

/** Yes/no questions about a pair (A, B): "is A left of B?". */
export type PredicateKind =
  | 'left'
  | 'right'
  | 'above'
  | 'below'
  | 'front'
  | 'behind'
  | 'wider'
  | 'thinner'
  | 'bigger'
  | 'smaller'
  | 'taller'
  | 'shorter'

/** "Which is …, A or B?" questions; the answer is the chosen object's name. */
export type ChoiceKind =
  | 'left_choice'
  | 'right_choice'
  | 'above_choice'
  | 'below_choice'
  | 'tall_choice'
  | 'short_choice'
  | 'big_choice'
  | 'small_choice'
  | 'wide_choice'
  | 'thin_choice'
  | 'front_choice'
  | 'behind_choice'
  | 'close_choice'
  | 'far_choice'

/** Metric questions about a pair of objects. */
export type PairQuantityKind =
  'distance' | 'gap' | 'horizontal_distance' | 'vertical_distance' | 'direction' | 'fits_between'

/** Metric questions about a single object. */
export type SingleQuantityKind = 'width' | 'height' | 'depth' | 'volume'

/** Answers that could not be computed. */
export type ErrorKind = 'unknown_object' | 'ambiguous_object' | 'unsupported'

/**
 * Kinds of the compositional grammar (main/engine/questions): distance from the camera, elevation above the support
 * plane or another object, length, counts, lists, superlatives, differences, three-place comparisons, support.
 */
export type GrammarKind =
  | 'camera_distance'
  | 'elevation'
  | 'length'
  | 'count'
  | 'list'
  | 'superlative'
  | 'difference'
  | 'closer_than'
  | 'farther_than'
  | 'support'
  | 'near'
  | 'location'
  | 'within'
  | 'what_if'

export type AnswerKind =
  PredicateKind | ChoiceKind | PairQuantityKind | SingleQuantityKind | GrammarKind | ErrorKind

/**
 * Unit of `Answer.value`: 'm' metres, 'm3' cubic metres, 'clock' integer hour 1–12, 'bool' yes/no,
 * 'name' an object name, 'count' a whole number of objects, 'names' object names joined by ", ",
 * null for error answers. A unit the user asked in ("in inches") changes the text only, never `value`.
 */
export type AnswerUnit = 'm' | 'clock' | 'bool' | 'name' | 'm3' | 'count' | 'names' | null

/** An object the answer refers to, copied from the scene. */
export interface AnswerObject {
  name: string
  label: string
  /** Centre of the fitted solid, world frame, metres. */
  centerInWorld: Vec3
  /** Same centre in the camera frame (OpenCV), metres. */
  centerInCamera: Vec3
  /** Box extents, metres: width along the yawed box axis, depth across it, height along world z. */
  sizeM: { width: number; depth: number; height: number }
  /** Rotation of the width axis from world +x about world +z, radians. */
  yawRad: number
  /** Number of full-resolution points behind the box. */
  pointCount: number
}

/** Where the numbers came from. */
export interface AnswerProvenance {
  depthSource: DepthSource
  /** For monocular depth: the model, the calibration and its residual, in one line. */
  depthNote?: string
  intrinsics: Intrinsics
  frameKind: FrameKind
  /** Why the camera fallback frame was used, when it was. */
  frameNote?: string
  /** Support plane n·p + d = 0 in the camera frame (unit normal up), or null without one. */
  plane: { normal: Vec3; offset: number } | null
  /** Point count per referenced object name. */
  pointCounts: Record<string, number>
  /** Short text: how the value was computed. */
  method: string
}

/** What a 3D viewer should draw for the answer; all points world frame, metres. */
export type AnswerGeometry =
  | {
      /** A measured length: centre-to-centre, closest points of a gap, an object extent, a free gap. */
      kind: 'segment'
      fromInWorld: Vec3
      toInWorld: Vec3
      /** Length of the drawn quantity, metres (may be ≤ 0 for overlapping gaps). */
      lengthM: number
      /** Readable label, e.g. "12.5 cm". */
      label: string
    }
  | {
      /** A direction in the horizontal plane, from A's centre towards B, drawn at A's centre height. */
      kind: 'arrow'
      fromInWorld: Vec3
      toInWorld: Vec3
      /** Clock hour 1–12 (12 = world +y forward, 3 = world +x right). */
      clockHour: number
      label: string
    }
  | {
      /** A comparison or a single object: highlight these objects; `primary` is the subject or the chosen one. */
      kind: 'highlight'
      names: string[]
      primary: string | null
    }

/** Extra machine-readable numbers behind an answer (only the fields that apply are set). */
export interface AnswerDetail {
  /** Name of the compared quantity, e.g. "centre x", "width", "volume". */
  comparedQuantity?: string
  /** Compared value of A and of B (metres, or m³ for volume). */
  valueA?: number
  valueB?: number
  /** Free gap along the line joining the centres (fits_between, gap), metres; ≤ 0 when overlapping. */
  gapM?: number
  /** Closest distance between the two footprints in the horizontal plane, metres. */
  narrowestGapM?: number
  /** Width asked about in fits_between, metres. */
  requiredWidthM?: number
  /** Direction: angle clockwise from world +y, degrees in [0, 360). */
  angleDeg?: number
  /** Signed Δ (B − A) of the centres, world frame, metres. */
  deltaInWorld?: Vec3
  /** Reference object name of a "closer to C" choice ("camera" when none). */
  reference?: string
  /** unknown_object: the phrase that matched no object. */
  unknownName?: string
  /** ambiguous_object: the candidate names. */
  candidates?: string[]
  /** unsupported: example question forms. */
  examples?: string[]
  /** count / list / superlative: the object names (superlative: ranked, best first). */
  names?: string[]
  /** Phrases of the question the grammar did not use; the text says they were ignored. */
  ignored?: string[]
  /** Length unit the question asked for ('m' | 'cm' | 'mm' | 'in' | 'ft'); the text uses it, `value` stays metres. */
  askedUnit?: string
  /** What the grammar understood, in words (also on refusals). */
  understood?: string
  /** Misspelt object words read as scene words, e.g. ['"labtop" as "laptop"']; the text says so too. */
  corrected?: string[]
}

/** One answer to one question. */
export interface Answer {
  question: string
  kind: AnswerKind
  /** Readable sentence; lengths in cm below 1 m, m above, at most 2 decimals. */
  text: string
  /** Metres for lengths, m³ for volumes, integer hour for clock, boolean, object name, null on errors. */
  value: number | boolean | string | null
  unit: AnswerUnit
  objects: AnswerObject[]
  provenance: AnswerProvenance
  geometry?: AnswerGeometry
  detail?: AnswerDetail
}
