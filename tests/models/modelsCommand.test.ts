import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runModelsCommand } from '../../main/cli/modelsCommand'
import { ModelStore } from '../../main/models/ModelStore'
import { bundledManifest } from '../../main/models/manifest'
import {
  generatedBytes,
  serveInChunks,
  serveWithRange,
  startTestServer,
  type TestServer,
} from './localServer'
import { testManifest } from './testManifest'

const bodies = {
  model: generatedBytes(400_000),
  tokenizer: Buffer.from('{}'),
  builtin: generatedBytes(64, 3),
}
let server: TestServer
const packageRoot = mkdtempSync(join(tmpdir(), 'spatial-lens-package-'))

async function run(argv: string[], store: ModelStore, isTTY = false) {
  const lines: string[] = []
  const progress: string[] = []
  const code = await runModelsCommand(argv, (text) => lines.push(text), {
    store,
    progress: { write: (text) => progress.push(text), isTTY },
    download: { retryDelayMs: 0, attempts: 1 },
  })
  return { code, out: lines.join('\n'), progress }
}
const freshStore = () =>
  new ModelStore({
    manifest: testManifest(server.url, bodies),
    cacheDirectory: mkdtempSync(join(tmpdir(), 'spatial-lens-cli-models-')),
    packageRoot,
  })

beforeAll(async () => {
  server = await startTestServer({
    // Four 100 kB writes 150 ms apart: the service's progress events (10 a second) see each one.
    '/model': serveInChunks(bodies.model, 4, 150),
    '/tokenizer': serveWithRange(bodies.tokenizer),
  })
})
afterAll(() => server.close())

describe('spatial-lens models', () => {
  it('list: a table of id, task, size, licence and status, and --json', async () => {
    const store = freshStore()
    const table = await run(['list'], store)
    expect(table.code).toBe(0)
    expect(table.out).toMatch(/^id\s+task\s+size\s+licence\s+status/)
    expect(table.out).toMatch(/published\s+metric-depth\s+400\.0 kB\s+Apache-2\.0\s+missing/)
    expect(table.out).toMatch(/manual\s+.*missing \(manual\)/)
    expect(table.out).toContain(`models directory: ${store.cacheDirectory}`)
    const json = JSON.parse((await run(['list', '--json'], store)).out)
    expect(json.models.map((m: { id: string }) => m.id)).toEqual(
      store.manifest.models.map((m) => m.id),
    )
  })

  it('download prints one progress line per 10 % off a terminal, then the verification result', async () => {
    const store = freshStore()
    const result = await run(['download', 'published', 'tofu'], store)
    expect(result.code).toBe(0)
    const published = result.progress.filter((line) => line.startsWith('published '))
    // At most one line per 10 % step (a big chunk can cross two steps: one line, the real value).
    const percents = published.map((line) => Number(/: (\d+)%/.exec(line)?.[1]))
    expect(percents.length).toBeGreaterThanOrEqual(2)
    expect(percents.length).toBeLessThanOrEqual(10)
    expect(percents.every((p, i) => p % 10 === 0 && (i === 0 || p > percents[i - 1]))).toBe(true)
    expect(published.at(-1)).toMatch(/100% \(400\.0 kB of 400\.0 kB/)
    expect(result.out).toMatch(/published: .*model\.onnx downloaded, 400\.0 kB, SHA-256 verified/)
    expect(result.out).toMatch(
      /tofu: .*no published hash to verify against: recorded SHA-256 [0-9a-f]{64} \(trust on first use\)/,
    )
    expect((await run(['list'], store)).out).toMatch(/published\s+.*installed/)
  })

  it('download draws a bar on a terminal', async () => {
    const result = await run(['download', 'published'], freshStore(), true)
    expect(result.progress.some((text) => /^\r.*\[#+\.*\] \d+%/.test(text))).toBe(true)
    expect(result.progress.at(-1)).toBe('\n')
  })

  it('verify reports corruption with exit code 1 and the command that fixes it', async () => {
    const store = freshStore()
    await run(['download', 'published'], store)
    expect((await run(['verify', 'published'], store)).code).toBe(0)
    writeFileSync(store.filePath('published'), Buffer.alloc(bodies.model.length))
    const result = await run(['verify'], store)
    expect(result.code).toBe(1)
    expect(result.out).toMatch(
      /published: .* is corrupt: .*deleted it: run `npx spatial-lens models download published`/,
    )
  })

  it('remove and info', async () => {
    const store = freshStore()
    await run(['download', 'published'], store)
    expect((await run(['remove', 'published'], store)).out).toBe(
      'published: removed (400.0 kB freed)',
    )
    const info = JSON.parse((await run(['info', 'published', '--json'], store)).out)
    expect(info).toMatchObject({
      id: 'published',
      status: 'missing',
      task: 'metric-depth',
      licence: { id: 'Apache-2.0' },
    })
    expect(info.files[0].signature.outputs[0].units).toBe('metres')
    expect(info.preprocess).toMatchObject({ colorOrder: 'RGB', layout: 'NCHW' })
  })

  it('info prints every manifest field of the real manifest in readable form', async () => {
    const store = new ModelStore({
      manifest: bundledManifest(),
      cacheDirectory: mkdtempSync(join(tmpdir(), 'spatial-lens-real-')),
    })
    const { out } = await run(['info', 'metric3d-vit-small'], store)
    for (const text of [
      'metric-depth',
      'BSD-2-Clause',
      'onnx/model.onnx',
      'pixel_values: float32[batch_size, 3, height, width]',
      'predicted_depth',
      'focal',
      'mean [123.675, 116.28, 103.53]',
      'not published (trust on first use)',
    ]) {
      expect(out).toContain(text)
    }
    expect((await run(['list'], store)).out.split('\n')).toHaveLength(
      bundledManifest().models.length + 2,
    )
  })

  it('user mistakes are one clear error', async () => {
    const store = freshStore()
    await expect(run(['download'], store)).rejects.toThrow(/needs a model id/)
    await expect(run(['download', 'nope'], store)).rejects.toThrow(
      /unknown model "nope"; known models: published/,
    )
    await expect(run(['frobnicate'], store)).rejects.toThrow(/unknown models command/)
    await expect(run(['list', '--bogus'], store)).rejects.toThrow(
      /see npx spatial-lens models help/,
    )
    expect((await run([], store)).out).toContain('spatial-lens models download <id...> | --all')
  })
})
