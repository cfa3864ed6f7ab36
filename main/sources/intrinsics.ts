import { z } from 'zod'
import type { Intrinsics } from '../engine/types'
import { SourceError, describeCause } from './SourceError'
import { depthScaleProblem, intrinsicsRangeProblem } from '../contract/intrinsicsRules'

/**
 * intrinsics.json: pinhole parameters in pixels (0-based pixel centres), plus an optional depth PNG scale.
 * Extra keys (notes, provenance) are allowed and ignored, so annotated fixture files load as they are.
 */
export const intrinsicsJsonSchema = z.looseObject({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fx: z.number().finite().positive(),
  fy: z.number().finite().positive(),
  cx: z.number().finite(),
  cy: z.number().finite(),
  /** Stored depth units per metre (1000 = millimetres, 5000 = TUM). */
  depthScale: z.number().finite().positive().optional(),
})

/** What an intrinsics.json file yields: the intrinsics and, when the file gives one, the depth PNG scale. */
export interface IntrinsicsFile {
  intrinsics: Intrinsics
  depthScale?: number
}

const FORMAT_HINT = 'expected {"width", "height", "fx", "fy", "cx", "cy", "depthScale"?} in pixels'

const FIELD_HELP: Record<string, string> = {
  width: 'image width in pixels, a whole number > 0',
  height: 'image height in pixels, a whole number > 0',
  fx: 'focal length in pixels, > 0',
  fy: 'focal length in pixels, > 0',
  cx: 'principal point x in pixels (0-based)',
  cy: 'principal point y in pixels (0-based)',
  depthScale: 'depth PNG units per metre, > 0 (1000 for millimetres)',
}

/**
 * Parses the text of an intrinsics.json file.
 * @param name file name or path, used only in error messages.
 * @throws SourceError naming the file and the first bad field (missing, not a number, ≤ 0, not whole), or bad JSON.
 */
export function parseIntrinsicsJson(text: string, name: string): IntrinsicsFile {
  let value: unknown
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new SourceError(
      `intrinsics ${name} is not valid JSON (${describeCause(error)}); ${FORMAT_HINT}`,
      {
        file: name,
        cause: error,
      },
    )
  }
  return parseIntrinsicsValue(value, name)
}

/**
 * Validates an already-parsed intrinsics object (e.g. fields sent with an upload) with the same rules and messages
 * as {@link parseIntrinsicsJson}.
 */
export function parseIntrinsicsValue(value: unknown, name: string): IntrinsicsFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SourceError(`intrinsics ${name} must be a JSON object; ${FORMAT_HINT}`, {
      file: name,
    })
  }
  const result = intrinsicsJsonSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = String(issue.path[0] ?? '')
    const got = (value as Record<string, unknown>)[field]
    throw new SourceError(`intrinsics ${name}: ${describeFieldProblem(field, got, issue.code)}`, {
      file: name,
      cause: result.error,
    })
  }
  const { width, height, fx, fy, cx, cy, depthScale } = result.data
  // Ranges after types, so the message for a string or NaN stays the per-field one above.
  const range = intrinsicsRangeProblem({ width, height, fx, fy, cx, cy })
  if (range) throw new SourceError(`intrinsics ${name}: field ${range.message}`, { file: name })
  const scaleProblem = depthScale === undefined ? null : depthScaleProblem(depthScale)
  if (scaleProblem)
    throw new SourceError(`intrinsics ${name}: field depthScale ${scaleProblem}`, { file: name })
  const parsed: IntrinsicsFile = { intrinsics: { width, height, fx, fy, cx, cy } }
  if (depthScale !== undefined) parsed.depthScale = depthScale
  return parsed
}

function describeFieldProblem(field: string, got: unknown, code: string): string {
  const help = FIELD_HELP[field] ?? FORMAT_HINT
  if (got === undefined) return `field ${field} is missing; add "${field}" (${help})`
  const shown = JSON.stringify(got)?.slice(0, 40) ?? String(got)
  if (typeof got !== 'number') return `field ${field} must be a number (got ${shown}); ${help}`
  if (!Number.isFinite(got)) return `field ${field} must be finite (got ${shown}); ${help}`
  if (code === 'too_small') return `field ${field} must be > 0 (got ${shown}); ${help}`
  if (!Number.isInteger(got)) return `field ${field} must be a whole number (got ${shown}); ${help}`
  return `field ${field} is invalid (got ${shown}); ${help}`
}
