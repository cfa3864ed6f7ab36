import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package root, found by walking up from this module to package.json. Works from the sources
 * (tests) and from the bundles in out/main (CLI, serve, Electron), which sit at different depths.
 */
export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(directory, 'package.json')) && existsSync(join(directory, 'samples')))
      return directory
    directory = resolve(directory, '..')
  }
  throw new Error('cannot find the Spatial Lens package root (package.json with samples/)')
}

/**
 * The real file behind a path inside the packaged app's archive: electron-builder moves files that
 * native code opens by path (asarUnpack in electron-builder.yml: built-in models, native modules)
 * to `app.asar.unpacked` beside `app.asar`. Electron's fs reads either; onnxruntime's C++ reads only
 * the real file. Paths outside an archive are returned unchanged. Pure.
 */
export function asarUnpackedPath(path: string): string {
  return path.replace(/(^|[\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked')
}

/** The embedded default frame shipped with the app (PCL Kinect frame, BSD-3-Clause; see its PROVENANCE.md). */
export function sampleFramePaths(): {
  rgbPath: string
  depthPath: string
  intrinsicsPath: string
  name: string
} {
  const directory = join(packageRoot(), 'samples', 'pcl-kinect-laptop')
  return {
    name: 'PCL Kinect: laptop and box on a carpet (BSD-3-Clause)',
    rgbPath: join(directory, 'color.png'),
    depthPath: join(directory, 'depth.png'),
    intrinsicsPath: join(directory, 'intrinsics.json'),
  }
}

/** Built renderer (static files served by `serve`), or null when the app was not built. */
export function rendererDirectory(): string | null {
  const directory = join(packageRoot(), 'out', 'renderer')
  return existsSync(join(directory, 'index.html')) ? directory : null
}

/** Built scene worker, or null when running from sources (tests then use the inline executor). */
export function sceneWorkerPath(): string | null {
  const path = join(packageRoot(), 'out', 'main', 'scene.worker.js')
  return existsSync(path) ? path : null
}
