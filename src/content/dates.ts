/**
 * Post dates, read the way the author meant them.
 *
 * YAML's own timestamp type is switched off for front matter (see front-matter.ts) because js-yaml
 * silently shifts `+18:00` to the previous day and reads a time without an offset as UTC. Here a
 * date string is split into the wall-clock fields the author wrote and the offset they gave, so a
 * post can show "2021년 4월 13일" exactly as written while feeds and sorting use the real instant.
 * The pattern is written by hand because no parser keeps an out-of-range offset's wall clock, and
 * Chirpy's `2021-04-13 10:00:00 +0900` (space, no colon) is not ISO 8601.
 */
import { DateTime, FixedOffsetZone } from "luxon";

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface PostDate {
  /** The instant, for sorting, feeds and sitemaps. */
  instant: Date;
  /** ISO 8601 with the offset in force, for `<time datetime>` and feeds. */
  iso: string;
  /** Calendar fields as the author wrote them; what readers are shown. */
  wall: WallClock;
}

export type DateResult =
  | { ok: true; date: PostDate; warnings: string[] }
  | { ok: false; error: string };

/** Real UTC offsets run from -12:00 (Baker Island) to +14:00 (Line Islands). */
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export const EXPECTED_DATE =
  "a date like 2021-04-13, 2021-04-13T10:00:00+09:00 or 2021-04-13 10:00:00 +0900";

function parseOffsetMinutes(text: string): number {
  if (text.toUpperCase() === "Z") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 60 + minutes);
}

function fromWallClock(wall: WallClock, zone: string | FixedOffsetZone): DateTime {
  return DateTime.fromObject(wall, { zone });
}

/**
 * Reads a front-matter date. A value without an offset is in `timeZone`; an offset outside
 * -12:00..+14:00 is reported and the written wall clock kept in `timeZone`.
 */
export function parsePostDate(value: unknown, timeZone: string): DateResult {
  const text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value.trim() : undefined;
  if (text === undefined) return { ok: false, error: `expected ${EXPECTED_DATE}, got ${JSON.stringify(value)}` };
  const match = DATE_PATTERN.exec(text);
  if (!match) return { ok: false, error: `expected ${EXPECTED_DATE}, got "${text}"` };
  const [, y, mo, d, h = "0", mi = "0", s = "0", offsetText] = match;
  const wall: WallClock = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: Number(h), minute: Number(mi), second: Number(s),
  };
  const warnings: string[] = [];
  let zone: string | FixedOffsetZone = timeZone;
  if (offsetText !== undefined) {
    const offset = parseOffsetMinutes(offsetText);
    if (offset < MIN_OFFSET_MINUTES || offset > MAX_OFFSET_MINUTES) {
      warnings.push(
        `offset ${offsetText} is outside -12:00..+14:00; kept the written time ${text.slice(0, 19)} in ${timeZone}`,
      );
    } else {
      zone = FixedOffsetZone.instance(offset);
    }
  }
  const dateTime = fromWallClock(wall, zone);
  if (!dateTime.isValid) {
    return { ok: false, error: `"${text}" is not a real date or time (${dateTime.invalidExplanation ?? "invalid"})` };
  }
  // A wall clock that does not exist in the zone (a DST gap) is moved by luxon; keep what it chose.
  return {
    ok: true,
    warnings,
    date: {
      instant: dateTime.toJSDate(),
      iso: dateTime.toISO({ suppressMilliseconds: true })!,
      wall: {
        year: dateTime.year, month: dateTime.month, day: dateTime.day,
        hour: dateTime.hour, minute: dateTime.minute, second: dateTime.second,
      },
    },
  };
}

/**
 * The date at the start of a post's file name, as Jekyll reads it (`Document::DATE_FILENAME_MATCHER`):
 * one or two digits for the month and the day, so `2023-6-11-SPRING.md` is dated too (52 posts of
 * taeyeonkim2's YAT blog were dated the day of the import).
 */
export const FILE_NAME_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})-/;

/** `2021-04-13-kubernetes-intro.md` -> `2021-04-13`; `2023-6-1-x.md` -> `2023-06-01`. */
export function dateFromFileName(fileName: string): string | undefined {
  const match = FILE_NAME_DATE.exec(fileName);
  return match ? `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}` : undefined;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "2021년 4월 13일" (`ko-KR`) or "April 13, 2021" (`en-US`): the calendar date the author wrote, in the
 * site's time zone or the offset they gave (the wall clock), whatever the reader's or server's zone.
 */
export function formatDate(date: PostDate, locale = "ko-KR"): string {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    // UTC here only carries the wall clock's fields through unchanged; the zone was applied when parsing.
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  const { year, month, day } = date.wall;
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}

/** Today's calendar date in `timeZone`, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

/** A moment (a git commit, say) as a PostDate in `timeZone`. */
export function postDateFromInstant(instant: Date, timeZone: string): PostDate {
  const dateTime = DateTime.fromJSDate(instant, { zone: timeZone });
  return {
    instant,
    iso: dateTime.toISO({ suppressMilliseconds: true })!,
    wall: {
      year: dateTime.year, month: dateTime.month, day: dateTime.day,
      hour: dateTime.hour, minute: dateTime.minute, second: dateTime.second,
    },
  };
}

/** True when both dates fall on the same calendar day as written (a 수정일 the same day adds nothing). */
export function isSameCalendarDay(a: PostDate, b: PostDate): boolean {
  return a.wall.year === b.wall.year && a.wall.month === b.wall.month && a.wall.day === b.wall.day;
}
