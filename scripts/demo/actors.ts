/** Who writes what: the front-desk user and their tablet, and the manager (MEM-9: blacklisting is a manager's). */
export interface DemoActors {
  desk: string
  deviceId: string
  manager: string
}
