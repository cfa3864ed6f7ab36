import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, type Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundledManifest } from '../../main/models/manifest'
import { ROOT } from '../helpers/runCli'

// electron-builder.yml checked with electron-builder's own code: its config loader and schema
// validation, and its FileMatcher (the minimatch rules it applies to `files` and `asarUnpack`),
// against the native files actually installed in node_modules.

const require = createRequire(join(ROOT, 'package.json'))
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { getFileMatchers, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher')

type Config = Record<string, any>
type Filter = (file: string, stat: Stats) => boolean

let config: Config

beforeAll(async () => {
  config = await getConfig(ROOT, 'electron-builder.yml')
  await validateConfiguration(config, { isEnabled: false, add: () => undefined })
})

/** electron-builder's file matchers for a pattern list (`files` or `asarUnpack`) when packaging for `platform`. */
function matchersFor(
  name: 'files' | 'asarUnpack',
  platform: NodeJS.Platform = process.platform,
): any[] {
  const key = { linux: 'linux', darwin: 'mac', win32: 'win' }[platform as string]!
  const macros: Record<string, string> = { platform, os: key, arch: process.arch }
  return getFileMatchers(config, name, join(ROOT, '.app'), {
    macroExpander: (text: string) =>
      text.replace(/\$\{(\w+)\}/g, (whole, macro: string) => macros[macro] ?? whole),
    customBuildOptions: config[key] ?? {},
    globalOutDir: join(ROOT, config.directories.output),
    defaultSrc: ROOT,
  })
}

/** The filter electron-builder applies to production node_modules: the `!` patterns of `files`. */
function nodeModulesFilter(platform: NodeJS.Platform): Filter {
  const key = { linux: 'linux', darwin: 'mac', win32: 'win' }[platform as string]!
  const macros: Record<string, string> = { platform, os: key, arch: process.arch }
  const packager = { config, debugLogger: { isEnabled: false } }
  const expand = (text: string) =>
    text.replace(/\$\{(\w+)\}/g, (whole, macro: string) => macros[macro] ?? whole)
  return getNodeModuleFileMatcher(
    ROOT,
    join(ROOT, '.app'),
    expand,
    config[key] ?? {},
    packager,
  ).createFilter()
}

/** electron-builder's filter for a pattern list on this platform. */
function filterFor(
  name: 'files' | 'asarUnpack',
  platform: NodeJS.Platform = process.platform,
): Filter {
  return matchersFor(name, platform)[0].createFilter()
}

const matches = (filter: Filter, relativePath: string) => {
  const path = join(ROOT, relativePath)
  return filter(path, existsSync(path) ? statSync(path) : ({ isDirectory: () => false } as Stats))
}

/** Native code a package loads by path: Node addons and the shared libraries beside them. */
function nativeFiles(directory: string): string[] {
  const found: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(entry.name)) found.push(path)
    }
  }
  walk(directory)
  return found
}

/**
 * Installed folder of package `name` as Node's resolution finds it from `from` (node_modules of
 * `from`, then of each parent), or null when npm did not install it (another platform's package).
 */
function installedPackage(name: string, from = ROOT): string | null {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(folder) === folder) return null
  }
}

describe('electron-builder.yml', () => {
  it('loads and passes electron-builder schema validation', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
    expect(config.productName).toBe('Spatial Lens')
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
  })

  it('targets AppImage and deb on Linux, dmg on macOS, NSIS on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toBe('dmg')
    expect(config.win.target).toBe('nsis')
  })

  it('unpacks every native file installed for onnxruntime-node and sharp', () => {
    const onnxruntime = installedPackage('onnxruntime-node')!
    const sharp = installedPackage('sharp')!
    const sharpNatives = Object.keys(require(join(sharp, 'package.json')).optionalDependencies)
      .map((name) => installedPackage(name, sharp))
      .filter((folder): folder is string => folder !== null)
    const natives = [onnxruntime, ...sharpNatives]
      .flatMap(nativeFiles)
      .map((path) => relative(ROOT, path))

    // This machine's own binaries are among them, so the check covers what this platform loads.
    const addons = natives.filter((path) => path.endsWith('.node'))
    expect(addons).toContain(
      join(
        'node_modules',
        'onnxruntime-node',
        'bin',
        'napi-v6',
        process.platform,
        process.arch,
        'onnxruntime_binding.node',
      ),
    )
    expect(addons.some((path) => path.includes(`sharp-${process.platform}-${process.arch}`))).toBe(
      true,
    )
    expect(natives.some((path) => /libvips/.test(path))).toBe(true)

    const unpack = filterFor('asarUnpack')
    expect(natives.filter((path) => !matches(unpack, path))).toEqual([])
  })

  it('unpacks and ships every built-in model file (onnxruntime opens them by path)', () => {
    const builtinFiles = bundledManifest()
      .models.filter((model) => model.install === 'builtin')
      .flatMap((model) => model.files.map((file) => file.builtinPath!))
    expect(builtinFiles.length).toBeGreaterThan(0)
    const unpack = filterFor('asarUnpack')
    const files = filterFor('files')
    for (const path of builtinFiles) {
      expect(matches(unpack, path), path).toBe(true)
      expect(matches(files, path), path).toBe(true)
    }
  })

  it('ships the built app and the sample, not the sources, tests or the electron package', () => {
    const files = filterFor('files')
    const main = require(join(ROOT, 'package.json')).main as string
    for (const path of [
      main,
      'package.json',
      'out/main/cli.js',
      'out/main/scene.worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'samples/pcl-kinect-laptop/color.png',
      'samples/pcl-kinect-laptop/PROVENANCE.md',
      // The verify mode loads the SpatialEnsemble weights at run time.
      'models/ensemble/spatial-ensemble.json',
    ])
      expect(matches(files, path), path).toBe(true)
    for (const path of [
      'main/app/paths.ts',
      'tests/e2e/viewer.test.ts',
      'out/main/electron.js.map',
      '.tmp/x',
      'docs/screenshots/viewer.png',
      // Test data (COCO images carry their owners' licences) is never packaged.
      'tests/fixtures/vsr-images/images/000000000142.jpg',
    ])
      expect(matches(files, path), path).toBe(false)
    const modules = nodeModulesFilter(process.platform)
    expect(matches(modules, 'node_modules/zod/package.json')).toBe(true)
    expect(matches(modules, 'node_modules/electron/package.json')).toBe(false)
  })

  it('flips the Electron fuses: no run-as-node, NODE_OPTIONS or --inspect; app code only from an integrity-checked asar', async () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
    // What electron-builder hands @electron/fuses for it: each fuse under its own wire.
    const { PlatformPackager } = require('app-builder-lib')
    const { FuseV1Options } = require('@electron/fuses')
    const fuses = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses)
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false)
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
  })

  it('is one file set on every platform (a second one makes electron-builder package the whole project)', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(matchersFor('files', platform)).toHaveLength(1)
      expect(matchersFor('asarUnpack', platform)).toHaveLength(1)
    }
  })

  it('keeps only the target platform of onnxruntime-node binaries', () => {
    const binary = (platform: string) =>
      `node_modules/onnxruntime-node/bin/napi-v6/${platform}/arm64/onnxruntime_binding.node`
    for (const target of ['linux', 'darwin', 'win32'] as const) {
      const modules = nodeModulesFilter(target)
      for (const platform of ['linux', 'darwin', 'win32'])
        expect(matches(modules, binary(platform)), `${target}: ${platform}`).toBe(
          platform === target,
        )
    }
  })
})

describe('npm run dist', () => {
  const hasElectronBinary = (() => {
    try {
      return existsSync(require('electron') as string)
    } catch {
      return false
    }
  })()

  it.skipIf(hasElectronBinary)(
    'says why it cannot package without the Electron binary, and builds nothing',
    () => {
      const run = spawnSync(process.execPath, ['scripts/dist.js'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
      })
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(
        /cannot package Spatial Lens here: the Electron binary is not installed/,
      )
      expect(run.stderr).toMatch(/npm install --no-save electron@39/)
      expect(require(join(ROOT, 'package.json')).scripts.dist).toBe('node scripts/dist.js')
    },
  )
})
