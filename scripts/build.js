// Builds main (Electron host, CLI, worker), preload and renderer with electron-vite.
// electron-vite reads Electron's major version from the electron package to pick its output
// format. Where the Electron download failed (offline machines drop the optional dependency),
// tell it the version we target, so the CLI, `serve` and the UI still build.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
if (!process.env.ELECTRON_MAJOR_VER) {
  try {
    require.resolve('electron/package.json')
  } catch {
    const range = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
      .optionalDependencies.electron
    process.env.ELECTRON_MAJOR_VER = String(range.match(/\d+/)[0])
  }
}
const { build } = await import('electron-vite')
await build({ logLevel: process.env.CI ? 'warn' : 'info' })
