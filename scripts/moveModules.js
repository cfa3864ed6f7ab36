// Moves TypeScript modules with `git mv` and rewrites every relative import that named them, in the
// moved files themselves too (how main/app and main/frames left main/services):
//   node scripts/moveModules.js main/services/paths.ts=main/app/paths.ts …
// After a merge of branches that moved different files, `--fix-dangling` rewrites each relative
// import whose target no longer exists to the one source file of that name, and lists the ones it
// cannot place (no such file, or several):
//   node scripts/moveModules.js --fix-dangling
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, normalize, relative } from 'node:path'

const FOLDERS = ['main', 'preload', 'renderer', 'tests', 'bench', 'scripts', 'bin']
const CONFIGS = ['electron.vite.config.ts', 'vitest.config.ts']
// Any quoted relative path (imports, vi.mock, fixture paths of moved tests) …
const SPEC = /()(['"])(\.{1,2}\/[^'"\n]*)\2/g
// … or, for dangling ones, only what an import statement names (not code generated into strings).
const IMPORT_SPEC =
  /(\bfrom\s+|\bimport\s*\(\s*|^import\s+|\bvi\.mock\(\s*)(['"])(\.{1,2}\/[^'"\n]*)\2/gm
const stripExtension = (path) => path.replace(/\.(tsx?|js)$/, '')

function sourceFiles(folder) {
  if (!existsSync(folder)) return []
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (name === 'node_modules' || name === 'fixtures') return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(tsx?|m?js|cjs)$/.test(name) ? [path] : []
  })
}

const isModule = (base) =>
  ['.ts', '.tsx', '.js', '/index.ts', ''].some((ext) => existsSync(base + ext))

function relativeSpec(fromFile, target) {
  const spec = relative(dirname(fromFile), target)
  return spec.startsWith('.') ? spec : `./${spec}`
}

/** Rewrites every relative specifier of every file with `map(file, newFile, base) → new base | null`. */
function rewriteAll(files, newPathOf, map, pattern = SPEC) {
  let changed = 0
  for (const file of files) {
    const newFile = newPathOf(file)
    const text = readFileSync(file, 'utf8')
    const next = text.replace(pattern, (whole, prefix, quote, spec) => {
      const target = normalize(join(dirname(file), spec))
      const extension = /\.(tsx?|js)$/.exec(target)?.[0] ?? ''
      const base = extension ? target.slice(0, -extension.length) : target
      const newBase = map(file, newFile, base)
      if (newBase === null) return whole
      return `${prefix}${quote}${relativeSpec(newFile, newBase)}${extension}${quote}`
    })
    if (next !== text) {
      writeFileSync(file, next)
      changed++
    }
  }
  return changed
}

function move(pairs) {
  const moves = new Map(pairs.map((pair) => pair.split('=')))
  const moduleMoves = new Map(
    [...moves].map(([from, to]) => [stripExtension(from), stripExtension(to)]),
  )
  const files = [...FOLDERS.flatMap(sourceFiles), ...CONFIGS.filter((file) => existsSync(file))]
  const changed = rewriteAll(
    files,
    (file) => moves.get(file) ?? file,
    (file, newFile, base) => {
      const moved = moduleMoves.get(base)
      if (moved) return moved
      // A moved file keeps pointing at the same unmoved modules (and data files) from its new place.
      return newFile !== file && isModule(base) ? base : null
    },
  )
  for (const [from, to] of moves) {
    mkdirSync(dirname(to), { recursive: true })
    execFileSync('git', ['mv', from, to])
  }
  console.log(`moved ${moves.size} file(s); rewrote imports in ${changed} file(s)`)
}

function fixDangling() {
  // Not bench/ or scripts/: they write code into strings that runs from the repository root.
  const files = ['main', 'preload', 'renderer', 'tests'].flatMap(sourceFiles)
  const byName = new Map()
  for (const file of files.filter((f) => /\.tsx?$/.test(f))) {
    const name = stripExtension(basename(file))
    byName.set(name, [...(byName.get(name) ?? []), stripExtension(file)])
  }
  const unplaced = []
  const changed = rewriteAll(
    files,
    (file) => file,
    (file, _newFile, base) => {
      if (isModule(base)) return null
      const candidates = byName.get(basename(base)) ?? []
      if (candidates.length === 1) return candidates[0]
      unplaced.push(`${file}: ${base} (${candidates.length} candidates)`)
      return null
    },
    IMPORT_SPEC,
  )
  console.log(`rewrote dangling imports in ${changed} file(s)`)
  for (const line of unplaced) console.log(`cannot place ${line}`)
  if (unplaced.length > 0) process.exitCode = 1
}

const args = process.argv.slice(2)
if (args[0] === '--fix-dangling') fixDangling()
else if (args.length > 0 && args.every((arg) => /^[^=]+=[^=]+$/.test(arg))) move(args)
else {
  console.error('usage: node scripts/moveModules.js old.ts=new.ts … | --fix-dangling')
  process.exitCode = 2
}
