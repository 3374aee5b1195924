/**
 * Ticket numbers read `GD-YYYYMMDD-NNNN`: the day in the organisation's time zone and a
 * per-day sequence that grows past four digits when a day has more than 9,999 tickets.
 */
export function formatTicketNumber(localDay: string, sequence: number): string {
  if (!/^\d{8}$/.test(localDay)) throw new Error(`bad local day ${localDay}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`bad sequence ${sequence}`);
  return `GD-${localDay}-${String(sequence).padStart(4, '0')}`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYYMMDD) of an instant in an IANA time zone. */
export function localDayKey(instant: Date, timeZone: string): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

export const TICKET_NUMBER_PATTERN = /^GD-\d{8}-\d{4,}$/;
