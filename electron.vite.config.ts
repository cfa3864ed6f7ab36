import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Explicit entries: our layout is top-level main/ preload/ renderer/ (not electron-vite's src/ default).
// The main build also emits the CLI and the worker, so `serve` and the CLI run without Electron.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          electron: resolve(__dirname, 'main/electron/main.ts'),
          cli: resolve(__dirname, 'main/cli/main.ts'),
          'scene.worker': resolve(__dirname, 'main/workers/scene.worker.ts'),
          'synth.worker': resolve(__dirname, 'main/synth/synth.worker.ts'),
        },
        external: ['sharp', 'onnxruntime-node', 'ws', 'fast-png', 'zod', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
})
