import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ModelStore } from '../../main/models/ModelStore'
import { ModelCorruptError, ModelMissingError, UnknownModelError } from '../../main/models/errors'
import { LOCK_FILE_NAME } from '../../main/models/lockFile'
import { isUserError } from '../../main/app/userError'
import {
  dropMidway,
  generatedBytes,
  serveWithRange,
  startTestServer,
  type TestServer,
} from './localServer'
import { sha256Of, testManifest } from './testManifest'

const bodies = {
  model: generatedBytes(300_000),
  tokenizer: Buffer.from('{"model":"bpe"}'),
  builtin: generatedBytes(1000, 42),
}
let server: TestServer
const fast = { retryDelayMs: 0, attempts: 1, idleTimeoutMs: 5_000 }
const packageRoot = mkdtempSync(join(tmpdir(), 'spatial-lens-package-'))
mkdirSync(join(packageRoot, 'models', 'builtin', 'b'), { recursive: true })
writeFileSync(join(packageRoot, 'models', 'builtin', 'b', 'b.onnx'), bodies.builtin)

function freshStore(): ModelStore {
  const cacheDirectory = mkdtempSync(join(tmpdir(), 'spatial-lens-models-'))
  return new ModelStore({ manifest: testManifest(server.url, bodies), cacheDirectory, packageRoot })
}

/** The cache never holds a file under its final name that is not complete and checked. */
function expectNoHalfFiles(store: ModelStore, modelId: string): void {
  const directory = store.modelDirectory(modelId)
  if (!existsSync(directory)) return
  for (const name of readdirSync(directory).filter((n) => !n.endsWith('.part'))) {
    const file = store.entry(modelId).files.find((f) => f.path === name)
    if (file?.sha256) expect(sha256Of(readFileSync(join(directory, name)))).toBe(file.sha256)
  }
}

beforeAll(async () => {
  server = await startTestServer({
    '/model': serveWithRange(bodies.model),
    '/tokenizer': serveWithRange(bodies.tokenizer),
    '/other': serveWithRange(generatedBytes(300_000, 99)),
    '/drop': dropMidway(bodies.model, 100_000),
  })
})
afterAll(() => server.close())
afterEach(() => vi.unstubAllEnvs())

describe('ModelStore', () => {
  it('uses SPATIAL_LENS_MODELS as the cache directory', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'spatial-lens-env-'))
    vi.stubEnv('SPATIAL_LENS_MODELS', directory)
    const store = new ModelStore({ manifest: testManifest(server.url, bodies), packageRoot })
    expect(store.cacheDirectory).toBe(directory)
    await store.download('published', fast)
    expect(store.filePath('published')).toBe(join(directory, 'published', 'model.onnx'))
    expect(readFileSync(join(directory, 'published', 'model.onnx')).equals(bodies.model)).toBe(true)
  })

  it('names the fixing command when a model is missing', () => {
    const store = freshStore()
    expect(store.status('published').state).toBe('missing')
    const error = (() => {
      try {
        store.filePath('published')
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ModelMissingError)
    expect(isUserError(error)).toBe(true)
    expect((error as Error).message).toContain('`npx spatial-lens models download published`')
    expect(() => store.filePath('nope')).toThrow(UnknownModelError)
  })

  it('downloads, locks hashes (published vs trust on first use) and resolves paths', async () => {
    const store = freshStore()
    const outcomes = await store.download('pair', fast)
    expect(outcomes.map((o) => o.outcome)).toEqual(['downloaded', 'downloaded'])
    expect(store.status('pair').state).toBe('installed')
    expect(store.filePath('pair', 'tokenizer')).toBe(
      join(store.cacheDirectory, 'pair', 'tokenizer.json'),
    )
    const lock = JSON.parse(readFileSync(join(store.cacheDirectory, LOCK_FILE_NAME), 'utf8'))
    expect(lock.models.pair['model.onnx']).toMatchObject({
      sha256: sha256Of(bodies.model),
      verification: 'published',
    })
    expect(lock.models.pair['tokenizer.json']).toMatchObject({
      sha256: sha256Of(bodies.tokenizer),
      verification: 'trust-on-first-use',
    })
    expect((await store.download('pair', fast)).map((o) => o.outcome)).toEqual([
      'already-installed',
      'already-installed',
    ])
  })

  it('verify passes a good file and detects (and deletes) a corrupted one', async () => {
    const store = freshStore()
    await store.download('published', fast)
    expect((await store.verify('published'))[0]).toMatchObject({
      outcome: 'ok',
      reference: 'published',
    })
    const path = store.filePath('published')
    const damaged = Buffer.from(bodies.model)
    damaged[1234] ^= 0xff // same size: only the hash can tell
    writeFileSync(path, damaged)
    const [result] = await store.verify('published')
    expect(result).toMatchObject({
      outcome: 'mismatch',
      expectedSha256: sha256Of(bodies.model),
      actualSha256: sha256Of(damaged),
      isDeleted: true,
    })
    expect(existsSync(path)).toBe(false)
    expect(() => store.filePath('published')).toThrow(/spatial-lens models download published/)
    await store.download('published', fast)
    expect((await store.verify('published'))[0].outcome).toBe('ok')
  })

  it('verify checks trust-on-first-use files against the hash locked at download', async () => {
    const store = freshStore()
    await store.download('tofu', fast)
    expect((await store.verify('tofu'))[0]).toMatchObject({ outcome: 'ok', reference: 'lock' })
    const damaged = Buffer.from(bodies.model)
    damaged[0] ^= 1
    writeFileSync(store.filePath('tofu'), damaged)
    expect((await store.verify('tofu'))[0]).toMatchObject({
      outcome: 'mismatch',
      reference: 'lock',
    })
  })

  it('a file of the wrong size is a damaged model, with the command that fixes it', async () => {
    const store = freshStore()
    await store.download('published', fast)
    writeFileSync(store.filePath('published'), bodies.model.subarray(0, 1000))
    expect(store.status('published').state).toBe('damaged')
    expect(() => store.filePath('published')).toThrow(ModelCorruptError)
    expect(() => store.filePath('published')).toThrow(
      /damaged.*run `npx spatial-lens models download published` to fetch it again/,
    )
    await store.download('published', fast) // replaces it
    expect(store.status('published').state).toBe('installed')
  })

  it('stays consistent after a hash mismatch: nothing under the final name', async () => {
    const store = freshStore()
    await expect(store.download('corrupt-upstream', fast)).rejects.toMatchObject({
      kind: 'hash-mismatch',
    })
    expect(store.status('corrupt-upstream').state).toBe('missing')
    expect(existsSync(join(store.modelDirectory('corrupt-upstream'), 'model.onnx'))).toBe(false)
    expect(existsSync(join(store.modelDirectory('corrupt-upstream'), 'model.onnx.part'))).toBe(
      false,
    )
    expectNoHalfFiles(store, 'corrupt-upstream')
  })

  it('stays consistent after a dropped connection: a partial model, resumable', async () => {
    const store = freshStore()
    await expect(store.download('flaky', fast)).rejects.toMatchObject({ kind: 'network' })
    expect(store.status('flaky').state).toBe('partial')
    expect(() => store.filePath('flaky')).toThrow(
      /only partly downloaded: run `npx spatial-lens models download flaky`/,
    )
    expectNoHalfFiles(store, 'flaky')
  })

  it('removes a model and its lock records', async () => {
    const store = freshStore()
    await store.download('published', fast)
    expect((await store.remove('published')).removedBytes).toBe(bodies.model.length)
    expect(existsSync(store.modelDirectory('published'))).toBe(false)
    expect(store.status('published').state).toBe('missing')
    const lock = JSON.parse(readFileSync(join(store.cacheDirectory, LOCK_FILE_NAME), 'utf8'))
    expect(lock.models.published).toBeUndefined()
    expect((await store.remove('published')).removedBytes).toBe(0)
  })

  it('resolves a built-in model to the package copy and verifies it', async () => {
    const store = freshStore()
    expect(store.status('builtin').state).toBe('built-in')
    expect(store.filePath('builtin')).toBe(join(packageRoot, 'models', 'builtin', 'b', 'b.onnx'))
    expect((await store.verify('builtin'))[0].outcome).toBe('ok')
    await expect(store.remove('builtin')).rejects.toThrow(/built in/)
    const broken = new ModelStore({
      manifest: store.manifest,
      cacheDirectory: store.cacheDirectory,
      packageRoot: mkdtempSync(join(tmpdir(), 'empty-')),
    })
    expect(() => broken.filePath('builtin')).toThrow(
      /built-in model "builtin" is missing.*reinstall Spatial Lens/,
    )
  })

  it('manual models explain how to install them; verify reports an offline copy unverified and never pins it', async () => {
    const store = freshStore()
    await expect(store.download('manual', fast)).rejects.toThrow(
      /no public download\. export it yourself/,
    )
    expect(() => store.filePath('manual')).toThrow(/not installed: it has no public download/)
    mkdirSync(store.modelDirectory('manual'), { recursive: true })
    writeFileSync(join(store.modelDirectory('manual'), 'model.onnx'), bodies.model)
    expect((await store.verify('manual'))[0]).toMatchObject({
      outcome: 'unverified',
      actualSha256: sha256Of(bodies.model),
      reference: 'none',
    })
    // Garbage swapped in is still only "unverified" (nothing was pinned by the first verify).
    writeFileSync(join(store.modelDirectory('manual'), 'model.onnx'), 'garbage')
    expect((await store.verify('manual'))[0]).toMatchObject({
      outcome: 'unverified',
      reference: 'none',
      actualSha256: sha256Of(Buffer.from('garbage')),
    })
  })
})
