import { createHash } from 'node:crypto'
import type { ModelEntry, ModelManifest } from '../../main/contract/manifestSchema'

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

const signature = {
  inputs: [
    { name: 'pixel_values', dtype: 'float32' as const, dims: ['batch_size', 3, 'height', 'width'] },
  ],
  outputs: [
    {
      name: 'predicted_depth',
      dtype: 'float32' as const,
      dims: ['batch_size', 'height', 'width'],
      units: 'metres',
    },
  ],
  source: 'test',
}

function entry(id: string, install: ModelEntry['install'], files: ModelEntry['files']): ModelEntry {
  return {
    id,
    name: `Test ${id}`,
    task: 'metric-depth',
    install,
    isOptional: false,
    files,
    preprocess: {
      input: 'pixel_values',
      file: files[0].path,
      resize: { rule: 'stretch', width: 8, height: 8, description: 'test' },
      colorOrder: 'RGB',
      layout: 'NCHW',
      scale: 1 / 255,
      mean: [0, 0, 0],
      std: [1, 1, 1],
    },
    licence: {
      id: 'Apache-2.0',
      url: 'https://www.apache.org/licenses/LICENSE-2.0',
      isCommercialUseAllowed: true,
    },
    provenance: {
      upstream: 'https://example.org/upstream',
      exportedBy: 'tests',
      revision: 'test',
      note: 'generated in the test',
    },
    ...(install === 'manual'
      ? { installHint: 'export it yourself and copy it into the models folder' }
      : {}),
    notes: [],
  }
}

/**
 * A manifest over a local test server (built as plain objects: the schema's https rule is for the
 * shipped manifest). `published`: hash + size known; `tofu`: nothing published; a two-file model;
 * a built-in one; a manual one.
 */
export function testManifest(
  url: (path: string) => string,
  bodies: { model: Buffer; tokenizer: Buffer; builtin: Buffer },
): ModelManifest {
  return {
    schemaVersion: 1,
    models: [
      entry('published', 'download', [
        {
          role: 'model',
          path: 'model.onnx',
          urls: [url('/model')],
          sha256: sha256Of(bodies.model),
          bytes: bodies.model.length,
          hashSource: 'test',
          signature,
        },
      ]),
      entry('tofu', 'download', [
        {
          role: 'model',
          path: 'model.onnx',
          urls: [url('/model')],
          sha256: null,
          bytes: null,
          hashSource: 'test',
          signature,
        },
      ]),
      entry('pair', 'download', [
        {
          role: 'model',
          path: 'model.onnx',
          urls: [url('/model')],
          sha256: sha256Of(bodies.model),
          bytes: bodies.model.length,
          hashSource: 'test',
          signature,
        },
        {
          role: 'tokenizer',
          path: 'tokenizer.json',
          urls: [url('/tokenizer')],
          sha256: null,
          bytes: null,
          hashSource: 'test',
        },
      ]),
      entry('corrupt-upstream', 'download', [
        {
          role: 'model',
          path: 'model.onnx',
          urls: [url('/other')],
          sha256: sha256Of(bodies.model),
          bytes: null,
          hashSource: 'test',
          signature,
        },
      ]),
      entry('flaky', 'download', [
        {
          role: 'model',
          path: 'model.onnx',
          urls: [url('/drop')],
          sha256: sha256Of(bodies.model),
          bytes: bodies.model.length,
          hashSource: 'test',
          signature,
        },
      ]),
      entry('builtin', 'builtin', [
        {
          role: 'model',
          path: 'b.onnx',
          urls: [],
          builtinPath: 'models/builtin/b/b.onnx',
          sha256: sha256Of(bodies.builtin),
          bytes: bodies.builtin.length,
          hashSource: 'test',
          signature,
        },
      ]),
      entry('manual', 'manual', [
        {
          role: 'model',
          path: 'model.onnx',
          urls: [],
          sha256: null,
          bytes: null,
          hashSource: 'test',
          signature,
        },
      ]),
    ],
  }
}
