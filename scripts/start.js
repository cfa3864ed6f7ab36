// `npm start`: the Electron window when its binary is installed; otherwise say so and start `serve`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)

function electronBinary() {
  try {
    const path = require('electron') // the package exports the binary's path, and throws when it is missing
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

if (!existsSync(new URL('../out/main/cli.js', import.meta.url))) {
  console.error('Spatial Lens is not built yet: run `npm run build` first.')
  process.exit(2)
}

const electron = electronBinary()
if (electron) {
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    [
      'The Electron binary is not installed, so the desktop window cannot open here.',
      'Electron downloads its binary when it is installed, and that download failed or was not possible here',
      '(this machine is offline). Spatial Lens is starting its browser twin instead: the same UI and services,',
      'served on localhost. Open the URL below in any browser. For the desktop window, run',
      '`npm install --no-save electron@39` on a machine that can reach the Electron download, then `npm start`.',
      '',
    ].join('\n'),
  )
  const port = process.env.PORT ?? '8787'
  const child = spawn(process.execPath, ['bin/spatial-lens.js', 'serve', '--port', port], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
  process.on('SIGINT', () => child.kill('SIGINT'))
}
