/**
 * Runtime schemas of the shared value types (units.ts), for the record schemas of every domain.
 * They check and never transform: a stored body is returned as it was stored.
 */
import * as v from 'valibot'
import type { Fen, LocalDate, LocalTime } from './units'

/** Integer fen: a fraction of a fen or a float of yuan is not money here. */
export const fenSchema: v.GenericSchema<Fen> = v.pipe(v.number(), v.safeInteger())
export const localDateSchema: v.GenericSchema<LocalDate> = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))
export const localTimeSchema: v.GenericSchema<LocalTime> = v.pipe(v.string(), v.regex(/^\d{2}:\d{2}$/))
/** An instant as epoch milliseconds. */
export const instantSchema = v.number()

/** Text a manager enters in both UI languages. */
export const bilingualSchema = v.object({ 'zh-CN': v.string(), en: v.string() })
