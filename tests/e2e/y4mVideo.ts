import { writeFileSync } from 'node:fs'
import sharp from 'sharp'

/**
 * Writes a one-frame Y4M video (4:2:0, BT.601 studio range) of an image, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`, which loops it): the webcam then films a real scene.
 */
export async function writeY4mOfImage(imagePath: string, outPath: string): Promise<void> {
  const { data, info } = await sharp(imagePath)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const width = info.width - (info.width % 2)
  const height = info.height - (info.height % 2)
  const luma = Buffer.alloc(width * height)
  const chromaWidth = width / 2
  const blue = Buffer.alloc((width * height) / 4)
  const red = Buffer.alloc((width * height) / 4)
  const pixel = (x: number, y: number) => {
    const i = (y * info.width + x) * 3
    return [data[i], data[i + 1], data[i + 2]]
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y)
      luma[y * width + x] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255)
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let [r, g, b] = [0, 0, 0]
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const [pr, pg, pb] = pixel(x + dx, y + dy)
        r += pr / 4
        g += pg / 4
        b += pb / 4
      }
      const index = (y / 2) * chromaWidth + x / 2
      blue[index] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255)
      red[index] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255)
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`)
  writeFileSync(outPath, Buffer.concat([header, luma, blue, red]))
}
