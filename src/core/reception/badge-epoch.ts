/**
 * REC-4, MEM-8: badges are signed with the organisation's card key, which is replaced when someone who held the
 * desk realm leaves (they could still sign with the old one). A badge lasts the day it is printed for, so one of
 * a replaced key reads for a day after the replacement (visitors in the building then still check out by it),
 * then no more: what a leaver signs with the old key stops working a day after they leave.
 */
export const badgeGraceAfterRotationMs = 24 * 3_600_000

/**
 * Whether a badge's key, replaced at `retiredAt` (absent: the newest key, or a replacement this device has not
 * received yet), is past its grace at `now`.
 */
export function badgeKeyRetired(retiredAt: number | undefined, now: number): boolean {
  return retiredAt !== undefined && now > retiredAt + badgeGraceAfterRotationMs
}
