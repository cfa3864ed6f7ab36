import { connect } from 'node:net'
import { UserError } from '../app/userError'

/** Where the fleet's Redis is: the pieces of `redis://[user:password@]host[:port][/db]`. */
export interface RedisTarget {
  host: string
  port: number
  db: number
  username?: string
  password?: string
  /** `rediss://`: TLS to the server. */
  tls: boolean
  /** The URL without its password, for messages and status lines. */
  display: string
}

/** Parses `--queue redis://host:6379[/db]` (also `rediss://` for TLS); a clear error for anything else. */
export function parseQueueUrl(text: string): RedisTarget {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UserError(`--queue: "${text}" is not a URL; expected redis://host:6379[/db]`)
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UserError(
      `--queue: "${url.protocol}" is not supported; expected redis://host:6379[/db] or rediss://…`,
    )
  }
  if (!url.hostname)
    throw new UserError('--queue: the URL names no host; expected redis://host:6379[/db]')
  const port = url.port ? Number(url.port) : 6379
  const dbText = url.pathname.replace(/^\//, '')
  if (dbText !== '' && !/^\d{1,2}$/.test(dbText)) {
    throw new UserError(
      `--queue: the database "${dbText}" is not a number 0-99 (redis://host:6379/0)`,
    )
  }
  if (url.search || url.hash)
    throw new UserError('--queue: the URL may not have ?query or #fragment parts')
  const db = dbText === '' ? 0 : Number(dbText)
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const username = url.username ? decodeURIComponent(url.username) : undefined
  const password = url.password ? decodeURIComponent(url.password) : undefined
  const auth = username ? `${username}@` : password ? ':***@' : ''
  return {
    host,
    port,
    db,
    username,
    password,
    tls: url.protocol === 'rediss:',
    display: `${url.protocol}//${auth}${url.host}/${db}`,
  }
}

/**
 * ioredis options for BullMQ. Workers (`role` 'worker') wait through Redis outages: BullMQ needs
 * maxRetriesPerRequest null for their blocking commands, and they resume when Redis is back. The
 * submitter and `--status` ('client') give up after a few reconnection tries with an error instead
 * of waiting forever.
 */
export function connectionOptions(
  target: RedisTarget,
  role: 'worker' | 'client' = 'worker',
): Record<string, unknown> {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    ...(target.tls ? { tls: {} } : {}),
    maxRetriesPerRequest: role === 'worker' ? null : 3,
  }
}

/**
 * Fails fast with a clear message when nothing listens at the Redis address (the Redis client
 * itself would retry forever and the command would look hung).
 */
export function assertRedisReachable(target: RedisTarget, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port })
    const fail = (why: string) => {
      socket.destroy()
      reject(
        new UserError(
          `could not reach Redis at ${target.display}: ${why} (is redis-server running there?)`,
        ),
      )
    }
    socket.setTimeout(timeoutMs, () => fail(`no answer in ${timeoutMs / 1000} s`))
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message))
    socket.once('connect', () => {
      socket.end()
      resolve()
    })
  })
}
