// `npm start`: the Electron window when its binary is installed; otherwise say so and start `serve`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electronBinary.js'

const root = fileURLToPath(new URL('..', import.meta.url))

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
  const child = spawn(process.execPath, ['bin/spatial-lens.js', 'serve', '--port', port], {
    cwd: root,
    stdio: 'inherit',
  })
  child.on('exit', (code) => process.exit(code ?? 0))
  process.on('SIGINT', () => child.kill('SIGINT'))
}
