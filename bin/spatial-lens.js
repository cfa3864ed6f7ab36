#!/usr/bin/env node
// Launcher for the built CLI (out/main/cli.js, made by `npm run build`, which `npm ci` runs).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('error: Spatial Lens is not built yet: run `npm run build` in the project folder first\n')
  process.exit(2)
}
await import(pathToFileURL(cli).href)
