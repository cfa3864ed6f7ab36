import { parseArgs } from 'node:util'
import { basename } from 'node:path'
import type { ExecutionProviderName } from '../inference/types'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { rawFrameInput } from '../frames/frameLoader'
import {
  MAX_CALIBRATION_NOTE_LENGTH,
  type CalibrationJson,
  type CalibrationRunResult,
} from '../contract/calibrationChannelSchema'
import { UserError } from '../app/userError'
import { calibrateJson } from './calibrateJson'
import { parseMethod, type Method } from './calibrateMethod'
import { callService, withCliService, type CliServiceOptions } from './cliService'

/** Help text of `spatial-lens calibrate` (also printed for `calibrate --help`). */
export const CALIBRATE_USAGE = `Usage:
  spatial-lens calibrate --camera ID --depth-model <id> --rgb C --intrinsics K.json <method> [--note TEXT] [--provider P] [--json]
Methods (one):
  --depth D [--depth-scale S]                   an RGB-D frame: depth registered to the colour image (fits scale and shift)
  --known-distance "u1,v1,u2,v2,metres"         two pixels (0-based) and the true 3D distance between them; repeat for more
  --known-size "x0,y0,x1,y1,width|height,metres" a box around an object and its true width or height
Runs the depth model on the colour image, fits its output to metres and saves the fit for (camera, model) in
$SPATIAL_LENS_HOME/calibrations (else the per-user config folder). Afterwards
  spatial-lens scene --rgb C --intrinsics K.json --camera ID --depth-model <id>
uses it (as does --depth-model auto for a relative model).`

const PROVIDERS: ExecutionProviderName[] = ['cpu', 'webgpu', 'cuda']

/** What `calibrate` was asked to do, checked. */
export interface CalibrateRequest {
  cameraId: string
  modelId: string
  rgbPath: string
  intrinsicsPath: string
  method: Method
  note?: string
  provider?: ExecutionProviderName
  json: boolean
}

/**
 * The service's injections (openCliService): `models` (the models:* channels' store), `calibrations`
 * (where fits are saved), `executor` (where the model runs; default inline). The fit resolves the
 * depth model where the executor runs, from the model cache ($SPATIAL_LENS_MODELS), as scenes do.
 */
export interface CalibrateCommandOptions extends Pick<
  CliServiceOptions,
  'models' | 'calibrations' | 'executor'
> {
  /** Warnings (`warning: …` lines); default stderr. */
  warn?: (text: string) => void
}

/**
 * `spatial-lens calibrate …` (argv is what follows "calibrate"). Reads the frame's files, then fits
 * through the service's `calibration:run` (the app's channel) on the decoded frame. Returns the exit code.
 */
export async function runCalibrateCommand(
  argv: string[],
  print: (text: string) => void,
  options: CalibrateCommandOptions = {},
): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv.some((a) => a === '--help' || a === '-h')) {
    print(CALIBRATE_USAGE)
    return 0
  }
  const request = parseCalibrateArgs(argv)
  const warn = options.warn ?? ((text: string) => process.stderr.write(`${text}\n`))
  const { method } = request
  const frame = await loadRgbdFrame({
    rgbPath: request.rgbPath,
    depthPath: method.kind === 'rgbd-frame' ? method.depthPath : undefined,
    depthScale: method.kind === 'rgbd-frame' ? method.depthScale : undefined,
    intrinsicsPath: request.intrinsicsPath,
    cameraId: request.cameraId,
  })
  const { models, calibrations, executor } = options
  const result = await withCliService({ models, calibrations, executor }, (service) =>
    callService(service, 'calibration:run', {
      frame: rawFrameInput(frame, basename(request.rgbPath)),
      modelId: request.modelId,
      method: method.kind === 'rgbd-frame' ? { kind: 'rgbd-frame' } : method,
      note: request.note ?? defaultNote(request),
      provider: request.provider,
    }),
  )
  for (const warning of result.warnings) warn(`warning: ${warning}`)
  if (request.json) {
    print(JSON.stringify(calibrateJson(result), null, 2))
  } else {
    print(describeCalibration(request, result.calibration, result.modelRun))
    print(`saved to ${result.path}`)
  }
  return 0
}

/** What was measured, with the files' paths (their names alone when the paths make it too long). */
function defaultNote(request: CalibrateRequest): string {
  const note = noteText(request, (path) => path)
  if (note.length <= MAX_CALIBRATION_NOTE_LENGTH) return note
  const short = noteText(request, basename)
  return short.length <= MAX_CALIBRATION_NOTE_LENGTH
    ? short
    : `${short.slice(0, MAX_CALIBRATION_NOTE_LENGTH - 1)}…`
}

function noteText(request: CalibrateRequest, show: (path: string) => string): string {
  const method = request.method
  if (method.kind === 'rgbd-frame') return `RGB-D frame ${show(method.depthPath)}`
  if (method.kind === 'known-size')
    return `known ${method.axis} ${method.sizeM} m in ${show(request.rgbPath)}`
  return `known distance(s) ${method.distances.map((d) => `${d.distanceM} m`).join(', ')} in ${show(request.rgbPath)}`
}

const METHOD_WORDS = {
  'rgbd-frame': 'an RGB-D frame',
  'known-distance': 'known distance(s)',
  'known-size': 'a known size',
} as const

function describeCalibration(
  request: CalibrateRequest,
  c: CalibrationJson,
  run: CalibrationRunResult['modelRun'],
): string {
  const inverse = c.space === 'inverse-depth'
  const residual =
    c.residualRmsM !== null && c.residualRel !== null
      ? `${(c.residualRmsM * 100).toFixed(2)} cm RMS, ${(c.residualRel * 100).toFixed(2)} % median relative error`
      : 'not measurable (no inliers)'
  return [
    `calibrated ${request.modelId} for camera "${request.cameraId}" from ${METHOD_WORDS[c.method]} ` +
      `(${c.space} space: ${inverse ? '1/z' : 'z'} = scale · model + shift)`,
    `  scale     ${formatNumber(c.scale)}${inverse ? ' /m per model unit' : ''}`,
    `  shift     ${formatNumber(c.shift)} ${inverse ? '/m' : 'm'}`,
    `  residual  ${residual}`,
    `  points    ${c.pointCount}${c.inlierCount !== c.pointCount ? ` (${c.inlierCount} inliers)` : ''}`,
    `  model     ${request.modelId} on ${run.provider}, ${run.inferenceMs.toFixed(1)} ms`,
  ].join('\n')
}

function formatNumber(x: number): string {
  return Math.abs(x) >= 1e-3 || x === 0
    ? x.toFixed(6).replace(/0+$/, '').replace(/\.$/, '')
    : x.toExponential(4)
}

/** The flags as given. @throws UserError for an unknown or malformed one. */
function calibrateFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        camera: { type: 'string' },
        'depth-model': { type: 'string' },
        rgb: { type: 'string' },
        depth: { type: 'string' },
        'depth-scale': { type: 'string' },
        intrinsics: { type: 'string' },
        'known-distance': { type: 'string', multiple: true },
        'known-size': { type: 'string', multiple: true },
        note: { type: 'string' },
        provider: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    throw new UserError(
      `${(error as Error).message.split('\n')[0]} (see spatial-lens calibrate --help)`,
    )
  }
}

/** Parses and checks the flags; every mistake is a UserError naming the flag. */
export function parseCalibrateArgs(argv: string[]): CalibrateRequest {
  const values = calibrateFlags(argv)
  const required = (value: string | undefined, message: string) => {
    if (!value?.trim())
      throw new UserError(`calibrate needs ${message}; see spatial-lens calibrate --help`)
    return value.trim()
  }
  const cameraId = required(
    values.camera,
    '--camera ID (the id you give scene and ask with --camera; their default is "file")',
  )
  const modelId = required(
    values['depth-model'],
    '--depth-model <id> (a calibration belongs to one model; see spatial-lens models list)',
  )
  if (modelId === 'auto' || modelId === 'none') {
    throw new UserError(
      `calibrate needs a model id, not "${modelId}": a calibration belongs to one model (e.g. --depth-model depth-anything-v2-small)`,
    )
  }
  const rgbPath = required(values.rgb, '--rgb (the colour image)')
  const intrinsicsPath = required(
    values.intrinsics,
    '--intrinsics K.json ({width, height, fx, fy, cx, cy, depthScale?})',
  )
  const provider = values.provider as ExecutionProviderName | undefined
  if (provider !== undefined && !PROVIDERS.includes(provider)) {
    throw new UserError(`--provider must be one of ${PROVIDERS.join(', ')} (got "${provider}")`)
  }
  return {
    cameraId,
    modelId,
    rgbPath,
    intrinsicsPath,
    method: parseMethod(values),
    note: checkNote(values.note),
    provider,
    json: values.json ?? false,
  }
}

/** The contract keeps at most MAX_CALIBRATION_NOTE_LENGTH characters; said here in the flag's terms. */
function checkNote(note: string | undefined): string | undefined {
  if (note !== undefined && note.length > MAX_CALIBRATION_NOTE_LENGTH) {
    throw new UserError(
      `--note is ${note.length} characters; at most ${MAX_CALIBRATION_NOTE_LENGTH} are kept with a calibration`,
    )
  }
  return note
}
