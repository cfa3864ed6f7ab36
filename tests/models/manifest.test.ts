import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { activeManifest, bundledManifest } from '../../main/models/manifest'
import { modelManifestSchema, type ModelEntry } from '../../main/contract/manifestSchema'

const ROOT = join(__dirname, '..', '..')
const manifest = modelManifestSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'models', 'manifest.json'), 'utf8')),
)
const byId = (id: string): ModelEntry => {
  const entry = manifest.models.find((model) => model.id === id)
  if (!entry) throw new Error(`manifest has no ${id}`)
  return entry
}
const GRAPH_ROLES = ['model', 'encoder', 'decoder', 'embeddings']

describe('models/manifest.json', () => {
  it('parses with the schema, and the bundled copy is the same', () => {
    expect(bundledManifest()).toEqual(manifest)
  })

  it('every entry is complete: files, signatures with units, pre-processing, licence, provenance', () => {
    for (const model of manifest.models) {
      expect(model.files.length, model.id).toBeGreaterThan(0)
      const graphs = model.files.filter((file) => GRAPH_ROLES.includes(file.role))
      if (model.task === 'language-model') {
        // A GGUF carries weights, tokenizer and chat template; no ONNX graph, no image pre-processing.
        expect(
          model.files.map((file) => file.role),
          model.id,
        ).toContain('gguf')
        expect(model.preprocess, model.id).toBeUndefined()
      } else {
        expect(graphs.length, `${model.id} has an ONNX graph`).toBeGreaterThan(0)
        expect(model.files.map((file) => file.path)).toContain(model.preprocess?.file)
        expect(model.preprocess?.mean).toHaveLength(3)
        expect(model.preprocess?.std).toHaveLength(3)
      }
      for (const file of graphs) {
        expect(file.signature?.inputs.length, `${model.id}/${file.path} inputs`).toBeGreaterThan(0)
        for (const output of file.signature?.outputs ?? [])
          expect(output.units, `${model.id}/${file.path} ${output.name}`).toBeTruthy()
      }
      expect(model.licence.id.length).toBeGreaterThan(0)
      expect(model.licence.url).toMatch(/^https:\/\//)
      expect(model.provenance.upstream).toMatch(/^https:\/\//)
      if (model.install === 'download') {
        for (const file of model.files)
          for (const url of file.urls)
            expect(url).toMatch(/^https:\/\/huggingface\.co\/[^/]+\/[^/]+\/resolve\/[^/]+\/.+/)
      }
    }
  })

  it('covers the models the perception pipeline needs', () => {
    const tasks = manifest.models.map((model) => model.task)
    for (const task of [
      'metric-depth',
      'relative-depth',
      'detection',
      'open-vocabulary-detection',
      'segmentation',
      'vision-language',
      'relation-verification',
      'language-model',
    ]) {
      expect(tasks, task).toContain(task)
    }
    expect(byId('depth-anything-v2-small-metric-indoor').task).toBe('metric-depth')
    expect(byId('depth-anything-v2-small-metric-outdoor').task).toBe('metric-depth')
    expect(byId('metric3d-vit-small').notes.join(' ')).toMatch(/focal/)
    expect(byId('depth-anything-v2-small').notes.join(' ')).toMatch(/[Ss]cale calibration/)
    expect(byId('owlv2-base-patch16-ensemble').files.map((file) => file.role)).toEqual([
      'model',
      'tokenizer',
    ])
    expect(byId('slimsam-77-uniform').files.map((file) => file.role)).toEqual([
      'encoder',
      'decoder',
    ])
    expect(byId('vilt-vsr').isOptional).toBe(true)
  })

  it('the Depth Anything V2 Small models are Apache-2.0 (Base/Large would be non-commercial)', () => {
    for (const model of manifest.models.filter((m) => m.id.startsWith('depth-anything-v2-small'))) {
      expect(model.licence).toMatchObject({ id: 'Apache-2.0', isCommercialUseAllowed: true })
      expect(model.licence.note).toMatch(/CC-BY-NC-4\.0/)
    }
  })

  it('pins revisions: a file with a published hash is fetched from a commit, not a branch', () => {
    for (const model of manifest.models) {
      for (const file of model.files.filter((f) => f.sha256 !== null && f.urls.length > 0)) {
        for (const url of file.urls)
          expect(url, `${model.id}/${file.path}`).toMatch(/\/resolve\/[0-9a-f]{40}\//)
      }
    }
  })

  it('NanoDet-m is built in, with the committed file’s size and hash', () => {
    const nanodet = byId('nanodet-m')
    expect(nanodet.install).toBe('builtin')
    expect(nanodet.files[0]).toMatchObject({
      builtinPath: 'models/builtin/nanodet-m/nanodet_m.onnx',
      bytes: 3_800_954,
    })
    const path = join(ROOT, nanodet.files[0].builtinPath!)
    if (!existsSync(path)) return // the weights land with their own commit; the hash check runs once they are there
    const bytes = readFileSync(path)
    expect(bytes.length).toBe(nanodet.files[0].bytes)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(nanodet.files[0].sha256)
  })

  it('the schema rejects an incomplete entry with the field named', () => {
    const broken = structuredClone(manifest)
    delete (broken.models[0].files[0] as { signature?: unknown }).signature
    const result = modelManifestSchema.safeParse(broken)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path).toEqual(['models', 0, 'files', 0, 'signature'])
    const noUnits = structuredClone(manifest)
    delete noUnits.models[0].files[0].signature!.outputs[0].units
    expect(modelManifestSchema.safeParse(noUnits).error?.issues[0].message).toMatch(/needs units/)
  })

  it('download URLs are https, or http only from this machine (a local mirror)', () => {
    const withUrl = (url: string) => {
      const copy = structuredClone(manifest)
      const entry = copy.models.find((model) => model.install === 'download')!
      entry.files[0].urls = [url]
      return modelManifestSchema.safeParse(copy)
    }
    expect(withUrl('http://127.0.0.1:8123/model.onnx').success).toBe(true)
    expect(withUrl('http://localhost/model.onnx').success).toBe(true)
    expect(withUrl('http://[::1]:80/model.onnx').success).toBe(true)
    const remote = withUrl('http://example.org/model.onnx')
    expect(remote.success).toBe(false)
    expect(remote.error?.issues[0].message).toMatch(/must be https/)
    expect(withUrl('http://127.0.0.1.example.org/model.onnx').success).toBe(false)
  })
})

describe('SPATIAL_LENS_MANIFEST', () => {
  const folder = mkdtempSync(join(tmpdir(), 'spatial-lens-manifest-'))

  it('names another manifest file; without it the bundled one is used', () => {
    const path = join(folder, 'mirror.json')
    const mirror = structuredClone(manifest)
    mirror.models = mirror.models.slice(0, 2)
    writeFileSync(path, JSON.stringify(mirror))
    expect(activeManifest({ SPATIAL_LENS_MANIFEST: path }).models.map((m) => m.id)).toEqual(
      manifest.models.slice(0, 2).map((m) => m.id),
    )
    expect(activeManifest({})).toBe(bundledManifest())
  })

  it('a missing or invalid file is one error naming the file and the field', () => {
    const missing = join(folder, 'missing.json')
    expect(() => activeManifest({ SPATIAL_LENS_MANIFEST: missing })).toThrow(
      new RegExp(
        `cannot read the model manifest ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
      ),
    )
    const invalid = join(folder, 'invalid.json')
    writeFileSync(invalid, JSON.stringify({ schemaVersion: 1, models: [{ id: 'Bad Id' }] }))
    expect(() => activeManifest({ SPATIAL_LENS_MANIFEST: invalid })).toThrow(
      /invalid\.json \(SPATIAL_LENS_MANIFEST\) is invalid at models\.0\.id: kebab-case id/,
    )
  })
})
