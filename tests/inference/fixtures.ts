/** Shared fixtures of the inference tests: tiny models on disk, the real NanoDet-m, a built worker. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildTinyModel, type TinyOutputSpec, type TinyTensorSpec } from '../helpers/onnxBuilder'
import type { TensorData } from '../../main/inference/types'

export const ROOT = join(__dirname, '..', '..')
export const NANODET_DIR = join(ROOT, 'models', 'builtin', 'nanodet-m')
export const NANODET = join(NANODET_DIR, 'nanodet_m.onnx')
export const NANODET_INPUT = 'input.1'
export const NANODET_OUTPUTS: Record<string, number[]> = {
  '792': [1, 2704, 80],
  '814': [1, 676, 80],
  '836': [1, 169, 80],
  '795': [1, 2704, 32],
  '817': [1, 676, 32],
  '839': [1, 169, 32],
}

/** A temp folder; remove it with the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `spatial-lens-${prefix}-`))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Writes a tiny model as `<dir>/<modelId>/model.onnx` (the layout the default install hint reads). */
export function writeTinyModel(
  dir: string,
  modelId: string,
  spec: { inputs: TinyTensorSpec[]; outputs: TinyOutputSpec[] },
): string {
  mkdirSync(join(dir, modelId), { recursive: true })
  const path = join(dir, modelId, 'model.onnx')
  writeFileSync(path, buildTinyModel(spec))
  return path
}

/** The image-like tiny model most tests use: image → scores (input mean + value) and labels. */
export const TINY_DETECTOR = {
  inputs: [{ name: 'image', type: 'float32', dims: [1, 3, 'height', 'width'] }],
  outputs: [
    {
      name: 'scores',
      type: 'float32',
      dims: [1, 4],
      value: [0.1, 0.2, 0.3, 0.4],
      dependsOn: 'input-mean',
    },
    { name: 'labels', type: 'int64', dims: [1, 'n'], runtimeDims: [1, 2], value: [3, 7] },
  ],
} satisfies { inputs: TinyTensorSpec[]; outputs: TinyOutputSpec[] }

export function filledImage(value: number, height = 8, width = 8): TensorData {
  return {
    type: 'float32',
    dims: [1, 3, height, width],
    data: new Float32Array(3 * height * width).fill(value),
  }
}

export function nanodetInput(): TensorData {
  // A smooth gradient, not zeros, so the detector's outputs depend on the input.
  const data = new Float32Array(3 * 416 * 416)
  for (let i = 0; i < data.length; i++) data[i] = ((i % 416) / 416) * 2 - 1
  return { type: 'float32', dims: [1, 3, 416, 416], data }
}
