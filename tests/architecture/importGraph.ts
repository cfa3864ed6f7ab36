/**
 * The import graph of the sources, read from the text of each file (static imports, re-exports and
 * dynamic imports with a literal), for the architecture tests.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

export const ROOT = join(import.meta.dirname, '../..')

/** Every .ts/.tsx file under `folder` (relative to the repository root). */
export function sourceFiles(folder: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name)
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

export interface ImportSpec {
  spec: string
  /** `import type … from` / `export type … from`: erased by the compiler, no dependency at run time. */
  isTypeOnly: boolean
}

/** Every import specifier of a file, as written. */
export function importSpecs(file: string): ImportSpec[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const found: ImportSpec[] = []
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
  )) {
    found.push({
      spec: m[1] ?? m[2] ?? m[3],
      isTypeOnly: /^(?:import|export)\s+type\s/.test(m[0]),
    })
  }
  return found
}

/** Every import specifier of a file (static, re-exports and dynamic imports with a literal). */
export function importsOf(file: string): string[] {
  return importSpecs(file).map((found) => found.spec)
}

/** A relative import's target, relative to the repository root (without extension, as written). */
export function resolveRelative(file: string, spec: string): string {
  return relative(ROOT, normalize(join(ROOT, dirname(file), spec)))
}

/**
 * The part of main/ a path belongs to: its first folder under main/ (`main/services/x.ts` →
 * `services`), or the file itself for a file directly in main/ (none left today).
 */
export function mainFolderOf(path: string): string | null {
  const parts = path.split('/')
  if (parts[0] !== 'main' || parts.length < 2) return null
  return parts.length === 2 ? parts[1].replace(/\.tsx?$/, '') : parts[1]
}

/** Folder → folders it imports (relative imports between different parts of main/). */
export function folderGraph(files: string[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>()
  for (const file of files) {
    const from = mainFolderOf(file)
    if (!from) continue
    for (const { spec } of importSpecs(file)) {
      if (!spec.startsWith('.')) continue
      const to = mainFolderOf(resolveRelative(file, spec))
      if (!to || to === from) continue
      const edges = graph.get(from) ?? new Map<string, string[]>()
      edges.set(to, [...(edges.get(to) ?? []), `${file} imports ${spec}`])
      graph.set(from, edges)
    }
  }
  return graph
}

/**
 * The cycles of a directed graph, one per strongly connected component with more than one node
 * (Tarjan's algorithm), each as its sorted node names.
 */
export function cyclesOf(graph: Map<string, Iterable<string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node)!)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!))
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1) cycles.push(component.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return cycles
}
