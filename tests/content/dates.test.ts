import { test } from "node:test";
import assert from "node:assert/strict";
import { dateFromFileName, formatDate, parsePostDate, todayIn, type PostDate } from "../../src/content/dates.ts";

const SEOUL = "Asia/Seoul";

function parsed(value: unknown, timeZone = SEOUL): { date: PostDate; warnings: string[] } {
  const result = parsePostDate(value, timeZone);
  assert.ok(result.ok, `expected ${JSON.stringify(value)} to parse, got ${result.ok ? "" : result.error}`);
  return result;
}

const validCases: [name: string, input: unknown, instant: string, iso: string, shown: string][] = [
  ["date only is midnight in Seoul", "2021-04-13", "2021-04-12T15:00:00.000Z", "2021-04-13T00:00:00+09:00", "2021년 4월 13일"],
  [
    "no offset is read in the site zone: 00:30 is still the 13th in Seoul",
    "2021-04-13T00:30:00",
    "2021-04-12T15:30:00.000Z",
    "2021-04-13T00:30:00+09:00",
    "2021년 4월 13일",
  ],
  ["explicit +09:00", "2021-04-13T10:00:00+09:00", "2021-04-13T01:00:00.000Z", "2021-04-13T10:00:00+09:00", "2021년 4월 13일"],
  [
    "Chirpy style: space, no colon in the offset",
    "2021-04-13 10:00:00 +0900",
    "2021-04-13T01:00:00.000Z",
    "2021-04-13T10:00:00+09:00",
    "2021년 4월 13일",
  ],
  ["Z keeps UTC and the written wall date", "2021-04-13T23:00:00Z", "2021-04-13T23:00:00.000Z", "2021-04-13T23:00:00Z", "2021년 4월 13일"],
  ["negative offset", "2021-04-13T10:00:00-05:00", "2021-04-13T15:00:00.000Z", "2021-04-13T10:00:00-05:00", "2021년 4월 13일"],
  ["+14:00 is a real offset (Line Islands)", "2021-04-13T10:00:00+14:00", "2021-04-12T20:00:00.000Z", "2021-04-13T10:00:00+14:00", "2021년 4월 13일"],
  ["leap day", "2024-02-29", "2024-02-28T15:00:00.000Z", "2024-02-29T00:00:00+09:00", "2024년 2월 29일"],
  ["single-digit month and day", "2021-4-3", "2021-04-02T15:00:00.000Z", "2021-04-03T00:00:00+09:00", "2021년 4월 3일"],
  ["surrounding spaces", "  2021-04-13  ", "2021-04-12T15:00:00.000Z", "2021-04-13T00:00:00+09:00", "2021년 4월 13일"],
];

for (const [name, input, instant, iso, shown] of validCases) {
  test(`parsePostDate: ${name} (${JSON.stringify(input)})`, () => {
    const { date, warnings } = parsed(input);
    assert.equal(date.instant.toISOString(), instant);
    assert.equal(date.iso, iso);
    assert.equal(formatDate(date), shown);
    assert.deepEqual(warnings, []);
  });
}

test("parsePostDate: +18:00 warns and keeps the written 2021-04-13 wall clock in the site zone", () => {
  const { date, warnings } = parsed("2021-04-13T13:00:00+18:00");
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /\+18:00/);
  assert.match(warnings[0]!, /-12:00\.\.\+14:00/);
  assert.deepEqual(date.wall, { year: 2021, month: 4, day: 13, hour: 13, minute: 0, second: 0 });
  assert.equal(date.iso, "2021-04-13T13:00:00+09:00");
  assert.equal(date.instant.toISOString(), "2021-04-13T04:00:00.000Z");
  assert.equal(formatDate(date), "2021년 4월 13일");
});

test("parsePostDate: -13:00 is out of range too", () => {
  const { warnings, date } = parsed("2021-04-13T13:00:00-13:00");
  assert.equal(warnings.length, 1);
  assert.equal(date.iso, "2021-04-13T13:00:00+09:00");
});

test("parsePostDate: no offset uses the zone it is given", () => {
  assert.equal(parsed("2021-04-13T00:30:00", SEOUL).date.instant.toISOString(), "2021-04-12T15:30:00.000Z");
  assert.equal(parsed("2021-04-13T00:30:00", "UTC").date.instant.toISOString(), "2021-04-13T00:30:00.000Z");
  assert.equal(parsed("2021-04-13T00:30:00", "America/New_York").date.iso, "2021-04-13T00:30:00-04:00");
});

test("parsePostDate: a Date (from a YAML timestamp elsewhere) is read as its instant", () => {
  const { date } = parsed(new Date("2021-04-13T01:00:00Z"));
  assert.equal(date.instant.toISOString(), "2021-04-13T01:00:00.000Z");
});

const invalidCases: [name: string, input: unknown, messagePart: RegExp][] = [
  ["impossible date 2021-02-30", "2021-02-30", /2021-02-30.*not a real date/],
  ["not a leap year", "2021-02-29", /not a real date/],
  ["month 13", "2021-13-01", /not a real date/],
  ["hour 25", "2021-04-13T25:00:00", /not a real date or time/],
  ["words", "yesterday", /expected a date like 2021-04-13/],
  ["a number", 20210413, /expected a date like 2021-04-13.*got 20210413/],
  ["an empty string", "", /expected a date like/],
  ["null", null, /expected a date like/],
];

for (const [name, input, messagePart] of invalidCases) {
  test(`parsePostDate rejects ${name}`, () => {
    const result = parsePostDate(input, SEOUL);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.error, messagePart);
  });
}

test("formatDate shows the written calendar date whatever the process time zone", () => {
  // 00:30 in Seoul is still the 12th in UTC: the shown date must not follow the instant.
  const { date } = parsed("2021-04-13T00:30:00");
  assert.equal(formatDate(date), "2021년 4월 13일");
  const late = parsed("2021-12-31T23:59:59+09:00").date;
  assert.equal(formatDate(late), "2021년 12월 31일");
});

test("formatDate writes the same calendar day with each language's conventions", () => {
  const { date } = parsed("2021-04-13T00:30:00");
  assert.equal(formatDate(date, "en-US"), "April 13, 2021");
  assert.equal(formatDate(date, "en-GB"), "13 April 2021");
  assert.equal(formatDate(date, "ko-KR"), "2021년 4월 13일");
});

const fileNameCases: [fileName: string, expected: string | undefined][] = [
  ["2021-04-13-kubernetes-intro.md", "2021-04-13"],
  ["2021-04-13-쿠버네티스.md", "2021-04-13"],
  ["kubernetes-intro.md", undefined],
  ["2021-04-13.md", undefined],
  ["index.md", undefined],
  ["21-04-13-short-year.md", undefined],
  // Jekyll's matcher takes one or two digits for the month and the day (taeyeonkim2's YAT blog: 52 posts).
  ["2023-6-11-SPRING7.md", "2023-06-11"],
  ["2023-12-1-x.md", "2023-12-01"],
  ["2023-6-10.md", undefined],
];

for (const [fileName, expected] of fileNameCases) {
  test(`dateFromFileName(${JSON.stringify(fileName)}) is ${JSON.stringify(expected)}`, () => {
    assert.equal(dateFromFileName(fileName), expected);
  });
}

test("todayIn: the calendar day in the given zone, not the server's", () => {
  const instant = new Date("2021-04-12T15:30:00Z");
  assert.equal(todayIn(SEOUL, instant), "2021-04-13");
  assert.equal(todayIn("UTC", instant), "2021-04-12");
});
