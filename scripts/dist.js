// `npm run dist`: the installers of the desktop app (electron-builder.yml: AppImage + deb, dmg, nsis).
// electron-builder packages the Electron binary; without it (offline installs drop it) it cannot, so
// this says so and stops before building anything. Extra arguments go to electron-builder
// (e.g. `npm run dist -- --linux deb`).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electronBinary.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const electron = electronBinary()
if (!electron) {
  console.error(
    [
      'npm run dist cannot package Spatial Lens here: the Electron binary is not installed.',
      'Electron downloads its binary when it is installed, and that download failed or was not possible',
      '(this machine is offline). The installers contain that binary, so they cannot be made without it.',
      'On a machine that can reach the Electron download, run `npm install --no-save electron@39`,',
      'then `npm run dist` (Linux: AppImage and deb; macOS: dmg; Windows: nsis; output in dist/).',
      'Everything else works without it: `npm start` serves the same UI in a browser.',
    ].join('\n'),
  )
  process.exit(1)
}

const run = (command, args) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(process.execPath, ['scripts/build.js'])
const extra = process.argv.slice(2)
// For this machine's platform, package the Electron that is installed instead of downloading one.
const isHostOnly = !extra.some((arg) => /^--?(mac|macos|m|win|windows|w|linux|l)$/.test(arg))
const electronDist = join(dirname(require.resolve('electron/package.json')), 'dist')
const localElectron = isHostOnly ? [`-c.electronDist=${electronDist}`] : []
run(process.execPath, [
  require.resolve('electron-builder/cli.js'),
  '--config',
  'electron-builder.yml',
  ...localElectron,
  ...extra,
])
