// `npm run setup:llm [-- --gpu cuda|vulkan]`: installs node-llama-cpp, the embedded LLM runtime, into
// vendor/node-llama-cpp (outside the app's own node_modules).
//
// Why a separate folder: node-llama-cpp lists a prebuilt binary package for every platform and GPU
// variant as optional dependencies. A plain install pulls all linux-x64 variants (≈ 725 MB, CUDA and
// Vulkan builds included), and recording them in our package-lock makes `npm ci` demand every other
// platform's package from the registry. Installed here, with optional dependencies left out and the
// one binary package for this platform named explicitly, it is ≈ 85 MB and works offline: the
// prebuilt binary is used as is (no download, no build).
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

/** Pinned: the runtime and its binary package must be the same version. */
export const NODE_LLAMA_CPP_VERSION = '3.22.1'

const root = fileURLToPath(new URL('..', import.meta.url))
const target = join(root, 'vendor', 'node-llama-cpp')

function platformPackage(gpu) {
  const os = { linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform]
  if (!os) throw new Error(`node-llama-cpp has no prebuilt binary for ${process.platform}`)
  if (os === 'mac') return process.arch === 'arm64' ? 'mac-arm64-metal' : 'mac-x64'
  const base = `${os}-${process.arch === 'arm' ? 'armv7l' : process.arch}`
  return gpu ? `${base}-${gpu}` : base
}

function parseGpu(argv) {
  const at = argv.indexOf('--gpu')
  if (at < 0) return null
  const gpu = argv[at + 1]
  if (gpu !== 'cuda' && gpu !== 'vulkan') {
    console.error('--gpu takes "cuda" or "vulkan"')
    process.exit(2)
  }
  return gpu
}

const gpu = parseGpu(process.argv.slice(2))
const packages = [`node-llama-cpp@${NODE_LLAMA_CPP_VERSION}`]
// The CPU binary is the fallback the runtime uses when the GPU build cannot load.
packages.push(`@node-llama-cpp/${platformPackage(null)}@${NODE_LLAMA_CPP_VERSION}`)
if (gpu) packages.push(`@node-llama-cpp/${platformPackage(gpu)}@${NODE_LLAMA_CPP_VERSION}`)

const installed = join(target, 'node_modules', 'node-llama-cpp', 'package.json')
if (existsSync(installed) && !gpu) {
  const { version } = JSON.parse(readFileSync(installed, 'utf8'))
  if (version === NODE_LLAMA_CPP_VERSION) {
    console.log(`node-llama-cpp ${version} is already installed in ${target}`)
    process.exit(0)
  }
}

mkdirSync(target, { recursive: true })
writeFileSync(
  join(target, 'package.json'),
  JSON.stringify({ name: 'spatial-lens-llm-runtime', private: true, type: 'module' }, null, 2) +
    '\n',
)
console.log(`Installing ${packages.join(' ')} into ${target}`)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const result = spawnSync(
  npm,
  [
    'install',
    '--omit=optional',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    ...packages,
  ],
  {
    cwd: target,
    stdio: 'inherit',
    // The runtime's postinstall would try to download or build llama.cpp: the prebuilt binary is enough.
    env: { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true' },
  },
)
if (result.status !== 0) {
  console.error('Installing node-llama-cpp failed (see npm output above).')
  process.exit(result.status ?? 1)
}
console.log(
  'The embedded LLM runtime is installed. Use it with --llm llama:<model id or path to a .gguf>.',
)
