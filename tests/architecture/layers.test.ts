/**
 * The layer rules of CONVENTIONS.md, checked on every source file's imports: the engine imports only the engine
 * (and zod); the contract is a leaf over the engine; the renderer reaches the Node side only through the contract
 * and the engine; the hosts' app-wide leaves stay leaves. A new import across a layer fails here with the file and
 * the import named.
 */
import { describe, expect, it } from 'vitest'
import { folderGraph, importSpecs, resolveRelative, sourceFiles } from './importGraph'

/** Imports of `folder`'s files that leave the allowed folders (relative) or name a package not allowed. */
function violations(
  folder: string,
  allowedFolders: string[],
  allowedPackages: RegExp,
  options: { isTypeOnlyIgnored?: boolean } = {},
): string[] {
  const out: string[] = []
  for (const file of sourceFiles(folder)) {
    for (const { spec, isTypeOnly } of importSpecs(file)) {
      if (options.isTypeOnlyIgnored && isTypeOnly) continue
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec)
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

  it('the contract is a leaf: at run time it imports only zod and itself', () => {
    expect(
      violations('main/contract', ['main/contract'], /^zod$/, { isTypeOnlyIgnored: true }),
    ).toEqual([])
  })

  it('the contract names engine types only to check its schemas against them (`import type`)', () => {
    expect(violations('main/contract', ['main/contract', 'main/engine'], /^zod$/)).toEqual([])
  })

  it('the app-wide leaves (main/app) import only themselves, the engine, Node and zod', () => {
    expect(violations('main/app', ['main/app', 'main/engine'], /^(node:.*|zod)$/)).toEqual([])
  })

  it('only the hosts (CLI, Electron, serve) import the services', () => {
    const importers = [...folderGraph(sourceFiles('main'))]
      .filter(([, edges]) => edges.has('services'))
      .map(([from]) => from)
      .sort()
    expect(importers).toEqual(['cli', 'electron', 'server'])
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
    // The contract's type-only imports of the engine are real imports: counted unless ignored.
    expect(
      violations('main/contract', ['main/contract'], /^zod$/).some((v) => v.includes('engine')),
    ).toBe(true)
    // main/services imports Node built-ins and other layers: held to the engine's rule it must fail.
    expect(violations('main/services', ['main/engine'], /^zod$/).length).toBeGreaterThan(0)
  })
})
