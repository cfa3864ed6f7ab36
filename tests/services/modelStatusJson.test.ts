import { describe, expect, it } from 'vitest'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ModelStore } from '../../main/models/ModelStore'
import { modelStatusFromJson, modelStatusJson } from '../../main/services/modelStatusJson'
import { generatedBytes } from '../models/localServer'
import { testManifest } from '../models/testManifest'

// The models:info reply and back: `models info` formats what the service sent as the store's status.

const bodies = {
  model: generatedBytes(1000),
  tokenizer: Buffer.from('{}'),
  builtin: generatedBytes(64, 3),
}
const cacheDirectory = mkdtempSync(join(tmpdir(), 'spatial-lens-status-json-'))
const store = new ModelStore({
  manifest: testManifest((path) => `http://127.0.0.1:9${path}`, bodies),
  cacheDirectory,
  packageRoot: cacheDirectory,
})
// pair: its model file copied in (present, no lock), its tokenizer missing.
mkdirSync(join(cacheDirectory, 'pair'), { recursive: true })
writeFileSync(join(cacheDirectory, 'pair', 'model.onnx'), bodies.model)

describe('modelStatusJson', () => {
  it('gives each file its manifest name, location and state, and comes back to the same status', () => {
    const status = store.status('pair')
    const json = modelStatusJson(status)
    expect(json.installedFiles).toEqual([
      {
        path: 'model.onnx',
        location: join(cacheDirectory, 'pair', 'model.onnx'),
        state: 'present',
        bytesOnDisk: 1000,
        lock: null,
      },
      {
        path: 'tokenizer.json',
        location: join(cacheDirectory, 'pair', 'tokenizer.json'),
        state: 'missing',
        bytesOnDisk: null,
        lock: null,
      },
    ])
    expect(json.status).toBe('partial')
    expect(modelStatusFromJson(json)).toEqual(status)
  })

  it('refuses files listed out of manifest order (they would be shown under the wrong names)', () => {
    const json = modelStatusJson(store.status('pair'))
    json.installedFiles.reverse()
    expect(() => modelStatusFromJson(json)).toThrow(/out of manifest order/)
  })
})
