import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { decode } from 'fast-png'
import { buildTinyModel } from '../helpers/onnxBuilder'
import { bundledManifest, findModel } from '../../main/models/manifest'
import type { ModelFile } from '../../main/contract/manifestSchema'
import { SYNTHETIC } from '../helpers/syntheticTabletop'

/**
 * Fixtures for CLI tests of monocular depth: tiny ONNX models with a depth model's graph signature
 * installed into a temporary model cache the way an offline user copies files
 * (`<cache>/<model id>/<file path>`), and the synthetic 640×480 frame.
 */

export const WIDTH = 640
export const HEIGHT = 480
export const COLOR_640 = join(SYNTHETIC, 'scene_640x480_color.png')
export const DEPTH_640 = join(SYNTHETIC, 'scene_640x480_depth.png')
export const K640 = {
  width: WIDTH,
  height: HEIGHT,
  fx: 525,
  fy: 525,
  cx: 319.5,
  cy: 239.5,
  depthScale: 1000,
}

export function tempDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `spatial-lens-${prefix}-`))
}

/** Writes K640 as intrinsics.json in `directory`; returns its path. */
export function writeIntrinsics(directory: string): string {
  const path = join(directory, 'K640.json')
  writeFileSync(path, JSON.stringify(K640))
  return path
}

/** The synthetic frame's sensor depth, metres (0 = no depth), decoded independently of our loaders. */
export function syntheticDepthMetres(): Float32Array {
  const png = decode(readFileSync(DEPTH_640))
  return Float32Array.from(png.data as ArrayLike<number>, (mm) => mm / 1000)
}

/** The manifest's model file (role 'model') of a depth model: path, published size, signature. */
export function manifestModelFile(modelId: string): ModelFile {
  const file = findModel(bundledManifest(), modelId).files.find((f) => f.role === 'model')
  if (!file?.signature)
    throw new Error(`${modelId} has no model file with a signature in the manifest`)
  return file
}

/**
 * A model with exactly the manifest's signature for `modelId` (first input → first output) whose
 * output is a fixed map: one value (broadcast) or WIDTH·HEIGHT values at the image's resolution. It
 * ignores the image's content but consumes it, so onnxruntime checks the input's shape. A map of
 * the image's size comes back unchanged (align-corners upsampling to the same size is the identity).
 */
export function tinyDepthModelFor(modelId: string, values: ArrayLike<number>): Uint8Array {
  const { inputs, outputs } = manifestModelFile(modelId).signature!
  const [input, output] = [inputs[0], outputs[0]]
  return buildTinyModel({
    inputs: [{ name: input.name, type: 'float32', dims: input.dims }],
    outputs: [
      {
        name: output.name,
        type: 'float32',
        dims: output.dims,
        value: values,
        runtimeDims: values.length > 1 ? [1, HEIGHT, WIDTH] : output.dims.map(() => 1),
      },
    ],
  })
}

/**
 * Copies the stand-in into `<cache>/<model id>/<file path>`, as an offline install does. Where the
 * manifest publishes the file's size, the stand-in is padded to it (the store checks sizes when it
 * resolves a file; only `models verify` hashes, and would reject it).
 */
export function installTinyDepthModel(
  cache: string,
  modelId: string,
  values: ArrayLike<number>,
): string {
  const file = manifestModelFile(modelId)
  const model = tinyDepthModelFor(modelId, values)
  return installModelFile(
    cache,
    modelId,
    file.path,
    file.bytes ? padModelTo(model, file.bytes) : model,
  )
}

/**
 * Pads a serialized ModelProto to exactly `size` bytes with a doc_string (field 6), which
 * onnxruntime ignores.
 */
export function padModelTo(model: Uint8Array, size: number): Uint8Array {
  const varintLength = (n: number) =>
    n < 2 ** 7 ? 1 : n < 2 ** 14 ? 2 : n < 2 ** 21 ? 3 : n < 2 ** 28 ? 4 : 5
  for (let lengthBytes = 1; lengthBytes <= 5; lengthBytes++) {
    const payload = size - model.length - 1 - lengthBytes
    if (payload < 0 || varintLength(payload) !== lengthBytes) continue
    const out = new Uint8Array(size)
    out.set(model)
    let offset = model.length
    out[offset++] = (6 << 3) | 2
    for (let n = payload; ; n = Math.floor(n / 128)) {
      out[offset++] = n >= 128 ? (n % 128) | 128 : n
      if (n < 128) break
    }
    out.fill(0x20, offset)
    return out
  }
  throw new Error(`cannot pad a ${model.length}-byte model to ${size} bytes`)
}

/** Copies a model file into `<cache>/<model id>/<file path>`, as an offline install does. */
export function installModelFile(
  cache: string,
  modelId: string,
  filePath: string,
  bytes: Uint8Array,
): string {
  const path = join(cache, modelId, filePath)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, bytes)
  return path
}

/** The environment for a CLI run against a temporary model cache and calibration home. */
export function cliEnvironment(cache: string, home: string): NodeJS.ProcessEnv {
  return { ...process.env, SPATIAL_LENS_MODELS: cache, SPATIAL_LENS_HOME: home }
}
