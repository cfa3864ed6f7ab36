import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { assertRedisReachable, connectionOptions, parseQueueUrl } from '../../main/fleet/queueUrl'

describe('parseQueueUrl', () => {
  it('reads host, port and database; defaults port 6379 and database 0', () => {
    expect(parseQueueUrl('redis://queue.lab:6380/3')).toMatchObject({
      host: 'queue.lab',
      port: 6380,
      db: 3,
      tls: false,
    })
    expect(parseQueueUrl('redis://10.0.0.5')).toMatchObject({ host: '10.0.0.5', port: 6379, db: 0 })
    expect(parseQueueUrl('rediss://[::1]:7000/1')).toMatchObject({
      host: '::1',
      port: 7000,
      db: 1,
      tls: true,
    })
  })

  it('keeps credentials for the connection but never shows the password', () => {
    const target = parseQueueUrl('redis://robot:s%40cret@queue.lab:6379/0')
    expect(connectionOptions(target)).toMatchObject({
      username: 'robot',
      password: 's@cret',
      maxRetriesPerRequest: null,
    })
    expect(target.display).toBe('redis://robot@queue.lab:6379/0')
    expect(parseQueueUrl('redis://:pw@h:1/0').display).not.toContain('pw')
  })

  it('workers wait through Redis outages; the submitter and --status give up after 3 tries', () => {
    const target = parseQueueUrl('redis://h')
    expect(connectionOptions(target, 'worker').maxRetriesPerRequest).toBeNull()
    expect(connectionOptions(target, 'client').maxRetriesPerRequest).toBe(3)
  })

  it.each([
    ['queue.lab:6379', /not a URL|not supported/],
    ['http://queue.lab:6379', /"http:" is not supported/],
    ['redis://queue.lab:6379/db', /not a number/],
    ['redis://queue.lab:6379/0?x=1', /query/],
  ])('refuses %s with a clear message', (text, message) => {
    expect(() => parseQueueUrl(text)).toThrow(message)
  })
})

describe('assertRedisReachable', () => {
  it('fails fast, naming the address, when nothing listens there', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await expect(assertRedisReachable(parseQueueUrl(`redis://127.0.0.1:${port}`))).rejects.toThrow(
      `could not reach Redis at redis://127.0.0.1:${port}/0: ECONNREFUSED`,
    )
  })

  it('resolves when something accepts connections', async () => {
    const server = createServer((socket) => socket.end())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    await expect(
      assertRedisReachable(parseQueueUrl(`redis://127.0.0.1:${port}`)),
    ).resolves.toBeUndefined()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
})
