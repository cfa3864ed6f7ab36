import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parsePcd, pcdToFrame } from '../../main/sources/pcd'
import { lzfDecompress } from '../../main/sources/lzf'
const fx = (p: string) => new URL('../fixtures/' + p, import.meta.url).pathname
it('explore', async () => {
  const bytes = new Uint8Array(readFileSync(fx('pcl-kinect/pcd/office1.pcd')))
  const off = bytes.indexOf(0x0a, bytes.indexOf(0x44 /*D*/, 200)) // rough
  const hdr = new TextDecoder().decode(bytes.subarray(0, 300))
  const dataOffset = hdr.indexOf('DATA binary_compressed\n') + 'DATA binary_compressed\n'.length
  const dv = new DataView(bytes.buffer, bytes.byteOffset + dataOffset)
  const cs = dv.getUint32(0, true), us = dv.getUint32(4, true)
  for (let r = 0; r < 5; r++) {
    let t = performance.now()
    lzfDecompress(bytes.subarray(dataOffset + 8, dataOffset + 8 + cs), us)
    const a = performance.now() - t
    t = performance.now()
    const c = parsePcd(bytes, 'x')
    const b = performance.now() - t
    t = performance.now()
    pcdToFrame(c, 'x')
    console.log('lzf', a.toFixed(1), 'parse', b.toFixed(1), 'frame', (performance.now() - t).toFixed(1), cs, us)
  }
})
