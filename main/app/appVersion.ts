import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from './paths'

let cached: string | undefined

/** The app version from package.json (stamped into answers and exports). */
export function appVersion(): string {
  cached ??= (
    JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version
  return cached
}
