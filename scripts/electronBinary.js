// Where the Electron binary is, or null: the electron package exports its path, and throws when
// the binary was never downloaded (offline installs). Shared by `npm start` and `npm run dist`.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}
