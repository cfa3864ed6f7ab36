// Typechecks the pure engine, the Node side (hosts, sources, tests), the renderer, and — when the
// electron package (with its type declarations) is installed — the Electron main and preload.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const configs = ['tsconfig.engine.json', 'tsconfig.node.json', 'tsconfig.web.json']
try {
  require.resolve('electron/package.json')
  configs.push('tsconfig.electron.json')
} catch {
  console.log(
    'electron is not installed here: skipping tsconfig.electron.json (main/electron, preload)',
  )
}
let failed = false
for (const config of configs) {
  const result = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', config, '--noEmit'],
    { stdio: 'inherit' },
  )
  console.log(`${config}: ${result.status === 0 ? 'ok' : 'errors'}`)
  failed ||= result.status !== 0
}
process.exit(failed ? 1 : 0)
