import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parsePcd, pcdToFrame } from '../../main/sources/pcd'
import { loadRgbdFrame } from '../../main/sources/rgbdFrame'
const fx = (p: string) => new URL('../fixtures/' + p, import.meta.url).pathname
it('explore', async () => {
  for (const f of ['milk_cartoon_all_small_clorox', 'office1', 'table_scene_mug_stereo_textured']) {
    const bytes = readFileSync(fx('pcl-kinect/pcd/' + f + '.pcd'))
    let t = performance.now()
    const c = parsePcd(bytes, f)
    const tp = performance.now() - t
    t = performance.now()
    const fr = pcdToFrame(c, f)
    const tf = performance.now() - t
    let n = 0, zmin = 1e9, zmax = -1e9
    for (let i = 0; i < c.width * c.height; i++) { const z = c.pointsInCamera[i * 3 + 2]; if (Number.isFinite(z)) { n++; zmin = Math.min(zmin, z); zmax = Math.max(zmax, z) } }
    const mid = (240 * 640 + 320) * 3
    console.log(f, n, (n / 307200).toFixed(4), zmin, zmax, fr.intrinsics, tp.toFixed(1), tf.toFixed(1), Array.from(c.colors!.slice(mid, mid + 9)))
  }
  for (const [rgb, d, k, s] of [
    ['synthetic-tabletop/scene_640x480_color.png', 'synthetic-tabletop/scene_640x480_depth.png', 'tum-open3d/intrinsics.json', 1000],
    ['tum-open3d/TUM_color.png', 'tum-open3d/TUM_depth.png', 'tum-open3d/intrinsics.json', undefined],
    ['nyu-metric3d/rgb/rgb_00000.jpg', 'nyu-metric3d/depth/sync_depth_00000.png', 'nyu-metric3d/intrinsics.json', undefined],
    ['sunrgbd-mmdet3d/image/000001.jpg', 'sunrgbd-mmdet3d/depth/000001.png', 'sunrgbd-mmdet3d/intrinsics.json', undefined],
    ['pcl-kinect/rgbd/frame_20121214T142255.814212_rgb.png', 'pcl-kinect/rgbd/frame_20121214T142255.814212_depth.png', 'pcl-kinect/intrinsics.json', undefined],
  ] as const) {
    const t = performance.now()
    const f = await loadRgbdFrame({ rgbPath: fx(rgb), depthPath: fx(d), intrinsicsPath: fx(k), depthScale: s })
    const dt = performance.now() - t
    let n = 0, zmin = 1e9, zmax = -1e9
    for (const z of f.depth!.data) if (z > 0) { n++; zmin = Math.min(zmin, z); zmax = Math.max(zmax, z) }
    console.log(rgb, f.rgb.width, f.rgb.height, n / f.depth!.data.length, zmin, zmax, dt.toFixed(1), f.sourceDescription)
  }
})
