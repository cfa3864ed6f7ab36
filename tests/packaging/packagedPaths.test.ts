import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bundledManifest } from '../../main/models/manifest'
import { ModelStore } from '../../main/models/ModelStore'
import { asarUnpackedPath } from '../../main/app/paths'
import { ROOT } from '../helpers/runCli'

// Where the packaged app finds its built-in models: inside app.asar for Electron's fs, but
// onnxruntime opens them by path, so they must resolve to app.asar.unpacked (electron-builder.yml).

describe('asarUnpackedPath', () => {
  it('moves a path inside app.asar to app.asar.unpacked, on POSIX and Windows', () => {
    expect(asarUnpackedPath('/opt/Spatial Lens/resources/app.asar/models/builtin/m.onnx')).toBe(
      '/opt/Spatial Lens/resources/app.asar.unpacked/models/builtin/m.onnx',
    )
    expect(
      asarUnpackedPath('C:\\Program Files\\Spatial Lens\\resources\\app.asar\\models\\m.onnx'),
    ).toBe('C:\\Program Files\\Spatial Lens\\resources\\app.asar.unpacked\\models\\m.onnx')
    expect(asarUnpackedPath('/Applications/Spatial Lens.app/Contents/Resources/app.asar')).toBe(
      '/Applications/Spatial Lens.app/Contents/Resources/app.asar.unpacked',
    )
  })

  it('leaves every other path alone', () => {
    for (const path of [
      '/work/spatial-lens/models/builtin/m.onnx',
      '/x/resources/app.asar.unpacked/models/m.onnx',
      '/x/my-app.asar/models/m.onnx',
      '/x/app.asarfoo/m.onnx',
    ])
      expect(asarUnpackedPath(path)).toBe(path)
  })
})

describe('ModelStore in a packaged layout', () => {
  const resources = mkdtempSync(join(tmpdir(), 'spatial-lens-resources-'))
  afterAll(() => rmSync(resources, { recursive: true, force: true }))

  it('finds every built-in model file in app.asar.unpacked when its package root is app.asar', () => {
    const builtins = bundledManifest().models.filter((model) => model.install === 'builtin')
    expect(builtins.length).toBeGreaterThan(0)
    // What electron-builder leaves on disk: the archive (opaque to plain Node) and the unpacked copies.
    for (const model of builtins)
      for (const file of model.files) {
        const unpacked = join(resources, 'app.asar.unpacked', file.builtinPath!)
        mkdirSync(dirname(unpacked), { recursive: true })
        copyFileSync(join(ROOT, file.builtinPath!), unpacked)
      }
    const store = new ModelStore({
      packageRoot: join(resources, 'app.asar'),
      cacheDirectory: join(resources, 'cache'),
    })
    for (const model of builtins) {
      expect(store.status(model.id).state).toBe('built-in')
      for (const path of Object.values(store.filePaths(model.id)))
        expect(path.startsWith(join(resources, 'app.asar.unpacked', 'models', 'builtin'))).toBe(
          true,
        )
    }
  })
})
