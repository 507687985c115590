/**
 * The plain value types every domain shares. They live here, not in a domain
 * folder, because core/shared may import no domain (issue 9 layer edges).
 */

/** Integer fen (1/100 CNY). */
export type Fen = number
/** A calendar date in the organisation's time zone, `YYYY-MM-DD`. */
export type LocalDate = string
/** A wall-clock time of day, `HH:MM` (24 h). */
export type LocalTime = string
