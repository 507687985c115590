import type { LobbyDb } from './db'
import type { DeviceDoc } from './documents'

/** CONF-10: the devices that registered with this organisation, and their revocation. */
export function createDevicesRepo(db: LobbyDb) {
  return {
    list: (): Promise<DeviceDoc[]> => db.devices.toArray(),
    /** Marks a device revoked (synced to every device; the revoked one wipes itself when it sees it). */
    async revoke(deviceId: string, by: string): Promise<void> {
      await db.transaction('rw', db.devices, async () => {
        const doc = await db.devices.get(`device:${deviceId}`)
        if (!doc || doc.revoked) return
        await db.devices.put({ ...doc, by, revoked: { by, at: new Date().toISOString() }, _local: 1 })
      })
    },
    /** Whether any of these devices is revoked. */
    async isRevoked(...deviceIds: string[]): Promise<boolean> {
      return (await db.devices.bulkGet(deviceIds.map((id) => `device:${id}`))).some((d) => d?.revoked !== undefined)
    },
  }
}
